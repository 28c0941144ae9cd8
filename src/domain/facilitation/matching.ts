// Who to offer a facilitation request to, best first, with reasons a person can read.
//
// A candidate must be free: in the pool and not paused, offering the format asked for, available
// (a weekly slot covers the whole session, London time), not away that day, not already
// facilitating or booked on an event at that time, under their monthly cap, not the lead asking,
// and not someone who declined, let this request's offer expire or withdrew.
//
// Among those, the order is: continuity with the channel (only when the lead asked for it), then
// hub fit, then skill/profession fit, then fairness (fewest sessions in the last 90 days plus those
// already booked ahead), then fewest this month; remaining ties are broken by a hash of request and
// person, so the order is stable for a request but nobody is always first by accident of their id.
import { HUB_NAMES, type Hub } from '../people/hubs.js';
import type { Profession } from '../people/professions.js';
import type { UserId } from '../people/person.js';
import { words } from '../text.js';
import { FORMAT_NAMES, skillLabel, type Facilitator, type Format } from './facilitator.js';
import { awayRangeDuring, coveringSlot, localSession, londonMonthBounds, overlapsMs, type Interval, type LocalSession } from './schedule.js';

export const FAIRNESS_WINDOW_DAYS = 90;
const DAY_MS = 86_400_000;

/** A confirmed facilitation session (any request), as matching needs it. */
export interface SessionRecord {
  requestId: string;
  /** Empty when the facilitator has since erased their data (kept as an anonymous count). */
  facilitatorId: UserId;
  channelId: string;
  start: Date;
  end: Date;
}

export interface MatchRequest {
  id: string;
  leadId: UserId;
  channelId: string;
  hub: Hub;
  /** Professions the channel serves (skill fit). */
  channelProfessions: readonly Profession[];
  topic: string;
  format: Format;
  start: Date;
  end: Date;
  continuity: boolean;
  excluded: readonly UserId[];
}

export interface MatchInput {
  request: MatchRequest;
  pool: readonly Facilitator[];
  /** Confirmed sessions of everyone, at least from `now` − 90 days and everything ahead. */
  sessions: readonly SessionRecord[];
  /** People's own PLT bookings that overlap the session (from the events area). */
  busy?: ReadonlyMap<UserId, readonly Interval[]>;
  now: Date;
  /** Return only the best this many candidates (with reasons); all by default. */
  limit?: number;
}

export interface RankedCandidate {
  userId: UserId;
  reasons: string[];
  /** The ranking keys, for tests and the dashboard. */
  rank: { continuity: number; hubFit: number; skillFit: number; load: number; thisMonth: number; tieBreak: number };
}

export interface Rejection {
  userId: UserId;
  reason: string;
}

export interface MatchResult {
  /** Free people, best first (at most `limit`). */
  candidates: RankedCandidate[];
  /** How many were free in all. */
  eligible: number;
  rejected: Rejection[];
}

interface Load {
  sessions: SessionRecord[];
}

/** Sessions grouped by facilitator (exposed so callers matching many requests can reuse it). */
export function sessionsByFacilitator(sessions: readonly SessionRecord[]): Map<UserId, Load> {
  const map = new Map<UserId, Load>();
  for (const s of sessions) {
    if (!s.facilitatorId) continue;
    let load = map.get(s.facilitatorId);
    if (!load) map.set(s.facilitatorId, (load = { sessions: [] }));
    load.sessions.push(s);
  }
  return map;
}

/** FNV-1a: a cheap, stable 32-bit hash for tie-breaking. */
export function tieHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const plural = (n: number, one: string, many = one + 's') => `${n} ${n === 1 ? one : many}`;

const STOP_WORDS = new Set(['and', 'the', 'for', 'with', 'of', 'in', 'on', 'to', 'a', 'an', 'skills', 'skill', 'session', 'sessions', 'group']);

function hubFit(f: Facilitator, hub: Hub): { fit: number; reason: string } {
  if (hub === 'kent-medway') return { fit: 2, reason: f.hubs.includes('kent-medway') ? 'works across Kent & Medway' : f.hubs.map((h) => HUB_NAMES[h]).join(', ') };
  if (f.hubs.includes(hub)) return { fit: 2, reason: HUB_NAMES[hub] };
  if (f.hubs.includes('kent-medway')) return { fit: 2, reason: 'works across Kent & Medway' };
  return { fit: 0, reason: `from another hub (${f.hubs.map((h) => HUB_NAMES[h]).join(', ')})` };
}

// Skills repeat across the pool and requests; their words are worked out once.
const skillWords = new Map<string, string[]>();
function wordsOfSkill(skill: string): string[] {
  let w = skillWords.get(skill);
  if (!w) {
    w = words(skillLabel(skill)).filter((x) => !STOP_WORDS.has(x) && x.length > 2);
    if (skillWords.size < 10_000) skillWords.set(skill, w);
  }
  return w;
}

function skillFit(f: Facilitator, request: MatchRequest, topicWords: ReadonlySet<string>): { fit: number; reasons: string[] } {
  const reasons: string[] = [];
  let fit = 0;
  const professions = f.skills.filter((s) => (request.channelProfessions as readonly string[]).includes(s));
  if (professions.length) {
    fit++;
    reasons.push(`profession fit: ${professions.map(skillLabel).join(', ')}`);
  }
  if (topicWords.size) {
    const matching = f.skills.filter((s) => wordsOfSkill(s).some((w) => topicWords.has(w)));
    if (matching.length) {
      fit++;
      reasons.push(`skills match the topic: ${matching.map(skillLabel).join(', ')}`);
    }
  }
  return { fit, reasons };
}

