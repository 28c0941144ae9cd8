// Matching rules, one by one; ranking and ties; DST weeks in Europe/London; and a property test
// over random pools and requests (whoever is chosen is free and under their cap; nobody is offered
// the same request twice as it cascades).
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { rankCandidates, summariseRejections, tieHash, type MatchInput, type MatchRequest, type SessionRecord } from '../../src/domain/facilitation/matching.js';
import { DAYS, FORMATS, type AvailabilitySlot, type Facilitator } from '../../src/domain/facilitation/facilitator.js';
import { localSession } from '../../src/domain/facilitation/schedule.js';
import type { Hub } from '../../src/domain/people/hubs.js';

const london = (local: string) => DateTime.fromISO(local, { zone: 'Europe/London' }).toJSDate();
const NOW = london('2026-07-01T09:00');

function facilitator(userId: string, overrides: Partial<Facilitator> = {}): Facilitator {
  return {
    userId,
    hubs: ['west-kent'],
    skills: [],
    formats: ['observe', 'co-facilitate', 'coach'],
    availability: DAYS.map((day) => ({ day, from: '08:00', to: '20:00' })),
    away: [],
    maxPerMonth: 4,
    paused: false,
    addedAt: NOW,
    updatedAt: NOW,
    ...overrides,
  };
}

function request(overrides: Partial<MatchRequest> = {}): MatchRequest {
  return {
    id: 'req-1',
    leadId: 'lead',
    channelId: 'practice-nursing',
    hub: 'west-kent',
    channelProfessions: ['practice-nurse'],
    topic: '',
    format: 'observe',
    // Tuesday 14 July 2026, 14:00–16:00 BST
    start: london('2026-07-14T14:00'),
    end: london('2026-07-14T16:00'),
    continuity: false,
    excluded: [],
    ...overrides,
  };
}

const session = (facilitatorId: string, startLocal: string, endLocal: string, channelId = 'other', requestId = `s-${facilitatorId}-${startLocal}`): SessionRecord => ({
  requestId,
  facilitatorId,
  channelId,
  start: london(startLocal),
  end: london(endLocal),
});

function match(pool: Facilitator[], req: Partial<MatchRequest> = {}, extra: Partial<MatchInput> = {}) {
  return rankCandidates({ request: request(req), pool, sessions: [], now: NOW, ...extra });
}

const ids = (r: ReturnType<typeof match>) => r.candidates.map((c) => c.userId);
const reasonFor = (r: ReturnType<typeof match>, userId: string) => r.rejected.find((x) => x.userId === userId)?.reason;

