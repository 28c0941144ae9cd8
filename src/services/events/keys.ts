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

/** An event's Teams meeting work (create, update, remove) when it could not be done at once. */
export const MEETING_KIND = 'event.meeting.sync';
export const meetingKey = (eventId: string) => `event-meeting:${eventId}`;

/** Reading the Teams attendance report: ATTENDANCE_AFTER after the end (1), and a day later (2). */
export const ATTENDANCE_KIND = 'event.attendance.read';
export type AttendanceRead = 1 | 2;
export const attendanceKey = (eventId: string, read: AttendanceRead) => `event-attendance:${eventId}:${read}`;
