import { strict as assert } from 'node:assert';
import { plainObject } from '../../src/domain/input.js';
import { readActionData } from '../../src/teams/cardActionRouter.js';

describe('untrusted input', () => {
  it('drops prototype-polluting keys at any depth', () => {
    const raw = JSON.parse('{"a":1,"__proto__":{"polluted":true},"nested":{"constructor":{"x":1},"ok":2}}');
    const clean = plainObject(raw)!;
    assert.deepEqual(Object.keys(clean), ['a', 'nested']);
    assert.deepEqual(clean.nested, { ok: 2 });
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });
  it('refuses non-objects and oversized input', () => {
    assert.equal(plainObject('x'), null);
    assert.equal(plainObject([1]), null);
    assert.equal(plainObject({ big: 'x'.repeat(70_000) }), null);
  });
  it('treats missing card data as empty', () => {
    assert.deepEqual(readActionData(undefined), {});
    assert.equal(readActionData(42), null);
  });
});
