// The demo seed: a dozen facilitators across the hubs and requests in every state, made through
// the same rules as real ones; seeding again changes nothing.
import { strict as assert } from 'node:assert';
import { startTestApp, api, type TestApp } from '../helpers/testApp.js';
import { PLAYGROUND_USER_ID } from '../../src/seed/people.js';
import { seedFacilitation } from '../../src/seed/facilitation.js';

describe('facilitation demo data', function () {
  this.timeout(60_000);
  let app: TestApp;

  before(async () => {
    app = await startTestApp({ SEED_DEMO: 'true' });
  });
  after(() => app?.close());

  it('has about twelve facilitators across the hubs, with varied availability', async () => {
    const pool = await api(app, '/api/facilitators', { user: PLAYGROUND_USER_ID, name: 'Sam Okafor' });
    assert.equal(pool.status, 200);
    assert.ok(pool.body.items.length >= 10 && pool.body.items.length <= 14, String(pool.body.items.length));
    const hubs = new Set(pool.body.items.flatMap((f: { hubs: string[] }) => f.hubs));
    for (const hub of ['north-kent', 'west-kent', 'east-kent']) assert.ok(hubs.has(hub), hub);
    assert.ok(pool.body.items.some((f: { paused: boolean }) => f.paused), 'someone paused');
    assert.ok(pool.body.items.some((f: { away: unknown[] }) => f.away.length > 0), 'someone away');
    assert.ok(new Set(pool.body.items.map((f: { availability: unknown }) => JSON.stringify(f.availability))).size >= 8, 'different hours');
  });

  it('has requests in different states and past sessions on the dashboard; seeding again is harmless', async () => {
    const dash = await api(app, '/api/facilitation/dashboard', { user: PLAYGROUND_USER_ID, name: 'Sam Okafor' });
    const open = dash.body.openRequests.map((r: { status: string }) => r.status).sort();
    assert.deepEqual(open, ['escalated', 'offered']);
    assert.ok(dash.body.confirmedLast90Days >= 4);
    assert.ok(dash.body.medianTimeToConfirmMs > 0);
    assert.ok(dash.body.load.some((l: { last90Days: number }) => l.last90Days > 0));
    const all = await api(app, '/api/facilitation-requests', { user: PLAYGROUND_USER_ID, name: 'Sam Okafor' });
    const statuses = new Set(all.body.items.map((r: { status: string }) => r.status));
    for (const s of ['offered', 'confirmed', 'escalated']) assert.ok(statuses.has(s), s);

    await seedFacilitation(app.services);
    const again = await api(app, '/api/facilitation/dashboard', { user: PLAYGROUND_USER_ID, name: 'Sam Okafor' });
    assert.equal(again.body.openRequests.length, dash.body.openRequests.length);
    assert.equal(again.body.load.length, dash.body.load.length);
  });
});
