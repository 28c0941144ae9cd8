// The feedback card's action (event.feedback): stores the answer and answers with the thank-you
// card (what they said, and a way to change it). Someone who did not attend gets a 403; a bad
// field a 400 naming it; nothing is stored either way.
import type { CardAction } from '../cardActionRouter.js';
import { Verbs } from '../../cards/verbs.js';
import { feedbackThanksCard } from '../../cards/feedback/feedback.js';
import { invalid } from '../../domain/errors.js';

export const feedbackAction: CardAction = {
  verb: Verbs.eventFeedback,
  async run(turn, data) {
    if (typeof data.eventId !== 'string' || !data.eventId) throw invalid('This card does not say which event it is for. Please use the feedback card you were sent.');
    const { view, replaced } = await turn.services.feedback.answer(turn.actor, data.eventId, data);
    return { card: feedbackThanksCard({ ...view, answer: view.answer! }, replaced) };
  },
};
