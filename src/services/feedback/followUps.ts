// Feedback follows every event: `FEEDBACK_AFTER` after its end a durable job asks each attendee
// (the ask moves with the event and goes with a cancellation); attendance recorded after the ask
// has run asks the people added (the notice keys skip anyone already asked). Series are noted
// as their events are planned, so a series' results can be gathered.
import type { Config } from '../../config.js';
import type { Clock, JobScheduler } from '../../domain/ports.js';
import type { EventFollowUps } from '../../domain/events/ports.js';
import type { FeedbackRepository } from '../../domain/feedback/ports.js';
import type { PltEvent } from '../../domain/events/event.js';
import { FEEDBACK_ASK_KIND, feedbackAskJobKey } from './keys.js';

export function feedbackFollowUps(d: { config: Pick<Config, 'feedbackAfterMs'>; clock: Clock; scheduler: JobScheduler; repo: Pick<FeedbackRepository, 'addToSeries'> }): EventFollowUps {
  const askAt = (e: PltEvent) => new Date(e.end.getTime() + d.config.feedbackAfterMs);
  const schedule = (e: PltEvent, dueAt: Date) => d.scheduler.schedule({ key: feedbackAskJobKey(e.id), kind: FEEDBACK_ASK_KIND, dueAt, payload: { eventId: e.id } });
  return {
    async planned(e) {
      if (e.seriesId) await d.repo.addToSeries(e.seriesId, e.id);
      // An event recorded after the fact (history, demo data) is not asked about.
      if (e.status === 'scheduled' && askAt(e) > d.clock.now()) await schedule(e, askAt(e));
      else await d.scheduler.cancel(feedbackAskJobKey(e.id));
    },
    cancelled: (eventId) => d.scheduler.cancel(feedbackAskJobKey(eventId)),
    async attendanceChanged(e) {
      const now = d.clock.now();
      if (e.status === 'scheduled' && askAt(e) <= now) await schedule(e, now);
    },
  };
}
