// The seat rules (planBatch) as properties: whatever the order and batching of sign-ups and
// cancellations, capacity is never exceeded, counters equal rows, waitlist tickets are distinct
// and in order of joining, and a freed seat goes to the first in the queue.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { planBatch, waitlistPositions, type PartitionSnapshot, type SeatOp, type StoredRegistration } from '../../src/domain/events/seats.js';
import { EMPTY_SEATS, waitlistPlaceOf, type PltEvent } from '../../src/domain/events/event.js';
import { AppError } from '../../src/domain/errors.js';
import { NO_MEETING } from '../../src/domain/events/meeting.js';

const now = new Date('2026-06-01T09:00:00Z');
const event = (capacity: number | null, extra: Partial<PltEvent> = {}): PltEvent => ({
  id: 'e1',
  title: 'Asthma update',
  description: '',
  category: 'plt',
  hub: 'east-kent',
  professions: [],
  start: new Date('2026-07-01T13:00:00Z'),
  end: new Date('2026-07-01T15:00:00Z'),
  location: 'Canterbury',
  capacity,
  organiserId: 'org',
  organiserName: 'Org',
  status: 'scheduled',
  sequence: 0,
  teamsMeeting: false,
  meeting: NO_MEETING,
  createdAt: now,
  updatedAt: now,
  ...extra,
});

/** Applies a plan's writes to a snapshot, as a committed transaction would. */
function commit(s: PartitionSnapshot, ops: SeatOp[], budget?: number) {
  const plan = planBatch(s, ops, now, budget);
  const regs = new Map(s.regs);
  const cancelled = new Map(s.cancelled);
  for (const w of plan.writes) {
    if (w.type === 'delete') regs.delete(w.userId);
    else if (w.type === 'put-cancelled') cancelled.set(w.invite.userId, w.invite);
    else if (w.type === 'delete-cancelled') cancelled.delete(w.userId);
    else regs.set(w.reg.userId, { ...w.reg, etag: 'x' } as StoredRegistration);
  }
  return { plan, snapshot: { event: plan.event, seats: plan.seats, regs, cancelled } as PartitionSnapshot };
}

function check(s: PartitionSnapshot) {
  const rows = [...s.regs.values()];
  const booked = rows.filter((r) => r.status === 'booked').length;
  const waiting = rows.filter((r) => r.status === 'waitlisted');
  assert.equal(s.seats.booked, booked + s.seats.anonBooked, 'booked counter equals rows');
  assert.equal(s.seats.waitlisted, waiting.length, 'waitlisted counter equals rows');
  if (s.event.capacity !== null) assert.ok(booked <= s.event.capacity, 'capacity never exceeded');
  assert.equal(new Set(waiting.map((r) => r.ticket)).size, waiting.length, 'distinct tickets');
  if (s.event.capacity !== null && booked < s.event.capacity) assert.equal(waiting.length, 0, 'nobody waits while a seat is free');
  // Each waiting person's place, worked out from the event row alone, is their place in the queue.
  waiting.sort((a, b) => a.ticket - b.ticket).forEach((r, i) => assert.equal(waitlistPlaceOf(s.seats, r.ticket), i + 1, `place of ticket ${r.ticket}`));
  for (const u of s.cancelled?.keys() ?? []) assert.ok(!s.regs.has(u), 'a cancelled invite only for someone without a place');
}