/** Why `f` cannot take the session, judged on their profile alone (cheap: most of a large pool stops here). */
function unavailableByProfile(f: Facilitator, request: MatchRequest, s: LocalSession): string | null {
  if (f.userId === request.leadId) return 'is the lead asking';
  if (f.paused) return 'has paused offers';
  if (request.excluded.includes(f.userId)) return 'declined, let the offer lapse or withdrew';
  if (!f.formats.includes(request.format)) return `does not offer “${FORMAT_NAMES[request.format]}”`;
  if (!coveringSlot(f.availability, s)) return `not available ${s.label}`;
  const away = awayRangeDuring(f.away, s);
  if (away) return away.from === away.to ? `away on ${away.from}` : `away ${away.from} to ${away.to}`;
  return null;
}

interface Scored {
  f: Facilitator;
  candidate: RankedCandidate;
  recent: number;
  upcoming: number;
  servedChannel: number;
  hub: { fit: number; reason: string };
  skills: { fit: number; reasons: string[] };
}

export function rankCandidates(input: MatchInput, loads: Map<UserId, Load> = sessionsByFacilitator(input.sessions)): MatchResult {
  const { request, now } = input;
  const s = localSession(request.start, request.end);
  const topicWords = new Set(words(request.topic));
  const windowStart = now.getTime() - FAIRNESS_WINDOW_DAYS * DAY_MS;
  const nowMs = now.getTime();
  const [monthStart, monthEnd] = londonMonthBounds(request.start);
  const scored: Scored[] = [];
  const rejected: Rejection[] = [];
  const seen = new Set<UserId>();

  for (const f of input.pool) {
    if (seen.has(f.userId)) continue;
    seen.add(f.userId);
    const why = unavailableByProfile(f, request, s);
    if (why) {
      rejected.push({ userId: f.userId, reason: why });
      continue;
    }
    // One pass over their confirmed sessions: clash, this month's count, fairness, continuity.
    let clash = false;
    let thisMonth = 0;
    let recent = 0;
    let upcoming = 0;
    let servedChannel = 0;
    for (const x of loads.get(f.userId)?.sessions ?? []) {
      if (x.requestId === request.id) continue;
      const startMs = x.start.getTime();
      const endMs = x.end.getTime();
      if (overlapsMs(startMs, endMs, s.startMs, s.endMs)) clash = true;
      if (startMs >= monthStart && startMs < monthEnd) thisMonth++;
      if (startMs >= nowMs) upcoming++;
      else if (startMs >= windowStart) recent++;
      if (x.channelId === request.channelId && endMs <= nowMs) servedChannel++;
    }
    const busy = input.busy?.get(f.userId);
    const reason = clash
      ? 'already facilitating at that time'
      : busy?.some((b) => overlapsMs(b.start.getTime(), b.end.getTime(), s.startMs, s.endMs))
        ? 'booked on an event at that time'
        : thisMonth >= f.maxPerMonth
          ? `at their monthly limit (${thisMonth} of ${f.maxPerMonth})`
          : null;
    if (reason) {
      rejected.push({ userId: f.userId, reason });
      continue;
    }
    const hub = hubFit(f, request.hub);
    const skills = skillFit(f, request, topicWords);
    scored.push({
      f,
      recent,
      upcoming,
      servedChannel,
      hub,
      skills,
      candidate: {
        userId: f.userId,
        reasons: [],
        rank: {
          continuity: request.continuity && servedChannel > 0 ? 1 : 0,
          hubFit: hub.fit,
          skillFit: skills.fit,
          load: recent + upcoming,
          thisMonth,
          tieBreak: tieHash(`${request.id}:${f.userId}`),
        },
      },
    });
  }
  scored.sort((a, b) => compareCandidates(a.candidate, b.candidate));
  // Reasons are words for people: written only for the candidates anyone will see.
  const shown = scored.slice(0, input.limit ?? scored.length);
  for (const x of shown) {
    const fairness =
      x.recent === 0 && x.upcoming === 0
        ? `no sessions in the last ${FAIRNESS_WINDOW_DAYS} days`
        : `${plural(x.recent, 'session')} in the last ${FAIRNESS_WINDOW_DAYS} days${x.upcoming ? `, ${x.upcoming} coming up` : ''}`;
    x.candidate.reasons = [`free ${s.label}`, x.hub.reason, ...x.skills.reasons, fairness];
    if (request.continuity) x.candidate.reasons.push(x.servedChannel ? `has facilitated this channel before (${plural(x.servedChannel, 'session')})` : 'new to this channel');
  }
  return { candidates: shown.map((x) => x.candidate), eligible: scored.length, rejected };
}

export function compareCandidates(a: RankedCandidate, b: RankedCandidate): number {
  return (
    b.rank.continuity - a.rank.continuity ||
    b.rank.hubFit - a.rank.hubFit ||
    b.rank.skillFit - a.rank.skillFit ||
    a.rank.load - b.rank.load ||
    a.rank.thisMonth - b.rank.thisMonth ||
    a.rank.tieBreak - b.rank.tieBreak ||
    (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0)
  );
}

/** "3 not available at that time, 2 away, 1 paused" — why nobody could be offered. */
export function summariseRejections(rejected: readonly Rejection[]): string[] {
  const groups = new Map<string, number>();
  for (const r of rejected) {
    const key = r.reason.startsWith('not available')
      ? 'not available at that time'
      : r.reason.startsWith('away')
        ? 'away'
        : r.reason.startsWith('at their monthly limit')
          ? 'at their monthly limit'
          : r.reason.startsWith('does not offer')
            ? 'do not offer that format'
            : r.reason;
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  return [...groups].map(([reason, n]) => `${n} ${reason}`);
}
