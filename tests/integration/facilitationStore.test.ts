// Facilitation requests on Azurite: a request and all its index rows change in one transaction
// under the request's ETag; a stale version is refused; double submits for one slot are caught.
import { strict as assert } from 'node:assert';
import { Storage } from '../../src/storage/storage.js';
import { TableFacilitationStore, indexRows } from '../../src/storage/facilitationStore.js';
import { TableFacilitatorRepository } from '../../src/storage/facilitatorRepository.js';
import { sharedAzurite } from '../helpers/rootHooks.js';
import { uniquePrefix, newUserId } from '../helpers/ids.js';
import type { FacilitationRequest } from '../../src/domain/facilitation/request.js';
import { newFacilitator } from '../../src/domain/facilitation/facilitator.js';

let n = 0;

function sample(overrides: Partial<FacilitationRequest> = {}): FacilitationRequest {
  const now = new Date('2026-07-01T09:00:00Z');
  // Each sample its own day, so slots do not collide between tests.
  const day = 86_400_000 * ++n;
  return {
    id: `r${Math.random().toString(36).slice(2, 12)}`,
    channelId: 'practice-nursing',
    hub: 'west-kent',
    leadId: newUserId(),
    start: new Date(Date.parse('2026-07-14T13:00:00Z') + day),
    end: new Date(Date.parse('2026-07-14T15:00:00Z') + day),
    format: 'observe',
    topic: 'Wound care',
    notes: '',
    continuity: false,
    status: 'matching',
    offers: [],
    candidates: [],
    excluded: [],
    noMatchReasons: [],
    escalations: 0,
    sequence: 0,
    calendarTokens: [],
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}

describe('facilitation store (Azurite)', () => {
  let store: TableFacilitationStore;
  let pool: TableFacilitatorRepository;

  before(async () => {
    const azurite = await sharedAzurite();
    const storage = new Storage({ connectionString: azurite.connectionString }, uniquePrefix());
    await storage.ensure();
    store = new TableFacilitationStore(storage.table('facilitation'));
    pool = new TableFacilitatorRepository(storage.table('facilitators'));
  });

  it('stores a request with its indexes and reads it back with dates', async () => {
    const r = sample();
    assert.equal(await store.create(r), 'created');
    const got = await store.get(r.id);
    assert.ok(got?.etag);
    assert.deepEqual(got.request, r);
    assert.deepEqual(await store.requestIdsLedBy(r.leadId), [r.id]);
    assert.ok((await store.openRequests()).some((o) => o.requestId === r.id && o.status === 'matching'));
  });

  it('refuses a second live request for the same channel and start, naming the first', async () => {
    const r = sample();
    assert.equal(await store.create(r), 'created');
    assert.deepEqual(await store.create({ ...r, id: r.id + 'x' }), { duplicateOf: r.id });
    assert.equal(await store.get(r.id + 'x'), null);
  });

  it('moves every index row with the request, and refuses a stale version', async () => {
    const r = sample();
    await store.create(r);
    const v1 = (await store.get(r.id))!;
    const facilitator = newUserId();
    const confirmed: FacilitationRequest = {
      ...structuredClone(v1.request),
      status: 'confirmed',
      facilitatorId: facilitator,
      confirmedAt: new Date('2026-07-02T10:00:00Z'),
      offers: [{ offerId: 'o1', facilitatorId: facilitator, offeredAt: new Date('2026-07-01T10:00:00Z'), expiresAt: new Date('2026-07-03T10:00:00Z'), reasons: ['free'], outcome: 'accepted' }],
      calendarTokens: [{ userId: facilitator, token: 'a'.repeat(43) }],
    };
    assert.equal(await store.replace(v1, confirmed), true);
    // The same stale version again: refused, nothing changes.
    assert.equal(await store.replace(v1, { ...confirmed, status: 'cancelled' }), false);
    const v2 = (await store.get(r.id))!;
    assert.equal(v2.request.status, 'confirmed');
    assert.ok(!(await store.openRequests()).some((o) => o.requestId === r.id), 'no longer open');
    assert.deepEqual(await store.requestIdsOfferedTo(facilitator), [r.id]);
    const sessions = await store.sessionsFrom(new Date('2026-07-01T00:00:00Z'));
    assert.deepEqual(sessions.filter((s) => s.requestId === r.id).map((s) => [s.facilitatorId, s.start.toISOString()]), [[facilitator, r.start.toISOString()]]);
    assert.deepEqual(await store.calendarToken('a'.repeat(43)), { requestId: r.id, userId: facilitator });
    // Cancel: the session, slot and open rows go; the lead and history rows stay.
    assert.equal(await store.replace(v2, { ...structuredClone(v2.request), status: 'cancelled' }), true);
    assert.equal((await store.sessionsFrom(new Date('2026-07-01T00:00:00Z'))).filter((s) => s.requestId === r.id).length, 0);
    assert.equal(await store.create({ ...r, id: r.id + 'y' }), 'created', 'the slot is free again');
  });

  it('lets exactly one of two writers of the same version win', async () => {
    const r = sample();
    await store.create(r);
    const v1 = (await store.get(r.id))!;
    const a = newUserId();
    const b = newUserId();
    const results = await Promise.all([a, b].map((who) => store.replace(v1, { ...structuredClone(v1.request), status: 'confirmed', facilitatorId: who })));
    assert.deepEqual(results.sort(), [false, true]);
    const winner = (await store.get(r.id))!.request.facilitatorId;
    const sessions = (await store.sessionsFrom(new Date(0))).filter((s) => s.requestId === r.id);
    assert.deepEqual(sessions.map((s) => s.facilitatorId), [winner], 'one session row, the winner’s');
  });

  it('derives no index rows for an anonymised past session except the anonymous session count', () => {
    const r = sample({ status: 'confirmed', leadId: '', facilitatorId: '', offers: [{ offerId: 'o', facilitatorId: '', offeredAt: new Date(), expiresAt: new Date(), reasons: [], outcome: 'accepted' }] });
    const keys = [...indexRows(r).keys()];
    assert.ok(keys.some((k) => k.startsWith('sess:')));
    assert.ok(!keys.some((k) => k.startsWith('lead:') || k.startsWith('hist:')));
  });

  it('keeps the facilitator pool in one partition with ETag-guarded edits', async () => {
    const f = newFacilitator(newUserId(), ['east-kent'], new Date());
    assert.equal(await pool.create(f), true);
    assert.equal(await pool.create(f), false);
    const updated = await pool.update(f.userId, (cur) => ({ ...cur, paused: true }));
    assert.equal(updated?.paused, true);
    assert.equal((await pool.list()).length, 1);
    assert.deepEqual((await pool.get(f.userId))?.addedAt, f.addedAt);
    assert.equal(await pool.delete(f.userId), true);
    assert.equal(await pool.get(f.userId), null);
  });
});
