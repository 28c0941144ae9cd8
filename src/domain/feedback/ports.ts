// What the feedback area needs from storage. Answers live with their event (one partition per
// event, so an event's results are one query); a per-person index finds a person's answers for
// "my data" and "forget me"; a per-series index lists the events a series' results cover.
import type { UserId } from '../people/person.js';
import type { AnonymousFeedback, Feedback } from './feedback.js';

export interface FeedbackRepository {
  /** Stores the answer, replacing the person's earlier one; `replaced` says there was one. */
  save(answer: Feedback): Promise<{ replaced: boolean }>;
  get(eventId: string, userId: UserId): Promise<Feedback | null>;
  /** Every answer to an event: people's (with their ids, for the attendance check) and anonymous ones. */
  forEvent(eventId: string): Promise<{ answers: Feedback[]; anonymous: AnonymousFeedback[] }>;
  ofPerson(userId: UserId): Promise<Feedback[]>;
  /**
   * "Forget me": each answer loses its author — the reflection and Code theme go, the rating and
   * the comments about the event stay under a random id — and the person's index goes.
   */
  eraseUser(userId: UserId): Promise<number>;
  /** Notes that an event belongs to a series (idempotent). */
  addToSeries(seriesId: string, eventId: string): Promise<void>;
  seriesEvents(seriesId: string): Promise<string[]>;
}
