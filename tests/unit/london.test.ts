import { strict as assert } from 'node:assert';
import { formatLondonRange, londonLocalToInstant, parseInstant, toLondonIso } from '../../src/domain/time/london.js';

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
});
