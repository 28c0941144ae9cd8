import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { formatLondonRange, londonLocalToInstant, parseInstant, toLondonIso, toLondonIsoByLuxon } from '../../src/domain/time/london.js';

describe('Europe/London time', () => {
  it('reads wall-clock times either side of the spring change (last Sunday of March 2026)', () => {
    assert.equal(londonLocalToInstant('2026-03-28T10:00')!.toISOString(), '2026-03-28T10:00:00.000Z');
    assert.equal(londonLocalToInstant('2026-03-29T10:00')!.toISOString(), '2026-03-29T09:00:00.000Z');
  });
  it('reads wall-clock times either side of the autumn change (last Sunday of October 2026)', () => {
    assert.equal(londonLocalToInstant('2026-10-24T10:00')!.toISOString(), '2026-10-24T09:00:00.000Z');
    assert.equal(londonLocalToInstant('2026-10-25T10:00')!.toISOString(), '2026-10-25T10:00:00.000Z');
  });
  it('shows instants with the London offset of the day', () => {
    assert.equal(toLondonIso(new Date('2026-07-01T08:30:00Z')), '2026-07-01T09:30:00+01:00');
    assert.equal(toLondonIso(new Date('2026-12-01T08:30:00Z')), '2026-12-01T08:30:00+00:00');
    assert.equal(formatLondonRange(new Date('2026-07-14T13:00:00Z'), new Date('2026-07-14T15:00:00Z')), 'Tue 14 Jul 2026, 14:00–16:00');
  });
  it('parses ISO with offsets, reads bare times as London, and refuses junk', () => {
    assert.equal(parseInstant('2026-07-01T09:30:00+01:00')!.toISOString(), '2026-07-01T08:30:00.000Z');
    assert.equal(parseInstant('2026-07-01T09:30')!.toISOString(), '2026-07-01T08:30:00.000Z');
    assert.equal(parseInstant('tomorrow'), null);
    assert.equal(parseInstant('x'.repeat(100)), null);
  });
  it('writes the same text as Luxon for any instant (the per-hour offset shortcut)', () => {
    // Around the clock changes of several years, and anywhere from 1900 to 2200, with and without milliseconds.
    const changes = ['2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z', '2027-03-28T01:00:00Z', '2031-10-26T01:00:00Z'].map((t) => Date.parse(t));
    const near = fc.tuple(fc.constantFrom(...changes), fc.integer({ min: -7_200_000, max: 7_200_000 })).map(([t, d]) => new Date(t + d));
    const any = fc.integer({ min: Date.parse('1900-01-01T00:00:00Z'), max: Date.parse('2200-01-01T00:00:00Z') }).map((t) => new Date(t));
    fc.assert(fc.property(fc.oneof(near, any), (d) => toLondonIso(d) === toLondonIsoByLuxon(d)), { numRuns: 3000 });
    assert.equal(toLondonIso(new Date('2026-03-29T00:59:59.999Z')), '2026-03-29T00:59:59.999+00:00');
    assert.equal(toLondonIso(new Date('2026-03-29T01:00:00Z')), '2026-03-29T02:00:00+01:00');
  });
});