describe('facilitation matching: who is free', () => {
  it('offers someone whose weekly availability covers the whole session', () => {
    const r = match([facilitator('a', { availability: [{ day: 'tue', from: '14:00', to: '16:00' }] })]);
    assert.deepEqual(ids(r), ['a']);
    assert.equal(r.candidates[0].reasons[0], 'free Tue 14:00–16:00');
  });

  it('skips someone available only for part of the session, or on another day', () => {
    const r = match([
      facilitator('late', { availability: [{ day: 'tue', from: '14:30', to: '18:00' }] }),
      facilitator('early', { availability: [{ day: 'tue', from: '09:00', to: '15:59' }] }),
      facilitator('wednesday', { availability: [{ day: 'wed', from: '09:00', to: '18:00' }] }),
      facilitator('split', { availability: [{ day: 'tue', from: '13:00', to: '15:00' }, { day: 'tue', from: '15:30', to: '17:00' }] }),
    ]);
    assert.deepEqual(ids(r), []);
    assert.equal(reasonFor(r, 'late'), 'not available Tue 14:00–16:00');
    assert.equal(r.rejected.length, 4);
  });

  it('skips anyone away on the day, with both ends of the range included', () => {
    const r = match([
      facilitator('ends-that-day', { away: [{ from: '2026-07-10', to: '2026-07-14' }] }),
      facilitator('starts-that-day', { away: [{ from: '2026-07-14', to: '2026-07-20' }] }),
      facilitator('single-day', { away: [{ from: '2026-07-14', to: '2026-07-14' }] }),
      facilitator('day-before', { away: [{ from: '2026-07-01', to: '2026-07-13' }] }),
      facilitator('day-after', { away: [{ from: '2026-07-15', to: '2026-07-30' }] }),
    ]);
    assert.deepEqual(ids(r).sort(), ['day-after', 'day-before']);
    assert.equal(reasonFor(r, 'single-day'), 'away on 2026-07-14');
    assert.equal(reasonFor(r, 'ends-that-day'), 'away 2026-07-10 to 2026-07-14');
  });

  it('skips someone already facilitating at an overlapping time; back-to-back is fine', () => {
    const sessions = [session('busy', '2026-07-14T15:00', '2026-07-14T17:00'), session('before', '2026-07-14T12:00', '2026-07-14T14:00'), session('after', '2026-07-14T16:00', '2026-07-14T17:00')];
    const r = match([facilitator('busy'), facilitator('before'), facilitator('after')], {}, { sessions });
    assert.deepEqual(ids(r).sort(), ['after', 'before']);
    assert.equal(reasonFor(r, 'busy'), 'already facilitating at that time');
  });

  it('does not count the request’s own confirmed session as a clash (withdraw and re-match)', () => {
    const r = match([facilitator('a')], {}, { sessions: [session('a', '2026-07-14T14:00', '2026-07-14T16:00', 'practice-nursing', 'req-1')] });
    assert.deepEqual(ids(r), ['a']);
  });

  it('skips someone booked on a PLT event at that time (their own bookings)', () => {
    const busy = new Map([['booked', [{ start: london('2026-07-14T15:30'), end: london('2026-07-14T17:00') }]], ['free', [{ start: london('2026-07-14T16:00'), end: london('2026-07-14T17:00') }]]]);
    const r = match([facilitator('booked'), facilitator('free')], {}, { busy });
    assert.deepEqual(ids(r), ['free']);
    assert.equal(reasonFor(r, 'booked'), 'booked on an event at that time');
  });

  it('skips someone at their monthly cap for the session’s London month; other months do not count', () => {
    const sessions = [
      session('full', '2026-07-02T10:00', '2026-07-02T11:00'),
      session('full', '2026-07-28T10:00', '2026-07-28T11:00'),
      session('room', '2026-06-30T10:00', '2026-06-30T11:00'),
      session('room', '2026-08-01T10:00', '2026-08-01T11:00'),
      session('room', '2026-07-20T10:00', '2026-07-20T11:00'),
    ];
    const r = match([facilitator('full', { maxPerMonth: 2 }), facilitator('room', { maxPerMonth: 2 }), facilitator('zero', { maxPerMonth: 0 })], {}, { sessions });
    assert.deepEqual(ids(r), ['room']);
    assert.equal(reasonFor(r, 'full'), 'at their monthly limit (2 of 2)');
    assert.equal(reasonFor(r, 'zero'), 'at their monthly limit (0 of 0)');
  });

  it('skips paused facilitators, the lead asking, people excluded from this request, and those not offering the format', () => {
    const r = match([facilitator('paused', { paused: true }), facilitator('lead'), facilitator('declined'), facilitator('observer', { formats: ['observe'] }), facilitator('ok')], { excluded: ['declined'], format: 'coach' });
    assert.deepEqual(ids(r), ['ok']);
    assert.equal(reasonFor(r, 'paused'), 'has paused offers');
    assert.equal(reasonFor(r, 'lead'), 'is the lead asking');
    assert.equal(reasonFor(r, 'declined'), 'declined, let the offer lapse or withdrew');
    assert.equal(reasonFor(r, 'observer'), 'does not offer “Coach the lead”');
  });

  it('never fits a session that runs past midnight; one ending exactly at midnight fits a slot to 24:00', () => {
    const overnight = match([facilitator('a', { availability: [{ day: 'tue', from: '00:00', to: '24:00' }, { day: 'wed', from: '00:00', to: '24:00' }] })], { start: london('2026-07-14T23:00'), end: london('2026-07-15T01:00') });
    assert.deepEqual(ids(overnight), []);
    const toMidnight = match([facilitator('a', { availability: [{ day: 'tue', from: '22:00', to: '24:00' }] })], { start: london('2026-07-14T22:30'), end: london('2026-07-15T00:00') });
    assert.deepEqual(ids(toMidnight), ['a']);
    assert.equal(toMidnight.candidates[0].reasons[0], 'free Tue 22:30–24:00');
  });

  it('lists a person once even if the pool repeats them', () => {
    const r = match([facilitator('a'), facilitator('a')]);
    assert.deepEqual(ids(r), ['a']);
  });

  it('summarises why nobody was free, for the coordinators', () => {
    const r = match([facilitator('x', { paused: true }), facilitator('y', { availability: [] }), facilitator('z', { availability: [] }), facilitator('w', { away: [{ from: '2026-07-14', to: '2026-07-14' }] })]);
    assert.deepEqual(summariseRejections(r.rejected).sort(), ['1 away', '1 has paused offers', '2 not available at that time']);
  });
});

