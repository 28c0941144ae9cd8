// Feedback as the API, cards and tab see it (interfaces.md, "After the event"). Imports domain
// only; the tab imports these type-only.
import type { Feedback, FeedbackSummary } from '../domain/feedback/feedback.js';
import { toLondonIso } from '../domain/time/london.js';

/** A person's own answer. */
export interface FeedbackAnswerJson {
  eventId: string;
  rating: number;
  useful: string;
  improve: string;
  practice: string;
  codeTheme?: string;
  answeredAt: string;
}

export const feedbackAnswerJson = (f: Feedback): FeedbackAnswerJson => ({
  eventId: f.eventId,
  rating: f.rating,
  useful: f.useful,
  improve: f.improve,
  practice: f.practice,
  ...(f.codeTheme ? { codeTheme: f.codeTheme } : {}),
  answeredAt: toLondonIso(f.answeredAt),
});

/** POST /api/events/{id}/feedback (201): the answer stored; `replaced` when it replaced an earlier one. */
export interface FeedbackSaved extends FeedbackAnswerJson {
  replaced: boolean;
}

/** GET /api/events/{id}/feedback/me: my answer, or null before I answer. */
export interface MyFeedbackAnswer {
  feedback: FeedbackAnswerJson | null;
}

/** GET /api/events/{id}/feedback (the event's organiser, the hub's coordinators): no names, no ids. */
export type FeedbackSummaryJson = FeedbackSummary;

/** GET /api/series/{seriesId}/feedback: the same figures over every event of the series that has ended. */
export interface SeriesFeedbackJson extends FeedbackSummaryJson {
  seriesId: string;
  /** Events whose results are counted. */
  events: number;
}

/** What a feedback card shows: the event, and the person's answer when they gave one. */
export interface FeedbackCardView {
  eventId: string;
  title: string;
  start: string;
  end: string;
  answer?: FeedbackAnswerJson;
}
