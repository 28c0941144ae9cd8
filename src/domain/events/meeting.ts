// An online event's Teams meeting: a calendar event with a Teams meeting in the organiser's own
// mailbox (never a channel meeting: Teams keeps no attendance report for those), created, changed
// and removed through Microsoft Graph as the PLT event changes. The state here is what the app
// knows of that calendar event; the work still to do follows from it and the event (meetingWork),
// so a retry or a second instance always does what is left, never something twice.
import type { UserId } from '../people/person.js';

export type MeetingStatus = 'none' | 'pending' | 'created' | 'failed';

export interface MeetingState {
  /** none: no Teams meeting; pending: being set up (or retrying); created; failed (a person must act). */
  status: MeetingStatus;
  /** The meeting's join URL, once Graph gave it. */
  joinUrl?: string;
  /** What a person should know about it, in words (a retry under way, what an admin must grant…). */
  message?: string;
  /** The calendar event's id in the owner's mailbox. */
  graphEventId?: string;
  /** Whose mailbox holds it: the organiser's Entra object id. */
  ownerId?: UserId;
  /** Fingerprint of the title, description and times Graph last accepted (meetingFingerprint). */
  synced?: string;
  /** Failed tries in a row for the work now due (the retry bound). */
  attempts: number;
  /** The work the app gave up on (create, update:<fingerprint>, delete): not tried again until it changes. */
  gaveUp?: string;
  /** The Teams online meeting's id (looked up by join URL for attendance). */
  onlineMeetingId?: string;
  /** How many calendar events were made and removed before: a new one is a new Graph transaction. */
  round?: number;
  /** When Teams' attendance report was last read, and what a person should know about it. */
  attendanceReadAt?: Date;
  attendanceMessage?: string;
}

export const NO_MEETING: MeetingState = { status: 'none', attempts: 0 };

/** What an event's Teams meeting needs from Graph now. */
export type MeetingWork = 'create' | 'link' | 'update' | 'delete';

/** What the app asks Graph to hold: subject, body, start and end. */
export interface MeetingSubject {
  title: string;
  description: string;
  start: Date;
  end: Date;
}

/** Changes when the title, description or times change (what a PATCH must carry). */
export function meetingFingerprint(e: MeetingSubject): string {
  return `${e.start.toISOString()}|${e.end.toISOString()}|${hash(e.title)}|${hash(e.description)}`;
}

/** FNV-1a, 32 bits: enough to notice a change; no cryptography needed here. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** The work's name, as kept in `gaveUp`: a different change is a different work. */
export const workKey = (work: MeetingWork, e: MeetingSubject): string => (work === 'update' ? `update:${meetingFingerprint(e)}` : work);

/**
 * What Graph must do for this event now, or null. A cancelled event, or one that no longer wants a
 * Teams meeting, loses its calendar event; a wanted one is created, its link fetched if Graph
 * left it out, and kept in step with the title, description and times.
 */
export function meetingWork(e: MeetingSubject & { teamsMeeting: boolean; status: 'scheduled' | 'cancelled'; meeting: MeetingState }): MeetingWork | null {
  const m = e.meeting;
  let work: MeetingWork | null;
  if (e.status === 'cancelled' || !e.teamsMeeting) work = m.graphEventId ? 'delete' : null;
  else if (!m.graphEventId) work = m.status === 'failed' ? null : 'create';
  else if (!m.joinUrl) work = 'link';
  else work = m.synced === meetingFingerprint(e) ? null : 'update';
  return work && m.gaveUp !== workKey(work, e) ? work : null;
}

/** A Graph call that did not succeed, as the meeting rules see it. */
export type MeetingFailureKind = 'forbidden' | 'not-found' | 'throttled' | 'unavailable' | 'timeout' | 'refused' | 'delegation';

export class MeetingCallError extends Error {
  constructor(
    readonly kind: MeetingFailureKind,
    message: string,
    readonly status?: number,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'MeetingCallError';
  }
}

/** Throttling, outages and timeouts pass; a refusal or a missing mailbox needs a person. */
export const isRetryable = (kind: MeetingFailureKind): boolean => kind === 'throttled' || kind === 'unavailable' || kind === 'timeout';

/** Tries of one piece of work before the app gives up and says so (the first is the person's own request). */
export const MAX_MEETING_TRIES = 6;

/** After this failed try (the event had `attemptsBefore`), the app gives up on the work. */
export const givesUp = (attemptsBefore: number, retryable: boolean): boolean => !retryable || attemptsBefore + 1 >= MAX_MEETING_TRIES;
const FIRST_RETRY_MS = 60_000;
const LONGEST_RETRY_MS = 3_600_000;

/**
 * When to try again after `attempts` failed tries: a minute, doubling, at most an hour, and never
 * sooner than Graph's Retry-After.
 */