describe('facilitation matching: ranking', () => {
  it('puts hub fit first: same hub or all-Kent before another hub, even if busier', () => {
    const sessions = [session('same', '2026-06-20T10:00', '2026-06-20T11:00'), session('same', '2026-06-22T10:00', '2026-06-22T11:00')];
    const r = match([facilitator('other', { hubs: ['east-kent'] }), facilitator('same'), facilitator('everywhere', { hubs: ['kent-medway'] })], {}, { sessions });
    assert.deepEqual(ids(r).slice(0, 2).sort(), ['everywhere', 'same']);
    assert.equal(ids(r)[2], 'other');
    assert.equal(r.candidates.find((c) => c.userId === 'other')!.reasons[1], 'from another hub (East Kent)');
    assert.equal(r.candidates.find((c) => c.userId === 'same')!.reasons[1], 'West Kent');
  });

  it('then skill fit: the channel’s professions and the topic', () => {
    const r = match([facilitator('none'), facilitator('profession', { skills: ['practice-nurse'] }), facilitator('both', { skills: ['practice-nurse', 'Wound care'] })], { topic: 'Leg ulcers and wound dressings' });
    assert.deepEqual(ids(r), ['both', 'profession', 'none']);
    const both = r.candidates[0].reasons;
    assert.ok(both.includes('profession fit: Practice nurse'), both.join('|'));
    assert.ok(both.includes('skills match the topic: Wound care'), both.join('|'));
  });

  it('then fairness: fewest sessions in the last 90 days (and already booked ahead)', () => {
    const sessions = [
      session('two', '2026-06-01T10:00', '2026-06-01T11:00'),
      session('two', '2026-06-15T10:00', '2026-06-15T11:00'),
      session('one', '2026-06-10T10:00', '2026-06-10T11:00'),
      session('old', '2026-03-01T10:00', '2026-03-01T11:00'), // more than 90 days ago
      session('ahead', '2026-07-20T10:00', '2026-07-20T11:00'),
    ];
    const r = match([facilitator('two'), facilitator('one'), facilitator('old'), facilitator('ahead')], {}, { sessions });
    assert.deepEqual(ids(r)[0], 'old');
    assert.deepEqual(ids(r).slice(1, 3).sort(), ['ahead', 'one']);
    assert.equal(ids(r)[3], 'two');
    assert.ok(r.candidates.find((c) => c.userId === 'two')!.reasons.includes('2 sessions in the last 90 days'));
    assert.ok(r.candidates.find((c) => c.userId === 'old')!.reasons.includes('no sessions in the last 90 days'));
    assert.ok(r.candidates.find((c) => c.userId === 'ahead')!.reasons.includes('0 sessions in the last 90 days, 1 coming up'));
  });

  it('puts continuity first only when the lead asks for it', () => {
    const sessions = [session('returning', '2026-06-02T14:00', '2026-06-02T16:00', 'practice-nursing'), session('returning', '2026-05-12T14:00', '2026-05-12T16:00', 'practice-nursing')];
    const pool = [facilitator('returning', { hubs: ['east-kent'] }), facilitator('newcomer')];
    assert.deepEqual(ids(match(pool, {}, { sessions })), ['newcomer', 'returning']);
    const asked = match(pool, { continuity: true }, { sessions });
    assert.deepEqual(ids(asked), ['returning', 'newcomer']);
    assert.ok(asked.candidates[0].reasons.includes('has facilitated this channel before (2 sessions)'));
    assert.ok(asked.candidates[1].reasons.includes('new to this channel'));
  });

  it('breaks remaining ties by fewest sessions this month, then a stable per-request hash', () => {
    // Both carry one session (fairness ties); only "busier" has theirs in July, the session's month.
    const sessions = [session('busier', '2026-07-03T10:00', '2026-07-03T11:00'), session('calm', '2026-06-20T10:00', '2026-06-20T11:00')];
    assert.deepEqual(ids(match([facilitator('busier'), facilitator('calm')], {}, { sessions })), ['calm', 'busier']);

    const pool = Array.from({ length: 6 }, (_, i) => facilitator(`p${i}`));
    const a = ids(match(pool, { id: 'req-A' }));
    assert.deepEqual(ids(match([...pool].reverse(), { id: 'req-A' })), a, 'order of the pool does not matter');
    const orders = new Set(['req-A', 'req-B', 'req-C', 'req-D', 'req-E'].map((id) => ids(match(pool, { id }))[0]));
    assert.ok(orders.size > 1, 'different requests do not always favour the same person');
    assert.equal(tieHash('x'), tieHash('x'));
  });

  it('treats all-Kent channels as fitting every hub', () => {
    const r = match([facilitator('east', { hubs: ['east-kent'] }), facilitator('west')], { hub: 'kent-medway' as Hub });
    assert.equal(r.candidates.length, 2);
    assert.equal(r.candidates[0].rank.hubFit, r.candidates[1].rank.hubFit);
  });
});