describe('seat rules (planBatch)', () => {
  it('books up to capacity, then waitlists with positions in order of joining', () => {
    const s: PartitionSnapshot = { event: event(2), seats: EMPTY_SEATS, regs: new Map() };
    const ops: SeatOp[] = ['a', 'b', 'c', 'd'].map((u) => ({ kind: 'signup', userId: u, name: u, inviteToken: 't' + u }));
    const { plan, snapshot } = commit(s, ops);
    assert.deepEqual(
      plan.outcomes.map((o) => (o instanceof AppError ? o.message : o.kind === 'signup' ? `${o.status}${o.position ?? ''}` : o.kind)),
      ['booked', 'booked', 'waitlisted1', 'waitlisted2'],
    );
    check(snapshot);
    // Signing up again changes nothing and says where they are.
    const again = planBatch(snapshot, [{ kind: 'signup', userId: 'd', name: 'd', inviteToken: 'x' }], now);
    assert.equal(again.changed, false);
    assert.deepEqual(again.outcomes[0], { kind: 'signup', status: 'waitlisted', position: 2, already: true });
  });

  it('promotes the first waitlisted when a booked person cancels, in the same plan', () => {
    let s: PartitionSnapshot = { event: event(1), seats: EMPTY_SEATS, regs: new Map() };
    s = commit(s, ['a', 'b', 'c'].map((u) => ({ kind: 'signup', userId: u, name: u, inviteToken: u }) as SeatOp)).snapshot;
    const { plan, snapshot } = commit(s, [{ kind: 'cancel', userId: 'a' }]);
    assert.deepEqual(plan.promoted, [{ userId: 'b', number: 1 }]);
    assert.equal(snapshot.regs.get('b')?.status, 'booked');
    assert.deepEqual([...waitlistPositions(snapshot.regs.values())], [['c', 1]]);
    check(snapshot);
  });

  it('refuses sign-up when the window is closed or the event cancelled, and changes nothing', () => {
    const closed = planBatch({ event: event(5, { signupCloses: new Date('2026-05-31T00:00:00Z') }), seats: EMPTY_SEATS, regs: new Map() }, [{ kind: 'signup', userId: 'a', name: 'a', inviteToken: 'a' }], now);
    assert.ok(closed.outcomes[0] instanceof AppError && /closed/.test(closed.outcomes[0].message));
    assert.equal(closed.changed, false);
    const notYet = planBatch({ event: event(5, { signupOpens: new Date('2026-06-10T00:00:00Z') }), seats: EMPTY_SEATS, regs: new Map() }, [{ kind: 'signup', userId: 'a', name: 'a', inviteToken: 'a' }], now);
    assert.ok(notYet.outcomes[0] instanceof AppError && /opens/.test(notYet.outcomes[0].message));
    const cancelled = planBatch({ event: event(5, { status: 'cancelled' }), seats: EMPTY_SEATS, regs: new Map() }, [{ kind: 'signup', userId: 'a', name: 'a', inviteToken: 'a' }], now);
    assert.ok(cancelled.outcomes[0] instanceof AppError && /cancelled/.test(cancelled.outcomes[0].message));
  });

  it('refuses a capacity below the people booked, and fills seats when it grows', () => {
    let s: PartitionSnapshot = { event: event(2), seats: EMPTY_SEATS, regs: new Map() };
    s = commit(s, ['a', 'b', 'c', 'd'].map((u) => ({ kind: 'signup', userId: u, name: u, inviteToken: u }) as SeatOp)).snapshot;
    const lower = planBatch(s, [{ kind: 'update', input: { capacity: 1 } }], now);
    assert.ok(lower.outcomes[0] instanceof AppError && /cannot go below 2/.test(lower.outcomes[0].message));
    const { plan, snapshot } = commit(s, [{ kind: 'update', input: { capacity: 3 } }]);
    assert.deepEqual(plan.promoted.map((p) => p.userId), ['c']);
    check(snapshot);
  });

  it('keeps a batch within the transaction row budget and says what is left', () => {
    const ops: SeatOp[] = Array.from({ length: 150 }, (_, i) => ({ kind: 'signup', userId: `u${i}`, name: 'x', inviteToken: 'x' }));
    const plan = planBatch({ event: event(20), seats: EMPTY_SEATS, regs: new Map() }, ops, now);
    assert.equal(plan.consumed, 99);
    assert.equal(plan.writes.length, 99);
  });

  it('keeps a cancelled booking’s invite (higher SEQUENCE) until the person books again or is erased', () => {
    let s: PartitionSnapshot = { event: event(5), seats: EMPTY_SEATS, regs: new Map() };
    s = commit(s, [{ kind: 'signup', userId: 'a', name: 'Ann', inviteToken: 'ta' }]).snapshot;
    const cancel = commit(s, [{ kind: 'cancel', userId: 'a' }]);
    assert.deepEqual(cancel.plan.writes.map((w) => w.type), ['delete', 'put-cancelled']);
    assert.deepEqual(cancel.snapshot.cancelled?.get('a'), { userId: 'a', inviteToken: 'ta', inviteSeq: 1, cancelledAt: now });
    const again = commit(cancel.snapshot, [{ kind: 'signup', userId: 'a', name: 'Ann', inviteToken: 'fresh' }]);
    assert.deepEqual(again.plan.writes.map((w) => w.type), ['create', 'delete-cancelled']);
    const reg = again.snapshot.regs.get('a')!;
    assert.deepEqual([reg.inviteToken, reg.inviteSeq], ['ta', 2], 'the same link, newer than its cancellation');
    const cancelledAgain = commit(again.snapshot, [{ kind: 'cancel', userId: 'a' }]).snapshot;
    assert.equal(cancelledAgain.cancelled?.get('a')?.inviteSeq, 3);
    const erased = commit(cancelledAgain, [{ kind: 'erase', userId: 'a' }]);
    assert.deepEqual(erased.plan.writes, [{ type: 'delete-cancelled', userId: 'a' }]);
    assert.equal(erased.snapshot.cancelled?.size, 0);
  });

  it('erasing someone after the event leaves only anonymous counts', () => {
    const past = new Date('2026-07-02T00:00:00Z');
    let s: PartitionSnapshot = { event: event(2), seats: EMPTY_SEATS, regs: new Map() };
    s = commit(s, [{ kind: 'signup', userId: 'a', name: 'Ann', inviteToken: 'a' }]).snapshot;
    const att = planBatch(s, [{ kind: 'attendance', attended: ['a'] }], past);
    const reg = (att.writes[0] as unknown as { reg: StoredRegistration }).reg;
    s = { ...s, event: att.event, seats: att.seats, regs: new Map([['a', { ...reg, etag: 'y' }]]) };
    const erased = planBatch(s, [{ kind: 'erase', userId: 'a' }], past);
    assert.deepEqual(erased.writes, [{ type: 'delete', userId: 'a', etag: 'y' }]);
    assert.equal(erased.seats.booked, 1);
    assert.equal(erased.seats.anonBooked, 1);
    assert.equal(erased.seats.anonAttended, 1);
  });

  it('never overbooks and keeps counters equal to rows, whatever the ops and batching', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('signup' as const), userId: fc.integer({ min: 0, max: 30 }).map((n) => `u${n}`), name: fc.constant('n'), inviteToken: fc.constant('t') }),
      fc.record({ kind: fc.constant('cancel' as const), userId: fc.integer({ min: 0, max: 30 }).map((n) => `u${n}`) }),
      fc.record({ kind: fc.constant('erase' as const), userId: fc.integer({ min: 0, max: 30 }).map((n) => `u${n}`) }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8 }), fc.array(fc.array(op, { maxLength: 20 }), { maxLength: 12 }), fc.integer({ min: 3, max: 99 }), (capacity, batches, budget) => {
        let s: PartitionSnapshot = { event: event(capacity), seats: EMPTY_SEATS, regs: new Map() };
        const joinOrder: string[] = [];
        for (const batch of batches) {
          let rest = batch as SeatOp[];
          while (rest.length) {
            const before = new Set([...s.regs.keys()]);
            const { plan, snapshot } = commit(s, rest, budget);
            assert.ok(plan.writes.length <= budget, `${plan.writes.length} rows in one transaction (budget ${budget})`);
            for (const u of plan.added) if (!before.has(u) && snapshot.regs.get(u)?.status === 'waitlisted') joinOrder.push(u);
            s = snapshot;
            check(s);
            rest = rest.slice(plan.consumed);
          }
        }
        // The waitlist is in the order people joined it.
        const queue = [...waitlistPositions(s.regs.values())].sort((a, b) => a[1] - b[1]).map(([u]) => u);
        const tickets = queue.map((u) => s.regs.get(u)!.ticket);
        assert.deepEqual(tickets, [...tickets].sort((a, b) => a - b));
      }),
      { numRuns: 300 },
    );
  });
});
