// People: names remembered from Teams and tokens, profiles over the API, roles granted by coordinators.
import { strict as assert } from 'node:assert';
import { startTestApp, api, type TestApp } from '../helpers/testApp.js';
import { newUserId } from '../helpers/ids.js';

describe('people, profiles and roles', () => {
  let app: TestApp;
  const admin = newUserId();
  const eastCoordinator = newUserId();
  const member = newUserId();

  before(async () => {
    app = await startTestApp({ ADMIN_AAD_OBJECT_IDS: `${admin},${eastCoordinator}:east-kent` });
  });
  after(() => app?.close());

  it('remembers the names of people it meets', async () => {
    await api(app, '/api/me', { user: member, name: 'Mo Member' });
    const names = await app.services.people.names([member, newUserId()]);
    assert.equal(names.get(member), 'Mo Member');
    assert.deepEqual([...names.values()].sort(), ['Mo Member', 'Unknown person']);
  });

  it('saves my profile over the API and refuses a bad one with 400', async () => {
    const ok = await api(app, '/api/me/profile', { method: 'PUT', user: member, name: 'Mo Member', body: { profession: 'paramedic', hub: 'north-kent', pcn: 'Rainham PCN', organisation: 'Rainham Healthy Living Centre' } });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.profile.profession, 'paramedic');
    const bad = await api(app, '/api/me/profile', { method: 'PUT', user: member, body: { profession: 'paramedic', hub: 'north-kent', pcn: 'x', organisation: 42 } });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.code, 'BadRequest');
    const notJson = await api(app, '/api/me/profile', { method: 'PUT', user: member, body: '["a"]' });
    assert.equal(notJson.status, 400);
    const me = await api(app, '/api/me', { user: member });
    assert.equal(me.body.profile.organisation, 'Rainham Healthy Living Centre');
  });

  it('lets a coordinator grant roles for their own hub only; members not at all', async () => {
    const target = newUserId();
    const put = (as: string, body: unknown) => api(app, `/api/users/${target}/roles`, { method: 'PUT', user: as, body });
    assert.equal((await put(member, { roles: ['organiser'], hubs: ['north-kent'] })).status, 403);
    assert.equal((await put(eastCoordinator, { roles: ['organiser'], hubs: ['west-kent'] })).status, 403);
    assert.equal((await put(eastCoordinator, { roles: ['organiser'], hubs: ['kent-medway'] })).status, 403);
    assert.deepEqual(await app.services.roles.list(target), [], 'nothing changed');
    const ok = await put(eastCoordinator, { roles: ['organiser'], hubs: ['east-kent'] });
    assert.equal(ok.status, 200);
    assert.deepEqual(await app.services.roles.list(target), [{ role: 'organiser', hubs: ['east-kent'] }]);
    assert.equal((await put(admin, { roles: ['coordinator'], hubs: ['west-kent', 'north-kent'] })).status, 200);
    const me = await api(app, '/api/me', { user: target });
    assert.deepEqual(me.body.roles, [{ role: 'coordinator', hubs: ['west-kent', 'north-kent'] }]);
    // An east coordinator cannot now take away a grant that covers other hubs.
    assert.equal((await put(eastCoordinator, { roles: [], hubs: [] })).status, 403);
  });

  it('lists who holds roles for coordinators, with names, marking those from configuration', async () => {
    const holder = newUserId();
    await api(app, '/api/me', { user: holder, name: 'Olu Organiser' });
    await api(app, '/api/me', { user: admin, name: 'Ada Admin' });
    assert.equal((await api(app, `/api/users/${holder}/roles`, { method: 'PUT', user: admin, body: { roles: ['organiser'], hubs: ['east-kent'] } })).status, 200);
    const res = await api(app, '/api/roles', { user: eastCoordinator });
    assert.equal(res.status, 200);
    const byId = new Map(res.body.items.map((h: { userId: string }) => [h.userId, h]));
    assert.deepEqual(byId.get(holder), { userId: holder, name: 'Olu Organiser', roles: [{ role: 'organiser', hubs: ['east-kent'] }], fromConfiguration: false });
    assert.deepEqual(byId.get(admin), { userId: admin, name: 'Ada Admin', roles: [{ role: 'coordinator', hubs: ['kent-medway'] }], fromConfiguration: true });
    assert.equal((await api(app, '/api/roles', { user: member })).status, 403);
  });

  it('refuses malformed role changes with 400', async () => {
    const target = newUserId();
    for (const body of [{ roles: 'organiser', hubs: ['east-kent'] }, { roles: ['king'], hubs: ['east-kent'] }, { roles: ['organiser'], hubs: ['atlantis'] }, { roles: ['organiser'], hubs: [] }]) {
      const res = await api(app, `/api/users/${target}/roles`, { method: 'PUT', user: admin, body });
      assert.equal(res.status, 400, JSON.stringify(body));
    }
  });
});

describe('names in dev mode', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(() => app?.close());

  it('keeps the known name when a request leaves x-dev-name out', async () => {
    const id = newUserId();
    await api(app, '/api/me', { user: id, name: 'Nell Named' });
    const bare = await api(app, '/api/me', { user: id });
    assert.equal(bare.body.name, 'Nell Named');
    assert.equal((await app.services.people.names([id])).get(id), 'Nell Named');
    const stranger = await api(app, '/api/me', { user: newUserId() });
    assert.equal(stranger.body.name, 'Someone');
  });
});