describe('facilitation matching: DST weeks in Europe/London', () => {
  const mondayMorning: AvailabilitySlot[] = [{ day: 'mon', from: '09:00', to: '12:00' }];

  it('keeps a London wall-clock slot across the spring change (GMT → BST on 29 March 2026)', () => {
    const before = request({ start: london('2026-03-23T09:00'), end: london('2026-03-23T11:00') });
    const after = request({ start: london('2026-03-30T09:00'), end: london('2026-03-30T11:00') });
    assert.equal(before.start.toISOString(), '2026-03-23T09:00:00.000Z');
    assert.equal(after.start.toISOString(), '2026-03-30T08:00:00.000Z');
    for (const req of [before, after]) {
      const r = rankCandidates({ request: req, pool: [facilitator('a', { availability: mondayMorning })], sessions: [], now: london('2026-03-01T09:00') });
      assert.deepEqual(ids(r), ['a'], req.start.toISOString());
      assert.equal(r.candidates[0].reasons[0], 'free Mon 09:00–11:00');
    }
    // 08:00Z on the Monday after the change is 09:00 London; on the Monday before it is 08:00 London.
    const utc8Before = rankCandidates({ request: request({ start: new Date('2026-03-23T08:00:00Z'), end: new Date('2026-03-23T10:00:00Z') }), pool: [facilitator('a', { availability: mondayMorning })], sessions: [], now: london('2026-03-01T09:00') });
    assert.deepEqual(ids(utc8Before), []);
  });

  it('keeps a London wall-clock slot across the autumn change (BST → GMT on 25 October 2026)', () => {
    const before = request({ start: london('2026-10-19T09:00'), end: london('2026-10-19T11:00') });
    const after = request({ start: london('2026-10-26T09:00'), end: london('2026-10-26T11:00') });
    assert.equal(before.start.toISOString(), '2026-10-19T08:00:00.000Z');
    assert.equal(after.start.toISOString(), '2026-10-26T09:00:00.000Z');
    for (const req of [before, after]) {
      const r = rankCandidates({ request: req, pool: [facilitator('a', { availability: mondayMorning })], sessions: [], now: london('2026-10-01T09:00') });
      assert.deepEqual(ids(r), ['a']);
    }
  });

  it('reads sessions on the change days themselves in London time', () => {
    // Sunday 29 March 2026: 00:30 GMT to 03:00 BST is 1½ hours of real time.
    const spring = localSession(new Date('2026-03-29T00:30:00Z'), new Date('2026-03-29T02:00:00Z'));
    assert.deepEqual([spring.day, spring.startMinute, spring.endMinute, spring.label], ['sun', 30, 180, 'Sun 00:30–03:00']);
    // Sunday 25 October 2026: 01:30 BST, then 01:30 GMT an hour later.
    const autumn = localSession(new Date('2026-10-25T00:30:00Z'), new Date('2026-10-25T01:30:00Z'));
    assert.deepEqual([autumn.day, autumn.label], ['sun', 'Sun 01:30–01:30']);
    const pool = [facilitator('night', { availability: [{ day: 'sun', from: '00:00', to: '04:00' }] })];
    assert.deepEqual(ids(rankCandidates({ request: request({ start: new Date('2026-03-29T00:30:00Z'), end: new Date('2026-03-29T02:00:00Z') }), pool, sessions: [], now: london('2026-03-01T09:00') })), ['night']);
    assert.deepEqual(ids(rankCandidates({ request: request({ start: new Date('2026-10-25T00:30:00Z'), end: new Date('2026-10-25T01:30:00Z') }), pool, sessions: [], now: london('2026-10-01T09:00') })), ['night']);
  });

  it('counts monthly caps by London month, not UTC month (BST midnight)', () => {
    // 00:30 BST on 1 April is 23:30Z on 31 March: an April session in London.
    const aprilSession = session('a', '2026-04-01T00:30', '2026-04-01T01:30');
    assert.equal(aprilSession.start.toISOString(), '2026-03-31T23:30:00.000Z');
    const pool = [facilitator('a', { maxPerMonth: 1, availability: DAYS.map((day) => ({ day, from: '00:00', to: '24:00' })) })];
    const march = rankCandidates({ request: request({ start: london('2026-03-31T10:00'), end: london('2026-03-31T11:00') }), pool, sessions: [aprilSession], now: london('2026-03-01T09:00') });
    assert.deepEqual(ids(march), ['a'], 'the April session does not fill March');
    const april = rankCandidates({ request: request({ start: london('2026-04-20T10:00'), end: london('2026-04-20T11:00') }), pool, sessions: [aprilSession], now: london('2026-03-01T09:00') });
    assert.deepEqual(ids(april), []);
  });

  it('treats away dates as London days around midnight in summer', () => {
    // 23:30Z on 13 July is 00:30 BST on 14 July.
    const r = rankCandidates({
      request: request({ start: new Date('2026-07-13T23:30:00Z'), end: new Date('2026-07-14T00:30:00Z') }),
      pool: [facilitator('a', { availability: DAYS.map((day) => ({ day, from: '00:00', to: '24:00' })), away: [{ from: '2026-07-14', to: '2026-07-14' }] })],
      sessions: [],
      now: NOW,
    });
    assert.equal(reasonFor(r, 'a'), 'away on 2026-07-14');
  });
});