export function meetingRetryDelayMs(attempts: number, retryAfterSeconds?: number): number {
  const backoff = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
  return Math.max(backoff, Math.min(LONGEST_RETRY_MS, (retryAfterSeconds ?? 0) * 1000));
}

/** What one round of Graph work came to, to be recorded on the event (applyMeetingOutcome). */
export type MeetingOutcome =
  | { kind: 'created'; graphEventId: string; joinUrl?: string; ownerId: UserId; synced: string }
  | { kind: 'updated'; synced: string }
  | { kind: 'deleted' }
  /** A try failed: try again (`retry`, at `retryAt`) or give up, with the words for it. */
  | { kind: 'failed'; work: string; retry: boolean; message: string; retryAt?: Date }
  /** Graph is not set up here (GRAPH_MODE=off): nothing can be done. */
  | { kind: 'unavailable'; message: string }
  | { kind: 'attendance-read'; at: Date; onlineMeetingId?: string; message?: string };

interface MeetingHolder {
  teamsMeeting: boolean;
  onlineMeetingUrl?: string;
  meeting: MeetingState;
  sequence: number;
}

/**
 * The event with an outcome recorded. Once created, the join URL is the event's online meeting
 * link (attendees' invites change: the sequence moves on); once removed, that link goes too.
 */
export function applyMeetingOutcome<E extends MeetingHolder>(e: E, outcome: MeetingOutcome): E {
  const m = e.meeting;
  const keep = { onlineMeetingId: m.onlineMeetingId, attendanceReadAt: m.attendanceReadAt, attendanceMessage: m.attendanceMessage, round: m.round };
  switch (outcome.kind) {
    case 'created': {
      const meeting: MeetingState = { ...keep, status: 'created', graphEventId: outcome.graphEventId, ownerId: outcome.ownerId, joinUrl: outcome.joinUrl, synced: outcome.synced, attempts: 0 };
      if (!outcome.joinUrl) return { ...e, meeting: { ...meeting, status: 'pending' } };
      const moved = e.onlineMeetingUrl !== outcome.joinUrl;
      return { ...e, meeting, onlineMeetingUrl: outcome.joinUrl, sequence: e.sequence + (moved ? 1 : 0) };
    }
    case 'updated':
      return { ...e, meeting: { ...m, synced: outcome.synced, attempts: 0, gaveUp: undefined, message: undefined, status: m.joinUrl ? 'created' : m.status } };
    case 'deleted': {
      const dropLink = !!m.joinUrl && e.onlineMeetingUrl === m.joinUrl;
      return { ...e, meeting: { ...NO_MEETING, ...keep, round: (m.round ?? 0) + 1 }, ...(dropLink ? { onlineMeetingUrl: undefined, sequence: e.sequence + 1 } : {}) };
    }
    case 'failed': {
      const attempts = m.attempts + 1;
      const giveUp = givesUp(m.attempts, outcome.retry);
      // A meeting that exists stays "created" (with what went wrong); one never made is pending or failed.
      const status: MeetingStatus = m.graphEventId && m.joinUrl ? 'created' : giveUp ? 'failed' : 'pending';
      return { ...e, meeting: { ...m, status, attempts: giveUp ? 0 : attempts, gaveUp: giveUp ? outcome.work : undefined, message: outcome.message } };
    }
    case 'unavailable':
      return { ...e, meeting: { ...m, status: m.graphEventId && m.joinUrl ? 'created' : 'failed', message: outcome.message } };
    case 'attendance-read':
      return { ...e, meeting: { ...m, attendanceReadAt: outcome.at, onlineMeetingId: outcome.onlineMeetingId ?? m.onlineMeetingId, attendanceMessage: outcome.message } };
  }
}

/**
 * The Teams meeting as an organiser's change leaves it: asking for one anew (or again, after it
 * failed) starts afresh; no longer asking keeps what exists until it is removed.
 */
export function meetingAfterChange(before: { teamsMeeting: boolean; meeting: MeetingState }, wanted: boolean, askedAgain: boolean): MeetingState {
  const m = before.meeting;
  if (!wanted) return m.graphEventId ? { ...m, attempts: 0, gaveUp: undefined } : { ...NO_MEETING, onlineMeetingId: m.onlineMeetingId, attendanceReadAt: m.attendanceReadAt, round: m.round };
  if (!before.teamsMeeting || (askedAgain && m.status === 'failed')) return { ...m, status: m.graphEventId && m.joinUrl ? 'created' : 'pending', attempts: 0, gaveUp: undefined, message: undefined };
  return m;
}

/** Is this a Teams meeting link (whose attendance report Graph can find by its join URL)? */
export function isTeamsJoinUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const host = new URL(url).hostname.toLowerCase();
    return host === 'teams.microsoft.com' || host.endsWith('.teams.microsoft.com') || host === 'teams.live.com';
  } catch {
    return false;
  }
}
