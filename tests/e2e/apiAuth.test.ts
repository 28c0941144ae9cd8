// The tab API's two modes: entra (bearer tokens checked against the tenant's keys, issuer, audience,
// expiry) and dev (x-dev-user on loopback only).
import { strict as assert } from 'node:assert';
import { startTestApp, api, type TestApp } from '../helpers/testApp.js';
import { FakeEntra } from '../helpers/fakeEntra.js';
import { newUserId } from '../helpers/ids.js';

const TENANT = '11111111-2222-4333-8444-555555555555';
const OTHER_TENANT = '99999999-2222-4333-8444-555555555555';
const CLIENT_ID = '0a0a0a0a-1b1b-4c2c-8d3d-4e4e4e4e4e4e';

describe('tab API authentication', () => {
  describe('AUTH_MODE=entra', () => {
    let app: TestApp;
    let entra: FakeEntra;
    const oid = newUserId();

    before(async () => {
      entra = await FakeEntra.start();
      app = await startTestApp({
        AUTH_MODE: 'entra',
        AAD_APP_CLIENT_ID: CLIENT_ID,
        AAD_APP_TENANT_ID: TENANT,
        AAD_OPENID_METADATA_URL: entra.aadMetadataUrl(TENANT),
        ADMIN_AAD_OBJECT_IDS: oid,
      });
    });
    after(async () => {
      await app?.close();
      await entra?.close();
    });

    const me = (token?: string) => api(app, '/api/me', { headers: token ? { authorization: `Bearer ${token}` } : {} });

    it('accepts a valid token and names the person from its oid', async () => {
      const res = await me(await entra.accessToken({ tenant: TENANT, oid, audience: CLIENT_ID, name: 'Dana Coordinator' }));
      assert.equal(res.status, 200);
      assert.equal(res.body.id, oid);
      assert.equal(res.body.name, 'Dana Coordinator');
      assert.equal(res.body.guest, false);
      assert.deepEqual(res.body.roles, [{ role: 'coordinator', hubs: ['kent-medway'] }]);
    });

    it('keeps the mailbox the token names (email claim, else a UPN that is one) for calendar invites', async () => {
      const [a, b, c] = [newUserId(), newUserId(), newUserId()];
      await me(await entra.accessToken({ tenant: TENANT, oid: a, audience: CLIENT_ID, name: 'Ann', extra: { email: 'ann@nhs.net', preferred_username: 'ann.upn@nhs.net' } }));
      await me(await entra.accessToken({ tenant: TENANT, oid: b, audience: CLIENT_ID, name: 'Bo', extra: { preferred_username: 'bo@kentgp.nhs.uk' } }));
      await me(await entra.accessToken({ tenant: TENANT, oid: c, audience: CLIENT_ID, name: 'Cy', extra: { preferred_username: 'not a mailbox', email: 'x"@evil' } }));
      const contacts = await app.services.people.contacts([a, b, c]);
      assert.deepEqual([a, b, c].map((id) => contacts.get(id)), [{ name: 'Ann', email: 'ann@nhs.net' }, { name: 'Bo', email: 'bo@kentgp.nhs.uk' }, { name: 'Cy' }]);
    });

    it('accepts the api://host/clientId audience Teams SSO uses', async () => {
      const res = await me(await entra.accessToken({ tenant: TENANT, oid, audience: `api://cafe.example.org/${CLIENT_ID}` }));
      assert.equal(res.status, 200);
    });

    const bad: [string, () => Promise<string | undefined>][] = [
      ['no token', async () => undefined],
      ['a forged token', () => entra.accessToken({ tenant: TENANT, oid, audience: CLIENT_ID, forged: true })],
      ['an expired token', () => entra.accessToken({ tenant: TENANT, oid, audience: CLIENT_ID, expiresInSeconds: -120 })],
      ['a token for another app', () => entra.accessToken({ tenant: TENANT, oid, audience: 'api://cafe.example.org/another-app' })],
      ['a token from another issuer', () => entra.accessToken({ tenant: TENANT, oid, audience: CLIENT_ID, issuer: 'https://sts.windows.net/' + TENANT + '/' })],
      ['a token from another tenant', () => entra.accessToken({ tenant: OTHER_TENANT, oid, audience: CLIENT_ID })],
      ['a token without oid', () => entra.accessToken({ tenant: TENANT, oid: '', audience: CLIENT_ID })],
      ['not a JWT', async () => 'hello'],
    ];
    for (const [what, token] of bad) {
      it(`answers 401 to ${what}`, async () => {
        const res = await me(await token());
        assert.equal(res.status, 401);
        assert.equal(res.body.error.code, 'Unauthorized');
        assert.equal(typeof res.body.error.message, 'string');
      });
    }

    it('ignores x-dev-user in entra mode', async () => {
      const res = await api(app, '/api/me', { user: oid });
      assert.equal(res.status, 401);
    });

    it('leaves /api/health open', async () => {
      const res = await api(app, '/api/health');
      assert.equal(res.status, 200);
      assert.equal(res.body.status, 'ok');
      assert.equal(res.body.storage.ok, true);
      assert.equal(typeof res.body.storage.latencyMs, 'number');
    });
  });

  describe('AUTH_MODE=dev', () => {
    let app: TestApp;
    before(async () => {
      app = await startTestApp({ AUTH_MODE: 'dev', HOME_TENANT_ID: TENANT });
    });
    after(() => app?.close());

    it('requires x-dev-user', async () => {
      const res = await api(app, '/api/me');
      assert.equal(res.status, 401);
    });
    it('takes the person from x-dev-user and x-dev-name', async () => {
      const id = newUserId();
      const res = await api(app, '/api/me', { user: id, name: 'Émile Ödegaard' });
      assert.equal(res.status, 200);
      assert.equal(res.body.id, id);
      assert.equal(res.body.name, 'Émile Ödegaard');
      assert.equal(res.body.profile, null);
      assert.deepEqual(res.body.roles, []);
    });
    it('treats another tenant as a guest', async () => {
      const res = await api(app, '/api/me', { user: newUserId(), tenant: OTHER_TENANT });
      assert.equal(res.body.guest, true);
    });
    it('refuses an unusable id', async () => {
      const res = await api(app, '/api/me', { user: 'a/b#c' });
      assert.equal(res.status, 401);
    });
  });
});
