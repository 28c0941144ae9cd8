// What the feedback area holds about a person, for "my data" and "forget me". Erasing keeps the
// event's results whole: each answer's rating and its comments about the event stay, with no
// link to the person (a random row id); their reflection and Code theme go with them.
import type { PersonalDataHolder } from '../../domain/ports.js';
import type { FeedbackRepository } from '../../domain/feedback/ports.js';
import type { Logger } from '../../logging.js';
import { feedbackAnswerJson } from '../../contracts/feedback.js';

export function feedbackDataHolder(d: { repo: FeedbackRepository; logger: Logger }): PersonalDataHolder {
  return {
    area: 'feedback',
    async export(userId) {
      return { answers: (await d.repo.ofPerson(userId)).map(feedbackAnswerJson) };
    },
    async erase(userId) {
      const n = await d.repo.eraseUser(userId);
      d.logger.info({ answers: n }, 'feedback made anonymous');
    },
  };
}
