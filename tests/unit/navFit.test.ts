import { strict as assert } from 'node:assert';
import { fitEntries } from '../../src/tab/components/navFit.js';

describe('navigation fitting', () => {
  const widths = [90, 110, 90, 110, 120, 70];

  it('shows everything when everything fits', () => {
    assert.deepEqual(fitEntries(widths, 600, 80, 0), [true, true, true, true, true, true]);
  });

  it('keeps room for "More" and moves the rest there, in order', () => {
    // 360 - 80 for More = 280: Calendar 90 (current) + 110 = 200, the next 90 would make 290.
    assert.deepEqual(fitEntries(widths, 360, 80, 0), [true, true, false, false, false, false]);
  });

  it('always keeps the current entry, even one from the end', () => {
    // Room 280 - 70 (current, last) = 210: 90 + 110 fit, then stop.
    assert.deepEqual(fitEntries(widths, 360, 80, 5), [true, true, false, false, false, true]);
  });

  it('keeps the order: a small entry after one that did not fit goes under "More" too', () => {
    assert.deepEqual(fitEntries([100, 200, 50], 320, 60, -1), [true, false, false]);
  });

  it('keeps only the current entry when nothing else fits', () => {
    assert.deepEqual(fitEntries(widths, 150, 80, 2), [false, false, true, false, false, false]);
  });
});
