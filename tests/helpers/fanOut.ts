// A reminder fan-out like the events area's: one job per event and offset, whose handler notifies
// every booked person with the key `reminder:{eventId}:{userId}:{offsetMs}`. People are generated
// from a seed so a job for thousands fits in a small payload.
import type { JobHandler, Notifier } from '../../src/domain/ports.js';
import { notifyEach } from '../../src/services/notifications.js';

export const FANOUT_KIND = 'test.reminders';

export const fanOutPeople = (seed: string, count: number): string[] => Array.from({ length: count }, (_, i) => `${seed}-${String(i).padStart(5, '0')}`);

export const reminderKey = (eventId: string, userId: string, offsetMs: number) => `reminder:${eventId}:${userId}:${offsetMs}`;

export interface FanOutPayload {
  eventId: string;
  offsetMs: number;
  seed: string;
  count: number;
  /** Pause between people (a slow fan-out, to be interrupted). */
  delayMs?: number;
}

export function fanOutHandlers(notifier: () => Notifier): Record<string, JobHandler> {
  return {
    [FANOUT_KIND]: async (raw) => {
      const payload = raw as unknown as FanOutPayload;
      const people = fanOutPeople(payload.seed, payload.count);
      const message = (userId: string) => ({
        message: { text: `Reminder: “Practice nursing PLT” (${payload.eventId}) starts in ${Math.round(payload.offsetMs / 3600_000)} hours.` },
        key: reminderKey(payload.eventId, userId, payload.offsetMs),
      });
      if (!payload.delayMs) return notifyEach(notifier(), people, message, 'reminder');
      for (const userId of people) {
        const { message: m, key } = message(userId);
        await notifier().notify(userId, m, key, 'reminder');
        await new Promise((r) => setTimeout(r, payload.delayMs));
      }
    },
  };
}
