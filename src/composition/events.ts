// Wires the events area: its tables, the events service (with its per-event seat lines),
// calendars, CSV import, what it offers other areas (people's bookings, a channel's next events)
// and its personal data.
import type { Config } from '../config.js';
import type { Logger } from '../logging.js';
import type { BookingCalendar, Clock, JobScheduler, Notifier, PersonalDataHolder, UpcomingEvents } from '../domain/ports.js';
import type { EventFollowUps, EventRepository } from '../domain/events/ports.js';
import type { Storage } from '../storage/storage.js';
import { TableEventRepository } from '../storage/eventRepository.js';
import { TableEventIndex, TablePersonIndex } from '../storage/eventIndexRepository.js';
import { TableCalendarTokens } from '../storage/calendarTokenRepository.js';
import { EventsService } from '../services/events/eventsService.js';
import { EventCalendars } from '../services/events/calendars.js';
import { EventImporter } from '../services/events/importer.js';
import { bookingCalendar, eventsDataHolder, upcomingEvents } from '../services/events/personalData.js';
import { MeetingSync } from '../services/events/meetings.js';
import { TeamsAttendance } from '../services/events/attendance.js';
import { createOnlineMeetings, type MeetingsGraphOptions } from '../teams/graphMeetings.js';
import type { ChannelStores } from './channels.js';
import type { PeopleArea } from './people.js';

/** What the events area offers the edges and the other areas. */
export interface EventsArea {
  /** PLT events: seats (group commit per event), rosters, CPD. */
  events: EventsService;
  eventRepository: EventRepository;
  eventCalendars: EventCalendars;
  eventImporter: EventImporter;
  /** People's PLT bookings as busy times (facilitation avoids clashes). */
  bookings: BookingCalendar;
  /** A channel's next events (the directory and the welcome card). */
  upcomingEvents: UpcomingEvents;
  /** Reads online events' attendance from their Teams meetings. */
  teamsAttendance: TeamsAttendance;
}

export function composeEvents(
  d: Pick<ChannelStores, 'channels'> &
    Pick<PeopleArea, 'people'> & { config: Config; clock: Clock; logger: Logger; storage: Storage; notifier: Notifier; scheduler: JobScheduler; followUps: EventFollowUps; graph?: MeetingsGraphOptions },
): { area: EventsArea; dataHolder: PersonalDataHolder } {
  const { config, clock, logger, storage } = d;
  const graph = createOnlineMeetings(config, logger, d.graph);
  const meetings = new MeetingSync({ clock, logger, graph, eventUrl: (id) => `${config.publicUrl}/tab/events/${encodeURIComponent(id)}` });
  const repo = new TableEventRepository(storage.table('events'));
  const index = new TableEventIndex(storage.table('eventIndex'));
  const personIndex = new TablePersonIndex(storage.table('eventPeople'));
  const tokens = new TableCalendarTokens(storage.table('calendarTokens'));
  const events = new EventsService({ config, clock, logger, repo, index, personIndex, channels: d.channels, people: d.people, notifier: d.notifier, scheduler: d.scheduler, followUps: d.followUps, meetings });
  const teamsAttendance = new TeamsAttendance({ config, clock, logger, graph, repo, people: d.people, events });
  const calendars = new EventCalendars({ config, clock, repo, tokens, events, people: d.people });
  const importer = new EventImporter({ clock, channels: d.channels, events });
  return {
    area: { events, eventRepository: repo, eventCalendars: calendars, eventImporter: importer, bookings: bookingCalendar(events), upcomingEvents: upcomingEvents({ index, repo, clock }), teamsAttendance },
    dataHolder: eventsDataHolder({ events, calendars, repo, index, personIndex, clock, logger }),
  };
}
