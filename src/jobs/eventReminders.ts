// "event.reminders": one job per event and offset. When it runs it reads the event again (a
// cancelled event, or one whose start moved since the job was set, sends nothing — the move set
// a new job) and reminds everyone booked at that moment. Each notice has a stable key, so a
// re-run after a crash sends nobody the same reminder twice (the notifier is once-per-key).
import type { JobHandler } from '../domain/ports.js';
import type { Services } from '../composition/index.js';
import { eventView } from '../contracts/events.js';
import { reminderNotice } from '../cards/events/notices.js';
import { noticeKeys } from '../services/events/keys.js';
import { runLimited } from '../domain/async.js';

/** A job whose due time is this far from start − offset belongs to an earlier start. */
const STALE_MS = 60_000;

export function eventRemindersJob(services: Services): JobHandler {
  return async (payload, job) => {
    const eventId = typeof payload.eventId === 'string' ? payload.eventId : '';
    const offsetMs = typeof payload.offsetMs === 'number' ? payload.offsetMs : NaN;
    if (!eventId || !Number.isFinite(offsetMs)) {
      services.logger.warn({ key: job.key }, 'reminder job with a bad payload; dropped');
      return;
    }
    const { events, eventRepository } = services;
    const stored = await eventRepository.get(eventId);
    if (!stored || stored.event.status !== 'scheduled') return;
    const due = stored.event.start.getTime() - offsetMs;
    if (Math.abs(due - job.dueAt.getTime()) > STALE_MS) {
      services.logger.info({ eventId }, 'reminder skipped: the event moved');
      return;
    }
    if (services.clock.now() >= stored.event.start) return;
    const booked = (await eventRepository.registrations(eventId)).filter((r) => r.status === 'booked');
    await runLimited(booked, 8, async (r) => {
      const view = eventView(stored.event, stored.seats, { status: 'booked', position: null }, services.clock.now(), false);
      await services.notifier.notify(r.userId, reminderNotice(view, offsetMs, events.inviteUrl(eventId, r)), noticeKeys.reminder(eventId, r.userId, offsetMs), 'reminder');
    });
    services.logger.info({ eventId, offsetMs, people: booked.length }, 'event reminders sent');
  };
}
