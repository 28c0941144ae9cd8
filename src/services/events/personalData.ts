// What the events area holds about a person, for "my data" and "forget me", and the two ports
// other areas read: a person's booked times (facilitation) and a channel's next events.
import type { BookingCalendar, PersonalDataHolder, UpcomingEvents, Clock } from '../../domain/ports.js';
import type { EventIndex, EventRepository, PersonIndex } from '../../domain/events/ports.js';
import type { Logger } from '../../logging.js';
import { runLimited } from '../../domain/async.js';
import { entryOf, listingOf, type EventsService } from './eventsService.js';
import type { EventCalendars } from './calendars.js';

interface Deps {
  events: EventsService;
  calendars: EventCalendars;
  repo: EventRepository;
  index: EventIndex;
  personIndex: PersonIndex;
  clock: Clock;
  logger: Logger;
}

export function eventsDataHolder(d: Deps): PersonalDataHolder {
  return {
    area: 'events',
    async export(userId) {
      const actor = { id: userId, guest: true, roles: [] };
      const mine = await d.events.myRegistrations(actor, { past: true });
      const organised = await d.index.byOrganiser(userId);
      return {
        registrations: mine.map(({ event: e }) => ({
          eventId: e.id,
          title: e.title,
          start: e.start,
          end: e.end,
          status: e.myStatus,
          waitlistPosition: e.myWaitlistPosition,
          attended: e.attended ?? false,
          eventStatus: e.status,
        })),
        cpd: mine
          .filter((m) => m.event.attended)
          .map(({ event: e }) => ({ eventId: e.id, title: e.title, category: e.category, start: e.start, end: e.end, organiser: e.organiserName })),
        organisedEvents: organised.map((o) => ({ eventId: o.eventId, title: o.title, start: o.start.toISOString() })),
        calendarFeed: await d.calendars.current(userId),
      };
    },
    async erase(userId) {
      // Future bookings are cancelled (the waitlist moves up); past ones leave only counts.
      const entries = await d.personIndex.list(userId);
      const ids = [...new Set(entries.map((e) => e.eventId))];
      await runLimited(ids, 4, async (id) => {
        try {
          await d.events.lines.submit(id, { kind: 'erase', userId });
        } catch (e) {
          if (!(e instanceof Error && /No event/.test(e.message))) throw e;
        }
      });
      await d.personIndex.remove(userId, ids);
      await d.calendars.revoke(userId);
      // Events they organised stay (people are booked on them) but lose the organiser's name.
      for (const o of await d.index.byOrganiser(userId)) {
        try {
          const outcome = await d.events.lines.submit(o.eventId, { kind: 'forget-organiser', userId });
          void outcome;
          const s = await d.repo.get(o.eventId);
          if (s) await d.index.put(entryOf(s.event), listingOf(s.event, s.seats));
        } catch (e) {
          if (!(e instanceof Error && /No event/.test(e.message))) throw e;
        }
        await d.index.remove(o, { ...o, organiserId: '' });
      }
      d.logger.info({ events: ids.length }, 'events data erased');
    },
  };
}

export function bookingCalendar(events: EventsService): BookingCalendar {
  return {
    busy: async (userId, from, to) => (await events.busy(userId, from, to)).map(({ start, end }) => ({ start, end })),
  };
}

export function upcomingEvents(d: { index: EventIndex; repo: EventRepository; clock: Clock }): UpcomingEvents {
  return {
    async forChannel(channelId, limit) {
      const now = d.clock.now();
      const lines = await d.index.forChannel(channelId, new Date(now.getTime() - 7 * 86_400_000), Math.max(limit, 1) * 4 + 10);
      // Lines that list their event are shown as they are (a few seconds' lag is fine here); others are checked.
      const listed = new Map(lines.filter((l) => l.listing).map((l) => [l.eventId, l.listing!.event]));
      const unchecked = [...new Set(lines.filter((l) => !l.listing && !listed.has(l.eventId)).map((l) => l.eventId))];
      const heads = await runLimited(unchecked, 8, (id) => d.repo.get(id));
      const events = [...listed.values(), ...heads.filter((s) => !!s).map((s) => s!.event)];
      return events
        .filter((e) => e.status === 'scheduled' && e.channelId === channelId && e.end > now)
        .sort((a, b) => a.start.getTime() - b.start.getTime())
        .slice(0, limit)
        .map((e) => ({ eventId: e.id, title: e.title, start: e.start, end: e.end }));
    },
  };
}
