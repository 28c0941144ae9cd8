// The events area's job kinds and idempotency keys: a key names one notice to one person (the
// notifier sends each key once) or one scheduled job (scheduling a key again moves it).

/** One job per event and reminder offset (REMINDER_OFFSETS). */
export const REMINDER_KIND = 'event.reminders';
export const reminderKey = (eventId: string, offsetMs: number) => `event-reminders:${eventId}:${offsetMs}`;

/** The safety net behind telling registrants of a change or cancellation (see EventsService.tellRegistrants). */
export const TELL_REGISTRANTS_KIND = 'event.tell-registrants';
export type RegistrantNews = 'cancelled' | 'moved' | 'changed';
export const tellRegistrantsKey = (eventId: string, what: RegistrantNews, sequence: number) => `event-tell:${eventId}:${what}:${sequence}`;

/** Notices about bookings: once per person and change. */
export const noticeKeys = {
  promoted: (eventId: string, userId: string, n: number) => `promoted:${eventId}:${userId}:${n}`,
  cancelled: (eventId: string, userId: string) => `event-cancelled:${eventId}:${userId}`,
  updated: (eventId: string, userId: string, sequence: number) => `event-updated:${eventId}:${userId}:${sequence}`,
  reminder: (eventId: string, userId: string, offsetMs: number) => `reminder:${eventId}:${userId}:${offsetMs}`,
};
