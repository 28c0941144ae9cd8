// Builds the events area for the composition root (src/app.ts): its tables, the events service
// (with its per-event seat lines), calendars, import, and what it offers other areas.
import type { Config } from '../config.js';
import type { Logger } from '../logging.js';
import type { BookingCalendar, Clock, PersonalDataHolder, UpcomingEvents } from '../domain/ports.js';
import type { Storage } from '../storage/storage.js';
import type { Services } from '../services/container.js';
import { TableEventRepository } from '../storage/eventRepository.js';
import { TableEventIndex, TablePersonIndex } from '../storage/eventIndexRepository.js';
import { TableCalendarTokens } from '../storage/calendarTokenRepository.js';
import { EventsService, type EventsDeps } from '../services/events/eventsService.js';
import { EventCalendars } from '../services/events/calendars.js';
import { EventImporter } from '../services/events/importer.js';
import { bookingCalendar, eventsDataHolder, upcomingEvents } from '../services/events/personalData.js';

export interface EventsArea {
  services: Pick<Services, 'events' | 'eventRepository' | 'eventCalendars' | 'eventImporter'>;
  bookings: BookingCalendar;
  upcomingEvents: UpcomingEvents;
  dataHolder: PersonalDataHolder;
}

/** `services` is read when needed (people, channels, notifier and scheduler are built alongside). */
export function createEventsArea(storage: Storage, config: Config, clock: Clock, logger: Logger, services: () => Services): EventsArea {
  const repo = new TableEventRepository(storage.table('events'));
  const index = new TableEventIndex(storage.table('eventIndex'));
  const personIndex = new TablePersonIndex(storage.table('eventPeople'));
  const tokens = new TableCalendarTokens(storage.table('calendarTokens'));
  const deps: EventsDeps = {
    config,
    clock,
    logger,
    repo,
    index,
    personIndex,
    tokens,
    get channels() {
      return services().channels;
    },
    get people() {
      return services().people;
    },
    get notifier() {
      return services().notifier;
    },
    get scheduler() {
      return services().scheduler;
    },
  };
  const events = new EventsService(deps);
  const calendars = new EventCalendars({
    config,
    clock,
    repo,
    tokens,
    events,
    get people() {
      return services().people;
    },
  });
  const importer = new EventImporter({ clock, get channels() { return services().channels; }, events });
  return {
    services: { events, eventRepository: repo, eventCalendars: calendars, eventImporter: importer },
    bookings: bookingCalendar(events),
    upcomingEvents: upcomingEvents({ index, repo, clock }),
    dataHolder: eventsDataHolder({ events, calendars, repo, index, personIndex, clock, logger }),
  };
}
