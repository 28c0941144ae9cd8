// The step that moves requests on, driven by a clock the test controls: expiry is an idempotent
// function of stored state (twice, late, or from two instances at once: one move, one message),
// and a session that starts before anyone confirms closes as "lapsed".
import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import { startTestApp, type TestApp } from '../helpers/testApp.js';
import { FacilitationRecorder } from '../helpers/facilitationNotifier.js';
import { makeChannel, person } from '../helpers/facilitation.js';
import type { Actor } from '../../src/domain/people/person.js';
import type { Clock } from '../../src/domain/ports.js';

describe('facilitation steps under a controlled clock', function () {
  this.timeout(60_000);
  const start = new Date('2030-03-12T14:00:00Z'); // a Tuesday, GMT
  let now = new Date('2030-03-01T09:00:00Z');
  const clock: Clock = { now: () => new Date(now) };
  const recorder = new FacilitationRecorder();
  // A scheduler that forgets every job (the test runs the steps itself).
  const forgetful = () => ({ schedule: sinon.stub().resolves(), cancel: sinon.stub().resolves() });
  let a: TestApp;
  let b: TestApp;
  const admin: Actor = { id: person('Ada').id, name: 'Ada Admin', guest: false, roles: [{ role: 'coordinator', hubs: ['kent-medway'] }] };
  const lead: Actor = { id: person('Leah').id, name: 'Leah Lead', guest: false, roles: [] };
  const fs = [person('F One'), person('F Two'), person('F Three')];
  let channelId: string;

  before(async () => {
    a = await startTestApp({ OFFER_TTL: '1h', ADMIN_AAD_OBJECT_IDS: admin.id }, { clock, notifier: () => recorder, scheduler: forgetful });
    // A second instance on the same storage: the step must be safe to run from both at once.
    b = await startTestApp({ OFFER_TTL: '1h', ADMIN_AAD_OBJECT_IDS: admin.id, STORAGE_PREFIX: a.prefix }, { clock, notifier: () => recorder, scheduler: forgetful });
    channelId = (await makeChannel(a, [lead.id])).id;
    for (const f of fs) {
      await a.services.facilitation.pool.add(admin, { userId: f.id, hubs: ['west-kent'] });
      await a.services.facilitation.pool.saveMine({ id: f.id, name: f.name, guest: false, roles: [] }, { avail_tue: '08:00-18:00', maxPerMonth: 5 });
    }
  });
  after(async () => {
    await b?.close();
    await a?.close();
  });

  const create = () => a.services.facilitation.requests.create(lead, { channelId, start: start.toISOString(), end: new Date(start.getTime() + 3_600_000).toISOString() });
  const offerKeys = (id: string) => recorder.keys(`facilitation-offer:${id}:`);

  it('does nothing before the offer expires, however often it runs', async () => {
    const { request } = await create();
    assert.equal(request.status, 'offered');
    const before = JSON.stringify(request);
    for (let i = 0; i < 3; i++) await a.services.facilitation.requests.sweep();
    await a.services.facilitation.requests.expireOffer(request.id, request.offers[0].offerId);
    const after = await a.services.facilitation.lookups.get(admin, request.id);
    assert.equal(JSON.stringify(after), before);
    assert.equal(offerKeys(request.id).length, 1);
    await a.services.facilitation.requests.cancel(lead, request.id);
  });

  it('moves an expired offer on exactly once when two instances run the step together', async () => {
    now = new Date('2030-03-02T09:00:00Z');
    const { request } = await create();
    const first = request.offers[0];
    now = new Date(first.expiresAt.getTime() + 1000);
    await Promise.all([
      a.services.facilitation.requests.sweep(),
      b.services.facilitation.requests.sweep(),
      a.services.facilitation.requests.expireOffer(request.id, first.offerId),
      b.services.facilitation.requests.expireOffer(request.id, first.offerId),
    ]);
    const after = await a.services.facilitation.lookups.get(admin, request.id);
    assert.deepEqual(after.offers.map((o) => o.outcome), ['expired', 'open']);
    assert.deepEqual(after.excluded, [first.facilitatorId]);
    assert.equal(offerKeys(request.id).length, 2, 'one new offer message');
    assert.notEqual(after.offers[1].facilitatorId, first.facilitatorId);
    // The old offer's job running late changes nothing more.
    await a.services.facilitation.requests.expireOffer(request.id, first.offerId);
    assert.equal(offerKeys(request.id).length, 2);

    // Everyone lets it lapse: escalated once, to the coordinators.
    for (let i = 0; i < 3; i++) {
      now = new Date(now.getTime() + 3_700_000);
      await b.services.facilitation.requests.sweep();
    }
    const escalated = await a.services.facilitation.lookups.get(admin, request.id);
    assert.equal(escalated.status, 'escalated');
    assert.equal(escalated.offers.filter((o) => o.outcome === 'expired').length, 3);
    assert.deepEqual(recorder.keys(`facilitation-escalation:${request.id}:`), [`facilitation-escalation:${request.id}:1:${admin.id}`], 'escalated once, to the coordinator');
    await a.services.facilitation.requests.cancel(admin, request.id);
  });

  it('closes a request as lapsed when the session starts before anyone confirms', async () => {
    now = new Date('2030-03-03T09:00:00Z');
    const { request } = await create();
    now = new Date(start.getTime() + 60_000);
    await a.services.facilitation.requests.sweep();
    const after = await a.services.facilitation.lookups.get(admin, request.id);
    assert.equal(after.status, 'cancelled');
    assert.equal(after.cancelReason, 'lapsed');
    assert.ok(recorder.keys(`facilitation-lapsed:${request.id}`).length === 1);
    const late = await a.services.facilitation.requests.accept({ id: after.offers[0].facilitatorId, name: 'x', guest: false, roles: [] }, request.id, after.offers[0].offerId, 'api');
    assert.equal(late.result, 'cancelled');
  });

  it('picks up a request left in "matching" (a crash between steps)', async () => {
    now = new Date('2030-03-04T09:00:00Z');
    // Simulate the first step failing right after the request was stored.
    const advance = sinon.stub(a.services.facilitation.requests, 'advance').rejects(new Error('lost'));
    let id: string;
    try {
      const { request } = await create();
      id = request.id;
      assert.equal(request.status, 'matching');
      assert.equal(advance.callCount, 1);
    } finally {
      advance.restore();
    }
    await b.services.facilitation.requests.sweep();
    const after = await a.services.facilitation.lookups.get(admin, id);
    assert.equal(after.status, 'offered');
  });
});
