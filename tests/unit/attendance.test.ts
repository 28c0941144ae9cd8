// Who attended, from Teams' attendance records (pure), and how the seat rules record it: organisers'
// marks stand, walk-ins get a row outside the seat counters, a waiting person who came becomes a
// walk-in, the same report twice changes nothing.
import { strict as assert } from 'node:assert';
import { decideAttendance, type AttendanceInput, type RosterPerson } from '../../src/domain/events/attendance.js';
import { planBatch, type PartitionSnapshot, type SeatOp, type StoredRegistration } from '../../src/domain/events/seats.js';
import { EMPTY_SEATS, type PltEvent, type Registration } from '../../src/domain/events/event.js';
import { NO_MEETING } from '../../src/domain/events/meeting.js';
import { AppError } from '../../src/domain/errors.js';

const TWO_HOURS = 7200;
const min = (n: number) => n * 60;

function decide(partial: Partial<AttendanceInput> & Pick<AttendanceInput, 'records'>) {
  return decideAttendance({ roster: [], knownMembers: new Set(), eventSeconds: TWO_HOURS, minPercent: 75, ...partial });
}
const byId = (r: ReturnType<typeof decide>) => new Map(r.decisions.map((d) => [d.userId, d]));
const booked = (userId: string, extra: Partial<RosterPerson> = {}): RosterPerson => ({ userId, status: 'booked', guest: false, ...extra });

describe('the attendance decision (Teams records → who attended)', () => {
  it('sums a person’s time over every report and compares it with ATTENDANCE_MIN_PERCENT of the event', () => {
    const r = byId(
      decide({
        roster: [booked('ann'), booked('ben'), booked('cat'), booked('dan')],
        records: [
          { userId: 'ann', seconds: min(120) },
          { userId: 'ben', seconds: min(50) },
          { userId: 'ben', seconds: min(40) }, // left and came back: 90 minutes = exactly 75 %
          { userId: 'cat', seconds: min(60) }, // 50 %
        ],
      }),
    );
    assert.deepEqual([r.get('ann')?.attended, r.get('ann')?.minutes], [true, 120]);
    assert.deepEqual([r.get('ben')?.attended, r.get('ben')?.minutes], [true, 90]);
    assert.deepEqual([r.get('cat')?.attended, r.get('cat')?.minutes], [false, 60]);
    assert.deepEqual([r.get('dan')?.attended, r.get('dan')?.minutes], [false, 0], 'booked and not in the report: did not attend');
  });

  it('follows the configured share', () => {
    const records = [{ userId: 'cat', seconds: min(60) }];
    assert.equal(byId(decide({ roster: [booked('cat')], records, minPercent: 50 })).get('cat')?.attended, true);
    assert.equal(byId(decide({ roster: [booked('cat')], records, minPercent: 51 })).get('cat')?.attended, false);
  });

  it('matches by Entra object id first (any case), else by the email someone booked with', () => {
    const r = byId(
      decide({
        roster: [booked('AAAA-1111'), booked('bob', { email: 'Bob@Example.nhs.uk' })],
        records: [
          { userId: 'aaaa-1111', seconds: min(100) },
          { email: 'bob@example.nhs.uk', seconds: min(100) },
        ],
      }),
    );
    assert.equal(r.get('AAAA-1111')?.attended, true);
    assert.equal(r.get('bob')?.attended, true);
  });

  it('matches guests only by the email they booked with, never by an id', () => {
    const roster = [booked('gail', { guest: true, email: 'gail@partner.example' }), booked('gus', { guest: true })];
    const r = decide({ roster, records: [{ userId: 'gail', seconds: min(100) }, { userId: 'gus', seconds: min(100) }, { email: 'GAIL@partner.example', seconds: min(30) }] });
    const d = byId(r);
    assert.deepEqual([d.get('gail')?.minutes, d.get('gail')?.attended], [30, false], 'only the email-matched record counts');
    assert.deepEqual([d.get('gus')?.minutes, d.get('gus')?.attended], [0, false], 'a guest without an email on record is never matched');
    assert.equal(r.unmatched, 2);
  });

  it('records a walk-in only for a known member who attended, never a stranger or someone who looked in', () => {
    const r = decide({
      roster: [booked('ann')],
      knownMembers: new Set(['wally', 'wendy']),
      records: [
        { userId: 'wally', seconds: min(110) },
        { userId: 'wendy', seconds: min(10) },
        { userId: 'stranger', seconds: min(120) },
        { email: 'nobody@example.com', seconds: min(120) },
      ],
    });
    const d = byId(r);
    assert.deepEqual(d.get('wally'), { userId: 'wally', seconds: min(110), minutes: 110, attended: true, walkIn: true });
    assert.equal(d.has('wendy'), false);
    assert.equal(d.has('stranger'), false);
    assert.equal(r.unmatched, 2);
  });

  it('a waiting person who came is decided like anyone; a waiting person who did not is left out', () => {
    const d = byId(decide({ roster: [{ userId: 'wes', status: 'waitlisted', guest: false }, { userId: 'will', status: 'waitlisted', guest: false }], records: [{ userId: 'wes', seconds: min(100) }] }));
    assert.equal(d.get('wes')?.attended, true);
    assert.equal(d.has('will'), false);
  });

  it('ignores nonsense seconds', () => {
    const d = byId(decide({ roster: [booked('ann')], records: [{ userId: 'ann', seconds: -5 }, { userId: 'ann', seconds: Number.NaN }] }));
    assert.deepEqual([d.get('ann')?.seconds, d.get('ann')?.attended], [0, false]);
  });
});

