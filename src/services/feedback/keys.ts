// The feedback area's job kind and idempotency keys: one ask job per event (scheduling it again
// moves it), one ask notice per person and event (the notifier sends each key once).
export const FEEDBACK_ASK_KIND = 'event.feedback.ask';
export const feedbackAskJobKey = (eventId: string) => `event-feedback:${eventId}`;
export const feedbackAskNoticeKey = (eventId: string, userId: string) => `feedback-ask:${eventId}:${userId}`;
/** The notification kind people can turn off (notification settings). */
export const FEEDBACK_NOTICE_KIND = 'feedback';
