// Feedback after an event: attendees answer (from the card they are sent, or the tab), answering
// again replaces the answer; the event's organiser and the hub's coordinators see the results —
// figures and comments, never who said what — per event and per series.
import type { Logger } from '../../logging.js';
import type { Clock, Notifier } from '../../domain/ports.js';
import type { Actor, UserId } from '../../domain/people/person.js';
import type { EventRepository, StoredEvent } from '../../domain/events/ports.js';
import type { FeedbackRepository } from '../../domain/feedback/ports.js';
import { readFeedback, summariseFeedback, type AnonymousFeedback, type Feedback, type FeedbackSummary } from '../../domain/feedback/feedback.js';
import { hasRole } from '../../domain/people/authorisation.js';
import { forbidden, notFound } from '../../domain/errors.js';
import { toLondonIso } from '../../domain/time/london.js';
import { runLimited } from '../../domain/async.js';
import { feedbackAnswerJson, type FeedbackCardView } from '../../contracts/feedback.js';
import { feedbackAskNotice } from '../../cards/feedback/notices.js';
import { FEEDBACK_NOTICE_KIND, feedbackAskNoticeKey } from './keys.js';

const EVENT_ID = /^[A-Za-z0-9_-]{1,64}$/;
const SERIES_ID = /^[A-Za-z0-9_-]{1,64}$/;

export interface FeedbackDeps {
  clock: Clock;
  logger: Logger;
  repo: FeedbackRepository;
  events: Pick<EventRepository, 'get' | 'registration' | 'registrations'>;
  notifier: Notifier;
}

export class FeedbackService {
  constructor(private readonly d: FeedbackDeps) {}

  private async stored(eventId: unknown): Promise<StoredEvent> {
    const s = typeof eventId === 'string' && EVENT_ID.test(eventId) ? await this.d.events.get(eventId) : null;
    if (!s) throw notFound('No event with that id.');
    return s;
  }

  /** The event's own organiser and coordinators of its hub (never guests). */
  canSeeResults(actor: Actor, s: StoredEvent): boolean {
    if (actor.guest) return false;
    return (!!s.event.organiserId && s.event.organiserId === actor.id) || hasRole(actor, 'coordinator', s.event.hub);
  }

  private view(s: StoredEvent, answer?: Feedback | null): FeedbackCardView {
    return { eventId: s.event.id, title: s.event.title, start: toLondonIso(s.event.start), end: toLondonIso(s.event.end), ...(answer ? { answer: feedbackAnswerJson(answer) } : {}) };
  }

  private async requireAttended(actor: Actor, s: StoredEvent): Promise<void> {
    const reg = s.event.status === 'scheduled' ? await this.d.events.registration(s.event.id, actor.id) : null;
    if (!reg?.attended) throw forbidden(`Only people who attended “${s.event.title}” can give feedback on it.`);
  }

  /** Stores the person's answer (403 unless they attended; 400 naming a bad field). Nothing is stored on either. */
  async answer(actor: Actor, eventId: unknown, input: Record<string, unknown>): Promise<{ feedback: Feedback; replaced: boolean; view: FeedbackCardView }> {
    const s = await this.stored(eventId);
    await this.requireAttended(actor, s);
    const answer = readFeedback(input);
    const feedback: Feedback = { ...answer, eventId: s.event.id, userId: actor.id, answeredAt: this.d.clock.now() };
    const { replaced } = await this.d.repo.save(feedback);
    this.d.logger.info({ eventId: s.event.id, replaced }, 'feedback saved');
    return { feedback, replaced, view: this.view(s, feedback) };
  }

  /** The person's own answer, or null (anyone may ask; only attendees ever have one). */
  async mine(actor: Actor, eventId: unknown): Promise<Feedback | null> {
    const s = await this.stored(eventId);
    return this.d.repo.get(s.event.id, actor.id);
  }

  /** The card with the questions (and their answer, to change it): attendees only. */
  async cardView(actor: Actor, eventId: unknown): Promise<FeedbackCardView> {
    const s = await this.stored(eventId);
    await this.requireAttended(actor, s);
    return this.view(s, await this.d.repo.get(s.event.id, actor.id));
  }

  /** Answers that count: from people still recorded as attending, and anonymous ones. */
  private async counted(s: StoredEvent): Promise<{ attended: number; answers: (Feedback | AnonymousFeedback)[] }> {
    const [regs, { answers, anonymous }] = await Promise.all([this.d.events.registrations(s.event.id), this.d.repo.forEvent(s.event.id)]);
    const came = new Set(regs.filter((r) => r.attended).map((r) => r.userId));
    return { attended: came.size + s.seats.anonAttended, answers: [...answers.filter((a) => came.has(a.userId)), ...anonymous] };
  }

  async summary(actor: Actor, eventId: unknown): Promise<FeedbackSummary> {
    const s = await this.stored(eventId);
    if (!this.canSeeResults(actor, s)) throw forbidden('Only the event’s organiser and the hub’s coordinators can see its feedback.');
    const { attended, answers } = await this.counted(s);
    return summariseFeedback(answers, attended);
  }

  /** The results of every event of a series that has started, together. */
  async seriesSummary(actor: Actor, seriesId: unknown): Promise<FeedbackSummary & { seriesId: string; events: number }> {
    if (typeof seriesId !== 'string' || !SERIES_ID.test(seriesId)) throw notFound('No series with that id.');
    const ids = await this.d.repo.seriesEvents(seriesId);
    const stored = (await runLimited(ids, 8, (id) => this.d.events.get(id))).filter((s): s is StoredEvent => !!s && s.event.seriesId === seriesId);
    if (!stored.length) throw notFound('No series with that id.');
    if (!stored.every((s) => this.canSeeResults(actor, s))) throw forbidden('Only the series’ organiser and the hub’s coordinators can see its feedback.');
    const now = this.d.clock.now();
    const held = stored.filter((s) => s.event.status === 'scheduled' && s.event.start <= now);
    const parts = await runLimited(held, 8, (s) => this.counted(s));
    const summary = summariseFeedback(
      parts.flatMap((p) => p.answers),
      parts.reduce((n, p) => n + p.attended, 0),
    );
    return { ...summary, seriesId, events: held.length };
  }

  /**
   * Asks each attendee for feedback, once per person (the notice key), skipping people who already
   * answered (from the tab). The job runs this `FEEDBACK_AFTER` the end, and again when attendance
   * recorded later adds people; a re-run after a crash asks nobody twice.
   */
  async ask(eventId: string): Promise<number> {
    const s = await this.d.events.get(eventId);
    if (!s || s.event.status !== 'scheduled' || this.d.clock.now() < s.event.end) return 0;
    const [regs, { answers }] = await Promise.all([this.d.events.registrations(eventId), this.d.repo.forEvent(eventId)]);
    const answered = new Set(answers.map((a) => a.userId));
    const toAsk: UserId[] = regs.filter((r) => r.attended && !answered.has(r.userId)).map((r) => r.userId);
    const message = feedbackAskNotice(this.view(s));
    await runLimited(toAsk, 4, (userId) => this.d.notifier.notify(userId, message, feedbackAskNoticeKey(eventId, userId), FEEDBACK_NOTICE_KIND));
    this.d.logger.info({ eventId, asked: toAsk.length }, 'feedback asked');
    return toAsk.length;
  }
}
