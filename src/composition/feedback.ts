// Wires feedback after events: its table, what follows each event (the ask, scheduled by the
// events service through EventFollowUps), the feedback service and its personal data. The
// follow-ups are made before the events area (which is told about plans, moves and cancellations);
// the service after it (it reads events and registrations).
import type { Config } from '../config.js';
import type { Logger } from '../logging.js';
import type { Clock, JobScheduler, Notifier, PersonalDataHolder } from '../domain/ports.js';
import type { EventFollowUps, EventRepository } from '../domain/events/ports.js';
import type { FeedbackRepository } from '../domain/feedback/ports.js';
import type { Storage } from '../storage/storage.js';
import { TableFeedbackRepository } from '../storage/feedbackRepository.js';
import { FeedbackService } from '../services/feedback/feedbackService.js';
import { feedbackFollowUps } from '../services/feedback/followUps.js';
import { feedbackDataHolder } from '../services/feedback/personalData.js';

/** What the feedback area offers the edges and the other areas. */
export interface FeedbackArea {
  feedback: FeedbackService;
  feedbackRepository: FeedbackRepository;
}

export function feedbackStore(storage: Storage): FeedbackRepository {
  return new TableFeedbackRepository(storage.table('feedback'));
}

export function composeFeedbackFollowUps(d: { config: Config; clock: Clock; scheduler: JobScheduler; repo: FeedbackRepository }): EventFollowUps {
  return feedbackFollowUps(d);
}

export function composeFeedback(d: { clock: Clock; logger: Logger; notifier: Notifier; repo: FeedbackRepository; events: EventRepository }): { area: FeedbackArea; dataHolder: PersonalDataHolder } {
  const feedback = new FeedbackService({ clock: d.clock, logger: d.logger, repo: d.repo, events: d.events, notifier: d.notifier });
  return { area: { feedback, feedbackRepository: d.repo }, dataHolder: feedbackDataHolder({ repo: d.repo, logger: d.logger }) };
}