describe('recording attendance on the roster (seat rules)', () => {
  const now = new Date('2027-02-10T15:20:00Z');
  const event: PltEvent = {
    id: 'e1',
    title: 'COPD update',
    description: '',
    category: 'plt',
    hub: 'east-kent',
    professions: [],
    start: new Date('2027-02-10T13:00:00Z'),
    end: new Date('2027-02-10T15:00:00Z'),
    capacity: 2,
    teamsMeeting: true,
    meeting: NO_MEETING,
    organiserId: 'org',
    organiserName: 'Olu',
    status: 'scheduled',
    sequence: 0,
    createdAt: now,
    updatedAt: now,
  };
  const reg = (userId: string, extra: Partial<Registration> = {}): StoredRegistration => ({ userId, name: userId, status: 'booked', ticket: 0, joinedAt: now, attended: false, inviteToken: `t-${userId}`, etag: 'x', ...extra });
  const snapshot = (regs: StoredRegistration[], seats = { ...EMPTY_SEATS, booked: 2, waitlisted: 1, lastTicket: 1 }): PartitionSnapshot => ({ event, seats, regs: new Map(regs.map((r) => [r.userId, r])) });
  const apply = (s: PartitionSnapshot, op: SeatOp) => {
    const plan = planBatch(s, [op], now);
    const regs = new Map(s.regs);
    for (const w of plan.writes) if (w.type === 'create' || w.type === 'update') regs.set(w.reg.userId, { ...w.reg, etag: 'y' });
    return { plan, snapshot: { ...s, event: plan.event, seats: plan.seats, regs } as PartitionSnapshot };
  };
  const teams = (decisions: { userId: string; minutes: number; attended: boolean; walkIn?: boolean }[]): SeatOp => ({
    kind: 'teams-attendance',
    decisions: decisions.map((d) => ({ seconds: d.minutes * 60, walkIn: false, ...d })),
    names: { wally: 'Wally Walker' },
  });

  it('sets attended, minutes and source "teams"; an organiser’s mark stands (only the minutes change)', () => {
    const s = snapshot([reg('ann'), reg('orla', { attended: false, attendanceSource: 'organiser' }), reg('wes', { status: 'waitlisted', ticket: 1 })]);
    const { plan, snapshot: after } = apply(s, teams([{ userId: 'ann', minutes: 115, attended: true }, { userId: 'orla', minutes: 115, attended: true }]));
    assert.deepEqual(plan.outcomes[0], { kind: 'attendance', marked: 1, unknown: [] });
    const ann = after.regs.get('ann')!;
    assert.deepEqual([ann.attended, ann.attendedMinutes, ann.attendanceSource], [true, 115, 'teams']);
    const orla = after.regs.get('orla')!;
    assert.deepEqual([orla.attended, orla.attendedMinutes, orla.attendanceSource], [false, 115, 'organiser']);
  });

  it('adds a walk-in row outside the seat counters, and turns a waiting person who came into one', () => {
    const s = snapshot([reg('ann'), reg('bea'), reg('wes', { status: 'waitlisted', ticket: 1 })]);
    const { plan, snapshot: after } = apply(s, teams([{ userId: 'wally', minutes: 110, attended: true, walkIn: true }, { userId: 'wes', minutes: 100, attended: true }]));
    const wally = after.regs.get('wally')!;
    assert.deepEqual([wally.status, wally.attended, wally.attendanceSource, wally.name, wally.ticket], ['walk-in', true, 'teams', 'Wally Walker', 0]);
    assert.equal(after.regs.get('wes')?.status, 'walk-in');
    assert.deepEqual([plan.seats.booked, plan.seats.waitlisted], [2, 0], 'booked unchanged; the waitlist lost one');
    assert.deepEqual(plan.added, ['wally'], 'the walk-in gets a personal index entry (CPD finds it)');
  });

  it('the same report twice changes nothing', () => {
    const s = snapshot([reg('ann'), reg('bea')]);
    const op = teams([{ userId: 'ann', minutes: 115, attended: true }, { userId: 'wally', minutes: 110, attended: true, walkIn: true }]);
    const once = apply(s, op).snapshot;
    const twice = planBatch(once, [op], now);
    assert.deepEqual(twice.writes, []);
  });

  it('an organiser’s list sets whoever it changes; a partial list sets those named, even unchanged', () => {
    const s = snapshot([reg('ann', { attended: true, attendanceSource: 'teams' }), reg('bea', { attended: false, attendanceSource: 'teams' }), reg('wally', { status: 'walk-in', attended: true, attendanceSource: 'teams' })]);
    const full = apply(s, { kind: 'attendance', attended: ['ann', 'bea'] }).snapshot;
    assert.deepEqual(['ann', 'bea', 'wally'].map((u) => [full.regs.get(u)!.attended, full.regs.get(u)!.attendanceSource]), [
      [true, 'teams'],
      [true, 'organiser'],
      [false, 'organiser'],
    ]);
    const partial = apply(s, { kind: 'attendance', attended: ['ann'], absent: ['bea'] }).snapshot;
    assert.deepEqual(['ann', 'bea', 'wally'].map((u) => [partial.regs.get(u)!.attended, partial.regs.get(u)!.attendanceSource]), [
      [true, 'organiser'],
      [false, 'organiser'],
      [true, 'teams'],
    ]);
  });

  it('refuses someone named both ways, or not on the roster, and changes nothing', () => {
    const s = snapshot([reg('ann'), reg('bea')]);
    for (const op of [{ kind: 'attendance', attended: ['ann'], absent: ['ann'] }, { kind: 'attendance', attended: ['zed'] }] as SeatOp[]) {
      const plan = planBatch(s, [op], now);
      assert.ok(plan.outcomes[0] instanceof AppError && plan.outcomes[0].kind === 'invalid');
      assert.deepEqual(plan.writes, []);
    }
  });

  it('before the event, or on a cancelled one, Teams attendance is refused', () => {
    const early = planBatch(snapshot([reg('ann')]), [teams([{ userId: 'ann', minutes: 5, attended: true }])], new Date('2027-02-10T12:00:00Z'));
    assert.ok(early.outcomes[0] instanceof AppError);
    const cancelled = planBatch({ ...snapshot([reg('ann')]), event: { ...event, status: 'cancelled' } }, [teams([{ userId: 'ann', minutes: 5, attended: true }])], now);
    assert.ok(cancelled.outcomes[0] instanceof AppError);
  });

  it('“forget me” keeps an attended walk-in as an anonymous count', () => {
    const s = snapshot([reg('ann'), reg('bea'), reg('wally', { status: 'walk-in', attended: true, attendanceSource: 'teams' })], { ...EMPTY_SEATS, booked: 2 });
    const plan = planBatch(s, [{ kind: 'erase', userId: 'wally' }], now);
    assert.deepEqual([plan.seats.booked, plan.seats.anonBooked, plan.seats.anonAttended], [2, 0, 1]);
    assert.deepEqual(plan.writes.map((w) => w.type), ['delete']);
  });
});