// ——— Property test ———

const HUB_CHOICES: Hub[] = ['north-kent', 'west-kent', 'east-kent', 'kent-medway'];

const slotArb = fc.record({ day: fc.constantFrom(...DAYS), from: fc.integer({ min: 0, max: 46 }), len: fc.integer({ min: 1, max: 20 }) }).map(({ day, from, len }) => {
  const to = Math.min(48, from + len);
  const hhmm = (half: number) => `${String(Math.floor(half / 2)).padStart(2, '0')}:${half % 2 ? '30' : '00'}`;
  return { day, from: hhmm(from), to: hhmm(to) } as AvailabilitySlot;
});

const dayIn2026 = (n: number) => DateTime.fromObject({ year: 2026, month: 1, day: 1 }, { zone: 'Europe/London' }).plus({ days: n });

const facilitatorArb = (i: number) =>
  fc.record({
    hubs: fc.subarray(HUB_CHOICES, { minLength: 1 }),
    formats: fc.subarray([...FORMATS], { minLength: 1 }),
    // Half the pool keeps broad hours, so there are real choices to get right or wrong.
    broad: fc.boolean(),
    availability: fc.array(slotArb, { maxLength: 6 }),
    awayDay: fc.option(fc.integer({ min: 0, max: 364 })),
    awayLen: fc.integer({ min: 0, max: 10 }),
    maxPerMonth: fc.integer({ min: 0, max: 3 }),
    paused: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
    skills: fc.subarray(['practice-nurse', 'paramedic', 'wound care', 'frailty']),
  }).map(
    (x): Facilitator => ({
      userId: `f${i}`,
      hubs: x.hubs,
      formats: x.formats,
      availability: x.broad ? [...x.availability, ...DAYS.map((day) => ({ day, from: '07:00', to: '21:00' }))] : x.availability,
      away: x.awayDay === null ? [] : [{ from: dayIn2026(x.awayDay).toISODate()!, to: dayIn2026(x.awayDay + x.awayLen).toISODate()! }],
      maxPerMonth: x.maxPerMonth,
      paused: x.paused,
      skills: x.skills,
      addedAt: NOW,
      updatedAt: NOW,
    }),
  );

