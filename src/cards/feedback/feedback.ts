// The feedback card (asked 1:1 after an event the person attended, verb event.feedback) and the
// thank-you card that answers it: what they said, and a way to change it.
import { card, noTemplates, safe, type CardJson } from '../render.js';
import { Verbs } from '../verbs.js';
import type { FeedbackAnswerJson, FeedbackCardView } from '../../contracts/feedback.js';
import { CODE_THEMES, CODE_THEME_NAMES, FEEDBACK_LIMITS, RATING_WORDS, type CodeTheme } from '../../domain/feedback/feedback.js';
import { formatLondonRange } from '../../domain/time/london.js';

export const feedbackWords = {
  heading: (title: string) => `How was “${title}”?`,
  intro: 'Two minutes, four questions. Your rating and comments go to the organiser without your name; your reflection goes into your own CPD record.',
  rating: 'Overall, how was it?',
  ratingError: 'Choose a rating from 1 to 5.',
  useful: 'What was most useful?',
  improve: 'What could be better?',
  practice: 'How will you use this in your practice?',
  practiceHint: 'Your reflection for revalidation: it appears in your CPD record, not to the organiser.',
  codeTheme: 'Which theme of the NMC Code does it relate to? (optional)',
  codeThemePlaceholder: 'Choose a theme',
  send: 'Send feedback',
  update: 'Save my changes',
  thanks: (title: string, replaced: boolean) => (replaced ? `Your feedback on “${title}” is updated. Thank you.` : `Thank you — your feedback on “${title}” is saved.`),
  change: 'Change my answer',
  youSaid: 'What you told us',
  nothing: '—',
  ratingText: (n: number) => `${n} of 5 (${RATING_WORDS[n] ?? ''})`,
};

const ratingChoices = [5, 4, 3, 2, 1].map((n) => ({ title: `${n} — ${RATING_WORDS[n]}`, value: String(n) }));

/** The questions, filled with an earlier answer when there is one. */
function questions(answer?: FeedbackAnswerJson): unknown[] {
  return [
    { type: 'Input.ChoiceSet', id: 'rating', label: feedbackWords.rating, style: 'expanded', isRequired: true, errorMessage: feedbackWords.ratingError, choices: ratingChoices, ...(answer ? { value: String(answer.rating) } : {}) },
    { type: 'Input.Text', id: 'useful', label: feedbackWords.useful, isMultiline: true, maxLength: FEEDBACK_LIMITS.useful, value: safe(answer?.useful ?? '') },
    { type: 'Input.Text', id: 'improve', label: feedbackWords.improve, isMultiline: true, maxLength: FEEDBACK_LIMITS.improve, value: safe(answer?.improve ?? '') },
    { type: 'Input.Text', id: 'practice', label: feedbackWords.practice, isMultiline: true, maxLength: FEEDBACK_LIMITS.practice, value: safe(answer?.practice ?? '') },
    { type: 'TextBlock', text: feedbackWords.practiceHint, wrap: true, isSubtle: true, size: 'Small', spacing: 'None' },
    {
      type: 'Input.ChoiceSet',
      id: 'codeTheme',
      label: feedbackWords.codeTheme,
      style: 'compact',
      placeholder: feedbackWords.codeThemePlaceholder,
      choices: CODE_THEMES.map((t) => ({ title: CODE_THEME_NAMES[t], value: t })),
      ...(answer?.codeTheme ? { value: answer.codeTheme } : {}),
    },
  ];
}

const sendAction = (eventId: string, again: boolean) => ({ type: 'Action.Execute', title: again ? feedbackWords.update : feedbackWords.send, verb: Verbs.eventFeedback, data: { eventId }, style: 'positive' });

/** The questions for an event (asked after it, or opened again to change an answer). */
export function feedbackCard(v: FeedbackCardView, options: { notice?: string } = {}): CardJson {
  const body: unknown[] = [];
  if (options.notice) body.push({ type: 'TextBlock', text: safe(options.notice), wrap: true, weight: 'Bolder', color: 'Accent' });
  body.push(
    { type: 'TextBlock', text: safe(feedbackWords.heading(v.title)), size: 'Medium', weight: 'Bolder', wrap: true, style: 'heading' },
    { type: 'TextBlock', text: formatLondonRange(new Date(v.start), new Date(v.end)), isSubtle: true, spacing: 'None', wrap: true },
    { type: 'TextBlock', text: feedbackWords.intro, wrap: true },
    ...questions(v.answer),
  );
  return noTemplates(card(body, [sendAction(v.eventId, !!v.answer)], `${feedbackWords.heading(v.title)} Reply with a rating from 1 to 5 on the card.`));
}

/** After an answer: thanks, what they said, and the questions again behind "Change my answer". */
export function feedbackThanksCard(v: FeedbackCardView & { answer: FeedbackAnswerJson }, replaced: boolean): CardJson {
  const a = v.answer;
  const theme = a.codeTheme ? CODE_THEME_NAMES[a.codeTheme as CodeTheme] : undefined;
  const facts = [
    { title: 'Rating', value: feedbackWords.ratingText(a.rating) },
    { title: 'Most useful', value: safe(a.useful) || feedbackWords.nothing },
    { title: 'Could be better', value: safe(a.improve) || feedbackWords.nothing },
    { title: 'In my practice', value: safe(a.practice) || feedbackWords.nothing },
    ...(theme ? [{ title: 'NMC Code theme', value: theme }] : []),
  ];
  const body: unknown[] = [
    { type: 'TextBlock', text: safe(feedbackWords.thanks(v.title, replaced)), wrap: true, weight: 'Bolder', color: 'Good', size: 'Medium' },
    { type: 'TextBlock', text: feedbackWords.youSaid, weight: 'Bolder', spacing: 'Medium' },
    { type: 'FactSet', facts },
  ];
  const change = {
    type: 'Action.ShowCard',
    title: feedbackWords.change,
    card: { type: 'AdaptiveCard', version: '1.5', body: questions(a), actions: [sendAction(v.eventId, true)] },
  };
  return noTemplates(card(body, [change], feedbackWords.thanks(v.title, replaced)));
}
