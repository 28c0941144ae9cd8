// "event.feedback.ask": one job per event, `FEEDBACK_AFTER` after its end (moved with the event,
// dropped with a cancellation, run again when attendance recorded later adds people). It asks each
// attendee once (the notice key), so a re-run after a crash or on another instance asks nobody twice.
import type { JobHandler } from '../domain/ports.js';
import type { Services } from '../composition/index.js';

export function feedbackAskJob(services: Services): JobHandler {
  return async (payload, job) => {
    const eventId = typeof payload.eventId === 'string' ? payload.eventId : '';
    if (!eventId) {
      services.logger.warn({ key: job.key }, 'feedback job with a bad payload; dropped');
      return;
    }
    await services.feedback.ask(eventId);
  };
}