const scenarioArb = fc.integer({ min: 1, max: 14 }).chain((size) =>
  fc.record({
    pool: fc.tuple(...Array.from({ length: size }, (_, i) => facilitatorArb(i))),
    day: fc.integer({ min: 0, max: 364 }),
    startHalf: fc.integer({ min: 12, max: 40 }),
    lenHalves: fc.integer({ min: 1, max: 6 }),
    format: fc.constantFrom(...FORMATS),
    hub: fc.constantFrom(...HUB_CHOICES),
    continuity: fc.boolean(),
    sessions: fc.array(fc.record({ who: fc.integer({ min: 0, max: size - 1 }), day: fc.integer({ min: 0, max: 364 }), startHalf: fc.integer({ min: 0, max: 44 }), lenHalves: fc.integer({ min: 1, max: 6 }), channel: fc.constantFrom('practice-nursing', 'other') }), { maxLength: 25 }),
    busy: fc.array(fc.record({ who: fc.integer({ min: 0, max: size - 1 }), offsetHalves: fc.integer({ min: -4, max: 4 }), lenHalves: fc.integer({ min: 1, max: 4 }) }), { maxLength: 5 }),
    leadIsFacilitator: fc.boolean(),
  }),
);

const at = (day: number, half: number) => dayIn2026(day).plus({ minutes: half * 30 }).toJSDate();

