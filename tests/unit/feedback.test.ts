// Feedback: reading an answer (every bad field named, nothing half-read), the results without
// names, and the cards (ask, thanks with a way to change it) valid Adaptive Cards 1.5.
import { strict as assert } from 'node:assert';
import { readFeedback, summariseFeedback, FEEDBACK_LIMITS } from '../../src/domain/feedback/feedback.js';
import { AppError } from '../../src/domain/errors.js';
import { feedbackCard, feedbackThanksCard } from '../../src/cards/feedback/feedback.js';
import { feedbackAskNotice } from '../../src/cards/feedback/notices.js';
import { cardProblems } from '../helpers/cards.js';
import { cardText, cardVerbs } from '../helpers/botClient.js';

const fieldOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError && e.kind === 'invalid') return e.detail?.field as string;
    throw e;
  }
  return undefined;
};

describe('feedback', () => {
  it('reads a rating of 1 to 5 (numbers, or the text a card sends) and the texts, trimmed', () => {
    assert.deepEqual(readFeedback({ rating: '4', useful: '  Inhaler technique ', improve: '', practice: 'Check every patient', codeTheme: 'practise-effectively' }), {
      rating: 4,
      useful: 'Inhaler technique',
      improve: '',
      practice: 'Check every patient',
      codeTheme: 'practise-effectively',
    });
    assert.deepEqual(readFeedback({ rating: 5 }), { rating: 5, useful: '', improve: '', practice: '' });
    assert.equal(readFeedback({ rating: 1, codeTheme: 'Preserve safety' }).codeTheme, 'preserve-safety');
  });

  it('names the field of every bad answer', () => {
    for (const rating of [0, 6, 4.5, '', 'five', null, undefined, '3 stars', [4]]) assert.equal(fieldOf(() => readFeedback({ rating })), 'rating', `rating ${JSON.stringify(rating)}`);
    assert.equal(fieldOf(() => readFeedback({ rating: 3, useful: 'x'.repeat(FEEDBACK_LIMITS.useful + 1) })), 'useful');
    assert.equal(fieldOf(() => readFeedback({ rating: 3, improve: { a: 1 } })), 'improve');
    assert.equal(fieldOf(() => readFeedback({ rating: 3, practice: 'x'.repeat(FEEDBACK_LIMITS.practice + 1) })), 'practice');
    assert.equal(fieldOf(() => readFeedback({ rating: 3, codeTheme: 'be-nice' })), 'codeTheme');
    assert.equal(readFeedback({ rating: 3, useful: 'x'.repeat(FEEDBACK_LIMITS.useful) }).useful.length, FEEDBACK_LIMITS.useful, 'the limit itself is fine');
    assert.throws(() => readFeedback({ rating: 9 }), /rating/);
  });

  it('sums results: return rate, mean, counts per rating, comments without names in text order', () => {
    const s = summariseFeedback(
      [
        { rating: 5, useful: 'Cases', improve: '' },
        { rating: 4, useful: '', improve: 'Longer breaks' },
        { rating: 4, useful: '', improve: '' },
        { rating: 2, useful: 'Audio', improve: 'Microphone' },
      ],
      6,
    );
    assert.deepEqual(s, {
      attended: 6,
      responses: 4,
      returnRate: 0.6667,
      ratingMean: 3.75,
      ratingCounts: { '1': 0, '2': 1, '3': 0, '4': 2, '5': 1 },
      comments: [
        { useful: '', improve: 'Longer breaks' },
        { useful: 'Audio', improve: 'Microphone' },
        { useful: 'Cases', improve: '' },
      ],
    });
    assert.deepEqual(summariseFeedback([], 0), { attended: 0, responses: 0, returnRate: null, ratingMean: null, ratingCounts: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 }, comments: [] });
  });

  it('asks with a valid card whose one action is event.feedback, and thanks with what was said and a way to change it', () => {
    const view = { eventId: 'e1', title: 'Asthma update', start: '2027-02-10T13:30:00+00:00', end: '2027-02-10T16:30:00+00:00' };
    const ask = feedbackAskNotice(view);
    assert.deepEqual(cardProblems(ask.card), []);
    assert.deepEqual(cardVerbs(ask.card), ['event.feedback']);
    assert.match(cardText(ask.card), /How was “Asthma update”\?/);
    assert.match(ask.text, /Asthma update/);
    const rating = (ask.card as { body: { id?: string; isRequired?: boolean; errorMessage?: string }[] }).body.find((b) => b.id === 'rating');
    assert.equal(rating?.isRequired, true);
    assert.ok(rating?.errorMessage);

    const answer = { eventId: 'e1', rating: 4, useful: 'The ${inhaler} demo', improve: '', practice: 'Teach back', codeTheme: 'preserve-safety', answeredAt: '2027-02-10T17:00:00+00:00' };
    const thanks = feedbackThanksCard({ ...view, answer }, false);
    assert.deepEqual(cardProblems(thanks), []);
    const text = cardText(thanks);
    assert.match(text, /Thank you/);
    assert.match(text, /4 of 5 \(Very good\)/);
    assert.match(text, /Teach back/);
    assert.match(text, /Preserve safety/);
    assert.match(text, /Change my answer/);
    assert.ok(!text.includes('${inhaler}'), 'what people typed never becomes a template expression');
    assert.deepEqual(cardVerbs(thanks), ['event.feedback']);
    assert.match(cardText(feedbackThanksCard({ ...view, answer }, true)), /updated/);
    assert.deepEqual(cardProblems(feedbackCard({ ...view, answer })), []);
  });
});
