import { strict as assert } from 'node:assert';
import { formatDuration, parseDuration } from '../../src/domain/time/duration.js';

describe('durations', () => {
  it('parses the documented forms', () => {
    assert.equal(parseDuration('90s'), 90_000);
    assert.equal(parseDuration('15m'), 900_000);
    assert.equal(parseDuration('24h'), 86_400_000);
    assert.equal(parseDuration('2d'), 172_800_000);
    assert.equal(parseDuration('1h30m'), 5_400_000);
    assert.equal(parseDuration(' 2D '), 172_800_000);
  });
  it('refuses other text', () => {
    for (const t of ['', '10', 'h', '1 h', '-1h', '1w', 'abc', '1h 30m']) assert.equal(parseDuration(t), null, t);
  });
  it('formats back', () => {
    assert.equal(formatDuration(172_800_000), '2d');
    assert.equal(formatDuration(5_400_000), '90m');
    assert.equal(formatDuration(1500), '1500ms');
  });
});