/** An independent oracle for "free", written plainly with luxon per check. */
function freeByOracle(f: Facilitator, req: MatchRequest, sessions: SessionRecord[], busy: Map<string, { start: Date; end: Date }[]>): boolean {
  const s = DateTime.fromJSDate(req.start, { zone: 'Europe/London' });
  const e = DateTime.fromJSDate(req.end, { zone: 'Europe/London' });
  if (f.paused || f.userId === req.leadId || req.excluded.includes(f.userId) || !f.formats.includes(req.format)) return false;
  const day = DAYS[s.weekday - 1];
  const startMin = s.hour * 60 + s.minute;
  const sameDay = s.toISODate() === e.toISODate() || (e.hour === 0 && e.minute === 0 && e.minus({ minutes: 1 }).toISODate() === s.toISODate());
  const endMin = e.toISODate() === s.toISODate() ? e.hour * 60 + e.minute : 1440;
  const toMin = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
  if (!sameDay || !f.availability.some((a) => a.day === day && toMin(a.from) <= startMin && toMin(a.to) >= endMin)) return false;
  const lastDay = DateTime.fromJSDate(new Date(req.end.getTime() - 1), { zone: 'Europe/London' }).toISODate()!;
  if (f.away.some((a) => a.from <= lastDay && a.to >= s.toISODate()!)) return false;
  const mine = sessions.filter((x) => x.facilitatorId === f.userId && x.requestId !== req.id);
  if (mine.some((x) => x.start < req.end && req.start < x.end)) return false;
  if ((busy.get(f.userId) ?? []).some((x) => x.start < req.end && req.start < x.end)) return false;
  const month = s.toFormat('yyyy-MM');
  const inMonth = mine.filter((x) => DateTime.fromJSDate(x.start, { zone: 'Europe/London' }).toFormat('yyyy-MM') === month).length;
  return inMonth < f.maxPerMonth;
}

describe('facilitation matching: property test', () => {
  it('only ever chooses someone free and under their cap, and a cascade never offers anyone twice', () => {
    const stats = { rounds: 0, offers: 0 };
    fc.assert(
      fc.property(scenarioArb, (sc) => {
        const sessions: SessionRecord[] = sc.sessions.map((x, i) => ({ requestId: `s${i}`, facilitatorId: `f${x.who}`, channelId: x.channel, start: at(x.day, x.startHalf), end: at(x.day, x.startHalf + x.lenHalves) }));
        const start = at(sc.day, sc.startHalf);
        const end = at(sc.day, sc.startHalf + sc.lenHalves);
        const busy = new Map<string, { start: Date; end: Date }[]>();
        for (const b of sc.busy) {
          const list = busy.get(`f${b.who}`) ?? [];
          list.push({ start: new Date(start.getTime() + b.offsetHalves * 1_800_000), end: new Date(start.getTime() + (b.offsetHalves + b.lenHalves) * 1_800_000) });
          busy.set(`f${b.who}`, list);
        }
        const now = new Date(start.getTime() - 30 * 86_400_000);
        const excluded: string[] = [];
        const offered = new Set<string>();
        const pool = sc.pool as Facilitator[];
        for (let round = 0; round <= pool.length; round++) {
          const req: MatchRequest = { id: 'req', leadId: sc.leadIsFacilitator ? 'f0' : 'lead', channelId: 'practice-nursing', hub: sc.hub, channelProfessions: ['practice-nurse'], topic: 'wound care', format: sc.format, start, end, continuity: sc.continuity, excluded: [...excluded] };
          const result = rankCandidates({ request: req, pool, sessions, busy, now });
          // Everyone is either a candidate or rejected, exactly once.
          assert.equal(result.candidates.length + result.rejected.length, pool.length);
          for (const c of result.candidates) assert.ok(freeByOracle(pool.find((f) => f.userId === c.userId)!, req, sessions, busy), `${c.userId} ranked but not free`);
          for (const r of result.rejected) assert.ok(!freeByOracle(pool.find((f) => f.userId === r.userId)!, req, sessions, busy), `${r.userId} rejected (${r.reason}) but free`);
          const chosen = result.candidates[0];
          stats.rounds++;
          if (!chosen) break;
          stats.offers++;
          assert.ok(!offered.has(chosen.userId), `${chosen.userId} offered twice`);
          offered.add(chosen.userId);
          excluded.push(chosen.userId); // declined or let it expire
          assert.ok(round < pool.length, 'the cascade ends');
        }
      }),
      { numRuns: 200 },
    );
    // The generators must produce real choices, not only empty pools.
    assert.ok(stats.offers > 100, `only ${stats.offers} offers in ${stats.rounds} rounds`);
  });
});
