// Feedback after a PLT event: a rating, what was useful, what could be better, and the person's
// reflection ("how will you use this in your practice?") with the NMC Code theme it relates to —
// the reflection is theirs (it goes into their CPD record); the rating and the two comments are
// about the event and are only ever shown without a name.
import { invalid } from '../errors.js';
import { cleanText } from '../text.js';
import type { UserId } from '../people/person.js';

/** The four themes of the NMC Code (2018). */
export const CODE_THEMES = ['prioritise-people', 'practise-effectively', 'preserve-safety', 'promote-professionalism'] as const;
export type CodeTheme = (typeof CODE_THEMES)[number];

export const CODE_THEME_NAMES: Record<CodeTheme, string> = {
  'prioritise-people': 'Prioritise people',
  'practise-effectively': 'Practise effectively',
  'preserve-safety': 'Preserve safety',
  'promote-professionalism': 'Promote professionalism and trust',
};

export const parseCodeTheme = (text: unknown): CodeTheme | null => {
  if (typeof text !== 'string') return null;
  const code = text.trim().toLowerCase();
  return (CODE_THEMES as readonly string[]).includes(code) ? (code as CodeTheme) : (CODE_THEMES.find((t) => CODE_THEME_NAMES[t].toLowerCase() === code) ?? null);
};

/** Longest answers, in characters: a paragraph for comments, a few for the reflection. */
export const FEEDBACK_LIMITS = { useful: 1000, improve: 1000, practice: 2000 } as const;

export const RATING_WORDS: Record<number, string> = { 1: 'Poor', 2: 'Fair', 3: 'Good', 4: 'Very good', 5: 'Excellent' };

/** What a person answers. Empty text means "nothing to say". */
export interface FeedbackInput {
  rating: number;
  useful: string;
  improve: string;
  practice: string;
  codeTheme?: CodeTheme;
}

export interface Feedback extends FeedbackInput {
  eventId: string;
  userId: UserId;
  answeredAt: Date;
}

/** An answer whose author erased their data: the rating and the comments about the event, no one's. */
export interface AnonymousFeedback {
  rating: number;
  useful: string;
  improve: string;
}

function readText(input: Record<string, unknown>, field: keyof typeof FEEDBACK_LIMITS, what: string): string {
  const max = FEEDBACK_LIMITS[field];
  const text = cleanText(input[field], max);
  if (text === null) {
    const given = input[field];
    if (typeof given === 'string') throw invalid(`${what} (${field}) can be at most ${max} characters; yours has ${given.length}.`, { field });
    throw invalid(`${what} (${field}) must be text.`, { field });
  }
  return text;
}

/** Reads an answer from a card or the API; any bad field is a 400 naming it (and nothing is stored). */
export function readFeedback(input: Record<string, unknown>): FeedbackInput {
  const raw = input.rating;
  const rating = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(rating) || rating < 1 || rating > 5) throw invalid('Choose a rating (rating) from 1 (poor) to 5 (excellent).', { field: 'rating' });
  const useful = readText(input, 'useful', 'What was useful');
  const improve = readText(input, 'improve', 'What could be better');
  const practice = readText(input, 'practice', 'How you will use this in your practice');
  let codeTheme: CodeTheme | undefined;
  if (input.codeTheme !== undefined && input.codeTheme !== null && input.codeTheme !== '') {
    const theme = parseCodeTheme(input.codeTheme);
    if (!theme) throw invalid(`The Code theme (codeTheme) must be one of: ${CODE_THEMES.join(', ')}.`, { field: 'codeTheme' });
    codeTheme = theme;
  }
  return { rating, useful, improve, practice, ...(codeTheme ? { codeTheme } : {}) };
}

/** One event's (or a series') results as organisers see them: figures and comments, never names. */
export interface FeedbackSummary {
  attended: number;
  responses: number;
  /** responses ÷ attended (0–1, four decimals); null when nobody attended. */
  returnRate: number | null;
  /** Two decimals; null without answers. */
  ratingMean: number | null;
  ratingCounts: Record<'1' | '2' | '3' | '4' | '5', number>;
  comments: { useful: string; improve: string }[];
}

export const ratio = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null);
export const mean = (values: readonly number[]): number | null => (values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100 : null);

/**
 * The figures from the answers given and the number who attended. Comments come in text order,
 * not the order they were written, so their position says nothing about who wrote which.
 */
export function summariseFeedback(answers: readonly { rating: number; useful: string; improve: string }[], attended: number): FeedbackSummary {
  const ratingCounts = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
  for (const a of answers) ratingCounts[String(a.rating) as keyof typeof ratingCounts]++;
  const comments = answers
    .filter((a) => a.useful || a.improve)
    .map((a) => ({ useful: a.useful, improve: a.improve }))
    .sort((x, y) => {
      const a = `${x.useful}\u0000${x.improve}`;
      const b = `${y.useful}\u0000${y.improve}`;
      return a < b ? -1 : a > b ? 1 : 0;
    });
  return { attended, responses: answers.length, returnRate: ratio(answers.length, attended), ratingMean: mean(answers.map((a) => a.rating)), ratingCounts, comments };
}
