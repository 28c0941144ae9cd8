// One round of Graph work for an event's Teams meeting (meeting.ts says which): create the calendar
// event with its Teams meeting in the organiser's mailbox, fetch its joining link, keep its title and
// times in step, or remove it. The answer is an outcome to record on the event — Graph's failures
// become words and a retry time, never an exception, so the person's own request always succeeds.
import type { Logger } from '../../logging.js';
import type { Clock, DelegatedAccess } from '../../domain/ports.js';
import type { MeetingDetails, OnlineMeetings } from '../../domain/events/ports.js';
import type { PltEvent } from '../../domain/events/event.js';
import { givesUp, isRetryable, MAX_MEETING_TRIES, meetingFingerprint, meetingRetryDelayMs, MeetingCallError, workKey, type MeetingOutcome, type MeetingWork } from '../../domain/events/meeting.js';
import { meetingWords } from '../../cards/events/meeting.js';
import { errorSummary } from '../../logging.js';

export interface MeetingSyncDeps {
  clock: Clock;
  logger: Logger;
  graph: OnlineMeetings;
  /** Where the calendar event's body sends people (the event's page in the tab). */
  eventUrl(eventId: string): string;
}

export class MeetingSync {
  constructor(private readonly d: MeetingSyncDeps) {}

  get live(): boolean {
    return this.d.graph.live;
  }

  async run(e: PltEvent, work: MeetingWork, as?: DelegatedAccess): Promise<MeetingOutcome> {
    if (!this.d.graph.live) return { kind: 'unavailable', message: meetingWords.offline };
    const ownerId = e.meeting.ownerId || e.organiserId;
    if (!ownerId) return { kind: 'failed', work: workKey(work, e), retry: false, message: meetingWords.noOrganiser };
    // On the organiser's own behalf only when it is their calendar (a coordinator's edit is app-only).
    const mine = as && as.userId === ownerId ? as : undefined;
    const graph = this.d.graph;
    try {
      switch (work) {
        case 'create': {
          const made = await this.delegatedFirst(mine, (a) => graph.createEvent(ownerId, this.details(e), a));
          // Graph sometimes answers before the meeting has its link: fetch it now, or on the next round.
          const joinUrl = made.joinUrl ?? (await graph.joinUrl(ownerId, made.graphEventId, mine).catch(() => undefined));
          return { kind: 'created', graphEventId: made.graphEventId, joinUrl, ownerId, synced: meetingFingerprint(e) };
        }
        case 'link': {
          const graphEventId = e.meeting.graphEventId!;
          const joinUrl = await graph.joinUrl(ownerId, graphEventId, mine);
          if (!joinUrl) throw new MeetingCallError('unavailable', 'no join URL yet');
          return { kind: 'created', graphEventId, joinUrl, ownerId, synced: e.meeting.synced ?? '' };
        }
        case 'update':
          await this.delegatedFirst(mine, (a) => graph.updateEvent(ownerId, e.meeting.graphEventId!, this.details(e), a));
          return { kind: 'updated', synced: meetingFingerprint(e) };
        case 'delete':
          await this.delegatedFirst(mine, (a) => graph.deleteEvent(ownerId, e.meeting.graphEventId!, a));
          return { kind: 'deleted' };
      }
    } catch (err) {
      const failure = err instanceof MeetingCallError ? err : new MeetingCallError('unavailable', 'unexpected');
      if (!(err instanceof MeetingCallError)) this.d.logger.warn({ eventId: e.id, work, err: errorSummary(err) }, 'teams meeting work failed unexpectedly');
      // Nothing to remove is what removing wanted.
      if (work === 'delete' && failure.kind === 'not-found') return { kind: 'deleted' };
      return this.failed(e, work, failure);
    }
  }

  /** On the person's behalf first; if that cannot be had or is refused, app-only (as retries are). */
  private async delegatedFirst<T>(as: DelegatedAccess | undefined, call: (as?: DelegatedAccess) => Promise<T>): Promise<T> {
    if (!as) return call();
    try {
      return await call(as);
    } catch (e) {
      if (e instanceof MeetingCallError && !isRetryable(e.kind)) {
        this.d.logger.info({ kind: e.kind, status: e.status }, 'on-behalf-of graph call refused; trying app-only');
        return call();
      }
      throw e;
    }
  }

  private failed(e: PltEvent, work: MeetingWork, f: MeetingCallError): MeetingOutcome {
    const retry = isRetryable(f.kind);
    const key = workKey(work, e);
    this.d.logger.warn({ eventId: e.id, work, kind: f.kind, status: f.status, attempt: e.meeting.attempts + 1 }, 'teams meeting work failed');
    if (!givesUp(e.meeting.attempts, retry)) {
      const retryAt = new Date(this.d.clock.now().getTime() + meetingRetryDelayMs(e.meeting.attempts + 1, f.retryAfterSeconds));
      return { kind: 'failed', work: key, retry: true, retryAt, message: meetingWords.retrying(work, f.kind, f.status, retryAt) };
    }
    const message =
      f.kind === 'forbidden' || f.kind === 'delegation'
        ? meetingWords.forbidden(work, f.status)
        : f.kind === 'not-found'
          ? meetingWords.notFound(work)
          : retry
            ? meetingWords.gaveUp(work, MAX_MEETING_TRIES, f.kind, f.status)
            : meetingWords.refused(work, f.status);
    return { kind: 'failed', work: key, retry, message };
  }

  private details(e: PltEvent): MeetingDetails {
    const body = [e.description.trim(), `Booking and details: ${this.d.eventUrl(e.id)}`].filter(Boolean).join('\n\n');
    return { subject: e.title, body, start: e.start, end: e.end, transactionId: `virtual-cafe-${e.id}-${e.meeting.round ?? 0}` };
  }
}
