// Matching cost: rankCandidates for 1,000 requests against a pool of 1,000 facilitators (with a
// year of confirmed sessions and some PLT bookings), against a trivial "first free" baseline run on
// the same data in the same process: the first facilitator whose weekly slot covers the session and
// who is not paused or away. Prints time per match for both and the ratio.
import { DateTime } from 'luxon';
import { rankCandidates, sessionsByFacilitator, type MatchRequest, type SessionRecord } from '../src/domain/facilitation/matching.js';
import { DAYS, FORMATS, type Facilitator } from '../src/domain/facilitation/facilitator.js';
import { awayRangeDuring, coveringSlot, localSession } from '../src/domain/facilitation/schedule.js';
import type { Hub } from '../src/domain/people/hubs.js';
import { percentile } from './stats.js';

const POOL = Number(process.env.BENCH_POOL ?? 1000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1000);

// A small seeded PRNG (mulberry32) so every run measures the same data.
function prng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = prng(20260714);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

const HUBS: Hub[] = ['north-kent', 'west-kent', 'east-kent', 'kent-medway'];
const SKILLS = ['practice-nurse', 'paramedic', 'clinical-pharmacist', 'gp', 'frailty', 'wound care', 'asthma', 'mentoring', 'supervision', 'wellbeing'];
const NOW = DateTime.fromISO('2026-06-01T09:00', { zone: 'Europe/London' });

const pool: Facilitator[] = Array.from({ length: POOL }, (_, i) => {
  const availability = DAYS.filter(() => rand() < 0.45).flatMap((day) => {
    const from = int(7, 14) * 60 + pick([0, 30]);
    return [{ day, from: hhmm(from), to: hhmm(Math.min(1440, from + int(2, 8) * 60)) }];
  });
  const awayStart = NOW.plus({ days: int(0, 300) });
  return {
    userId: `f${i}`,
    hubs: rand() < 0.1 ? ['kent-medway'] : [pick(HUBS.slice(0, 3))],
    skills: SKILLS.filter(() => rand() < 0.2),
    formats: FORMATS.filter(() => rand() < 0.7).length ? FORMATS.filter(() => rand() < 0.7) : ['observe'],
    availability,
    away: rand() < 0.3 ? [{ from: awayStart.toISODate()!, to: awayStart.plus({ days: int(1, 14) }).toISODate()! }] : [],
    maxPerMonth: int(1, 6),
    paused: rand() < 0.05,
    addedAt: NOW.toJSDate(),
    updatedAt: NOW.toJSDate(),
  };
});

const sessions: SessionRecord[] = Array.from({ length: POOL * 3 }, (_, i) => {
  const start = NOW.plus({ days: int(-120, 240) }).set({ hour: int(8, 18), minute: pick([0, 30]) });
  return { requestId: `s${i}`, facilitatorId: `f${int(0, POOL - 1)}`, channelId: `c${int(0, 14)}`, start: start.toJSDate(), end: start.plus({ hours: 1 }).toJSDate() };
});

const requests: MatchRequest[] = Array.from({ length: REQUESTS }, (_, i) => {
  const start = NOW.plus({ days: int(1, 200) }).set({ hour: int(8, 17), minute: pick([0, 30]) });
  return {
    id: `r${i}`,
    leadId: `f${int(0, POOL - 1)}`,
    channelId: `c${int(0, 14)}`,
    hub: pick(HUBS),
    channelProfessions: ['practice-nurse', 'paramedic'],
    topic: pick(['frailty reviews', 'wound care', 'asthma clinics', 'wellbeing check-in', '']),
    format: pick(FORMATS),
    start: start.toJSDate(),
    end: start.plus({ minutes: pick([60, 90, 120]) }).toJSDate(),
    continuity: rand() < 0.3,
    excluded: Array.from({ length: int(0, 3) }, () => `f${int(0, POOL - 1)}`),
  };
});

// Bookings for a tenth of the pool, as the service would pass them (only those overlapping).
const busyFor = (r: MatchRequest) => new Map(pool.filter((_, i) => i % 10 === 0).map((f) => [f.userId, rand() < 0.5 ? [{ start: r.start, end: r.end }] : []]));
const busy = requests.map(busyFor);

/** The baseline: the first facilitator who is free by the weekly slot and not paused or away. */
function firstFree(r: MatchRequest): string | undefined {
  const s = localSession(r.start, r.end);
  for (const f of pool) if (!f.paused && coveringSlot(f.availability, s) && !awayRangeDuring(f.away, s)) return f.userId;
  return undefined;
}

function timeEach(fn: (i: number) => unknown): number[] {
  const out: number[] = [];
  for (let i = 0; i < requests.length; i++) {
    const t0 = performance.now();
    fn(i);
    out.push(performance.now() - t0);
  }
  return out;
}

const now = NOW.toJSDate();
const loads = sessionsByFacilitator(sessions);
// As the service calls it: the best 20 with reasons.
const rank = (i: number) => rankCandidates({ request: requests[i], pool, sessions, busy: busy[i], now, limit: 20 }, loads);
const rankFresh = (i: number) => rankCandidates({ request: requests[i], pool, sessions, busy: busy[i], now, limit: 20 });

// Warm up both paths, then alternate rounds so drift affects both alike.
timeEach(rank);
timeEach((i) => firstFree(requests[i]));
const full: number[] = [];
const fresh: number[] = [];
const base: number[] = [];
let offered = 0;
for (let round = 0; round < 3; round++) {
  full.push(...timeEach(rank));
  fresh.push(...timeEach(rankFresh));
  base.push(...timeEach((i) => firstFree(requests[i])));
}
for (let i = 0; i < requests.length; i++) if (rank(i).candidates.length) offered++;

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const fmt = (xs: number[]) => `mean ${mean(xs).toFixed(3)} ms  p50 ${percentile(xs, 50).toFixed(3)} ms  p99 ${percentile(xs, 99).toFixed(3)} ms`;
console.log(`pool ${POOL} facilitators, ${sessions.length} sessions; ${REQUESTS} requests × 3 rounds; ${offered} of ${REQUESTS} requests find someone`);
console.log(`rank (shared load index)  ${fmt(full)}`);
console.log(`rank (index per request)  ${fmt(fresh)}`);
console.log(`first-free baseline       ${fmt(base)}`);
console.log(`RATIO rank/first-free mean = ${(mean(full) / mean(base)).toFixed(1)}`);
console.log(`RATIO rank/first-free p99 = ${(percentile(full, 99) / percentile(base, 99)).toFixed(1)}`);
console.log(`RATIO rank-with-index-build/first-free mean = ${(mean(fresh) / mean(base)).toFixed(1)}`);
