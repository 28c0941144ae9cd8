// People search over the API (GET /api/people): coordinators, organisers and channel leads find the
// people the app knows by name — word starts, any case, accents ignored, at most 20 — and nobody else
// may look. Guests are found only by coordinators; renamed and forgotten people drop out.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { startTestApp, api, type TestApp } from '../helpers/testApp.js';
import { newUserId } from '../helpers/ids.js';
import { rowsMentioning } from '../helpers/tableScan.js';
import { sharedAzurite } from '../helpers/rootHooks.js';
import { DEMO_CHANNELS } from '../../src/seed/channels.js';
import { TablePersonRepository } from '../../src/storage/personRepository.js';
import { TablePersonNameIndex, indexEarlierPeople } from '../../src/storage/personNameIndex.js';

describe('people search (GET /api/people)', function () {
  this.timeout(60_000);
  let app: TestApp;
  const coordinator = newUserId();
  const organiser = newUserId();
  const lead = newUserId();
  const member = newUserId();
  const sam = newUserId();
  const zoe = newUserId();
  const guest = newUserId();
  const renamed = newUserId();

  const search = (user: string, q: string) => api(app, `/api/people?q=${encodeURIComponent(q)}`, { user });
  const names = async (user: string, q: string) => {
    const res = await search(user, q);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body.items.map((p: { name: string }) => p.name);
  };

  before(async () => {
    app = await startTestApp({ ADMIN_AAD_OBJECT_IDS: coordinator, HOME_TENANT_ID: 'home-tenant' });
    await app.services.roles.set(organiser, [{ role: 'organiser', hubs: ['east-kent'] }]);
    await app.services.channels.create({ ...DEMO_CHANNELS[0], leadIds: [lead], memberCount: 0 });
    // People become known by using the app (their name comes with every request)…
    await api(app, '/api/me', { user: sam, name: 'Sam Okafor' });
    await api(app, '/api/me', { user: zoe, name: 'Zoë Ng-Ashworth' });
    await api(app, '/api/me', { user: guest, name: 'Sam Visitor', tenant: 'other-tenant' });
    await api(app, '/api/me', { user: renamed, name: 'Robin Oldname' });
    await api(app, '/api/me', { user: renamed, name: 'Robin Newname' });
    // …or from demo data and profiles.
    await app.services.persons.save({ userId: member, name: 'Mo Member', guest: false, lastSeenAt: new Date() });
    await app.services.profiles.save({ userId: sam, name: 'Sam Okafor', guest: false, profession: 'practice-nurse', hub: 'west-kent', pcn: 'The Ridge PCN', organisation: 'Lenham Surgery', updatedAt: new Date() });
    for (let i = 0; i < 25; i++) await app.services.persons.save({ userId: newUserId(), name: `Alex Tester ${String(i).padStart(2, '0')}`, guest: false, lastSeenAt: new Date() });
  });
  after(() => app?.close());

  it('finds people by the start of any word of their name, any case, accents ignored, with what the app knows', async () => {
    const res = await search(coordinator, 'sam ok');
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.items, [{ id: sam, name: 'Sam Okafor', profession: 'practice-nurse', hub: 'west-kent' }]);
    assert.deepEqual(await names(coordinator, 'OKAF'), ['Sam Okafor']);
    assert.deepEqual(await names(coordinator, 'zoe'), ['Zoë Ng-Ashworth']);
    assert.deepEqual(await names(coordinator, 'ashw'), ['Zoë Ng-Ashworth'], 'hyphenated names are words too');
    assert.deepEqual(await names(coordinator, 'kafor'), [], 'words match from their start');
    assert.deepEqual(await names(coordinator, 'mo member'), ['Mo Member']);
  });

  it('answers at most 20, in name order, and an empty list for less than 2 characters', async () => {
    const alex = await names(coordinator, 'alex');
    assert.equal(alex.length, 20);
    assert.deepEqual(alex, [...alex].sort());
    assert.equal(alex[0], 'Alex Tester 00');
    assert.deepEqual(await names(coordinator, 'alex tester 24'), ['Alex Tester 24']);
    assert.deepEqual(await names(coordinator, 's'), []);
    assert.deepEqual(await names(coordinator, ' s '), []);
    assert.deepEqual(await names(coordinator, ''), []);
    assert.deepEqual((await api(app, '/api/people', { user: coordinator })).body.items, []);
    assert.deepEqual(await names(coordinator, 'a b'), [], 'no word of two letters yet');
  });

  it('answers odd or huge queries with 400 or an empty list, never a 500', async () => {
    for (const q of ['%%%', '"\'<script>', '\u0000\u0001', 'ñ', '*', '||', 'w|sam', '😀😀', 'x'.repeat(100), 'sam '.repeat(25)]) {
      const res = await search(coordinator, q);
      assert.equal(res.status, 200, `${JSON.stringify(q)} → ${res.status}`);
      assert.ok(Array.isArray(res.body.items));
    }
    assert.equal((await search(coordinator, 'x'.repeat(101))).status, 400);
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 120 }), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 })), async (q) => {
        const res = await search(coordinator, q);
        assert.ok(res.status === 200 || res.status === 400, `${JSON.stringify(q)} → ${res.status} ${res.text.slice(0, 200)}`);
        if (res.status === 200) assert.ok(Array.isArray(res.body.items) && res.body.items.length <= 20);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 60) },
    );
    assert.equal((await api(app, '/api/people?q=sam&q=zoe', { user: coordinator })).status, 400);
    assert.equal((await api(app, '/api/people?q[a]=1', { user: coordinator })).status, 400);
    assert.equal((await api(app, '/api/people?q=sam')).status, 401);
  });

  it('lets coordinators, organisers and channel leads search; members and guests get 403', async () => {
    assert.deepEqual(await names(organiser, 'okafor'), ['Sam Okafor']);
    assert.deepEqual(await names(lead, 'okafor'), ['Sam Okafor']);
    const refused = await search(member, 'okafor');
    assert.equal(refused.status, 403);
    assert.match(refused.body.error.message, /coordinators, organisers and channel leads/);
    assert.equal((await api(app, '/api/people?q=okafor', { user: newUserId(), name: 'Guest Lead', tenant: 'other-tenant' })).status, 403);
  });

  it('shows guests to coordinators only, marked as guests', async () => {
    assert.deepEqual(
      (await search(coordinator, 'sam')).body.items.map((p: { name: string; guest?: boolean }) => [p.name, !!p.guest]),
      [['Sam Okafor', false], ['Sam Visitor', true]],
    );
    assert.deepEqual(await names(organiser, 'sam'), ['Sam Okafor']);
    assert.deepEqual(await names(lead, 'visitor'), []);
  });

  it('finds people by their current name only, and forgets them with "forget me"', async () => {
    assert.deepEqual(await names(coordinator, 'robin'), ['Robin Newname']);
    assert.deepEqual(await names(coordinator, 'oldname'), [], 'an earlier name no longer finds them');
    assert.equal((await api(app, '/api/me', { method: 'DELETE', user: zoe, name: 'Zoë Ng-Ashworth' })).status, 204);
    assert.deepEqual(await names(coordinator, 'zoe'), []);
    const { connectionString } = await sharedAzurite();
    assert.deepEqual(await rowsMentioning(connectionString, app.prefix, [zoe, 'ashworth']), [], 'no index row keeps their id or name');
    assert.equal((await api(app, '/api/me', { method: 'DELETE', user: renamed, name: 'Robin Newname' })).status, 204);
    assert.deepEqual(await rowsMentioning(connectionString, app.prefix, [renamed, 'oldname', 'newname']), [], 'earlier names go too');
  });

  it('indexes people saved before the index existed, once', async () => {
    const earlier = newUserId();
    // A person row written the old way: no index rows.
    await new TablePersonRepository(app.services.storage.table('profiles')).save({ userId: earlier, name: 'Wendy Earlier', guest: false, lastSeenAt: new Date() });
    assert.deepEqual(await names(coordinator, 'wendy'), []);
    const marks = new Map<string, string>();
    const meta = { get: async (k: string) => marks.get(k) ?? null, set: async (k: string, v: string) => void marks.set(k, v) };
    const index = new TablePersonNameIndex(app.services.storage.table('peopleNames'));
    assert.ok((await indexEarlierPeople(app.services.storage.table('profiles'), index, meta)) >= 1);
    assert.deepEqual(await names(coordinator, 'wendy'), ['Wendy Earlier']);
    assert.equal(await indexEarlierPeople(app.services.storage.table('profiles'), index, meta), 0, 'once per store');
  });
});
