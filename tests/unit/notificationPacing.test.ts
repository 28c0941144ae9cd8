// Pacing against Teams' limits, as pure arithmetic: the tenant pacer never lets more through a
// one-second window than its rate, pauses for Retry-After, and the per-conversation windows hold.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { ConversationLimiter, Pacer, TEAMS_CONVERSATION_WINDOWS, backoffMs, pacerBurst, parseRetryAfter } from '../../src/domain/notifications/pacing.js';

function maxInAnyWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i] - sorted[j] >= windowMs) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

describe('tenant pacer (token bucket)', () => {
  it('spaces requests evenly at its rate, in the order they asked', () => {
    const pacer = new Pacer(50);
    const waits = Array.from({ length: 100 }, () => pacer.reserve(0));
    assert.deepEqual(waits.slice(0, 4), [0, 20, 40, 60]);
    assert.equal(waits[99], 1980);
    assert.ok(maxInAnyWindow(waits, 1000) <= 50);
  });

  it('never lets more than rate + burst through any second, however callers arrive', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 1, maxLength: 400 }), fc.integer({ min: 1, max: 3 }), (arrivals, burst) => {
        const pacer = new Pacer(47, burst);
        const sent = [...arrivals].sort((a, b) => a - b).map((t) => t + pacer.reserve(t));
        return maxInAnyWindow(sent, 1000) <= 47 + burst;
      }),
    );
  });

  it('with the burst shared out by pacerBurst, instances together never pass the limit in any second', () => {
    assert.deepEqual([pacerBurst(50, 48, 1), pacerBurst(50, 24, 2), pacerBurst(50, 16, 3), pacerBurst(50, 12, 4)], [2, 1, 1, 1]);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(fc.array(fc.integer({ min: 0, max: 4000 }), { minLength: 1, maxLength: 300 }), { minLength: 4, maxLength: 4 }), (instances, arrivalsEach) => {
        const rate = Math.floor((50 * 0.96) / instances);
        const burst = pacerBurst(50, rate, instances);
        const sent: number[] = [];
        for (let i = 0; i < instances; i++) {
          const pacer = new Pacer(rate, burst);
          sent.push(...[...arrivalsEach[i]].sort((a, b) => a - b).map((t) => t + pacer.reserve(t)));
        }
        return maxInAnyWindow(sent, 1000) <= 49; // one to spare for requests arriving bunched
      }),
      { numRuns: 500 },
    );
  });

  it('makes up slots a late caller missed, within its burst', () => {
    const pacer = new Pacer(48, 2);
    pacer.reserve(0);
    // The next callers come 100 ms late: one missed slot is made up at once, then the pace resumes.
    const waits = [pacer.reserve(100), pacer.reserve(100), pacer.reserve(100)].map((w) => Math.round(w * 10) / 10);
    assert.deepEqual(waits, [0, 0, 20.8]);
  });

  it('does not save up tokens while idle beyond its burst', () => {
    const pacer = new Pacer(10, 2);
    pacer.reserve(0);
    const waits = [pacer.reserve(10_000), pacer.reserve(10_000), pacer.reserve(10_000)];
    assert.deepEqual(waits, [0, 0, 100]);
  });

  it('holds everyone until a Retry-After pause is over', () => {
    const pacer = new Pacer(50);
    pacer.reserve(0);
    pacer.pauseUntil(1000);
    assert.equal(pacer.reserve(10), 990);
    assert.equal(pacer.reserve(10), 1010);
  });

  it('takes a new rate when the instances sharing the tenant change', () => {
    const pacer = new Pacer(50);
    pacer.setRate(25);
    assert.deepEqual([pacer.reserve(0), pacer.reserve(0)], [0, 40]);
    assert.throws(() => new Pacer(0));
  });
});

describe('per-conversation limits', () => {
  it('follows Teams’ windows for one conversation: 7 a second, 8 in two seconds', () => {
    const limiter = new ConversationLimiter();
    const waits = Array.from({ length: 9 }, () => limiter.reserve('a:1', 0));
    assert.deepEqual(waits, [0, 0, 0, 0, 0, 0, 0, 1000, 2000]);
    assert.equal(limiter.reserve('a:2', 0), 0, 'other conversations are independent');
  });

  it('keeps every window whatever the arrival pattern', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 120_000 }), { minLength: 1, maxLength: 150 }), (arrivals) => {
        const limiter = new ConversationLimiter();
        const sent = [...arrivals].sort((a, b) => a - b).map((t) => t + limiter.reserve('c', t));
        return TEAMS_CONVERSATION_WINDOWS.every((w) => maxInAnyWindow(sent, w.ms) <= w.max);
      }),
      { numRuns: 60 },
    );
  });

  it('forgets idle conversations', () => {
    const limiter = new ConversationLimiter();
    limiter.reserve('a', 0);
    limiter.prune(3_600_001);
    assert.equal(limiter.size, 0);
  });
});

describe('retries', () => {
  it('backs off exponentially with jitter, capped', () => {
    assert.equal(backoffMs(1, () => 0), 500);
    assert.equal(backoffMs(1, () => 1), 1000);
    assert.equal(backoffMs(4, () => 1), 8000);
    assert.equal(backoffMs(40, () => 1), 300_000);
    const samples = Array.from({ length: 50 }, () => backoffMs(3));
    assert.ok(samples.every((s) => s >= 2000 && s <= 4000));
    assert.ok(new Set(samples).size > 1, 'jittered');
  });

  it('reads Retry-After as seconds or a date, and ignores nonsense', () => {
    const now = Date.parse('2026-03-01T10:00:00Z');
    assert.equal(parseRetryAfter('2', now), 2000);
    assert.equal(parseRetryAfter('0.5', now), 500);
    assert.equal(parseRetryAfter('Sun, 01 Mar 2026 10:00:03 GMT', now), 3000);
    assert.equal(parseRetryAfter('99999', now), 600_000);
    assert.equal(parseRetryAfter('soon', now), null);
    assert.equal(parseRetryAfter(undefined, now), null);
  });
});
