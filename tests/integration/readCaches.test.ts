// Per-instance read caches (roles, profiles) and the name write that runs beside a request, on a
// real Azurite: two repository objects on one table stand for two app instances.
import { strict as assert } from 'node:assert';
import { setTimeout as sleep } from 'node:timers/promises';
import { sharedAzurite } from '../helpers/rootHooks.js';
import { uniquePrefix, newUserId } from '../helpers/ids.js';
import { Storage } from '../../src/storage/storage.js';
import { getOrNull } from '../../src/storage/etag.js';
import { READ_CACHE_TTL_MS } from '../../src/storage/readCache.js';
import { TableRoleRepository } from '../../src/storage/roleRepository.js';
import { TableProfileRepository } from '../../src/storage/profileRepository.js';
import { TablePersonRepository } from '../../src/storage/personRepository.js';
import { StorageCalls } from '../helpers/storageCalls.js';

describe('per-instance read caches on Azurite', () => {
  let storage: Storage;
  let calls: StorageCalls;
  const ttl = { ...READ_CACHE_TTL_MS };

  before(async () => {
    const azurite = await sharedAzurite();
    storage = new Storage({ connectionString: azurite.connectionString }, uniquePrefix());
    await storage.ensure();
    calls = new StorageCalls().attach(storage);
  });
  afterEach(() => Object.assign(READ_CACHE_TTL_MS, ttl));

  it('answers anyone’s roles from one copy of the Roles table; this instance’s changes at once, another’s within the TTL', async () => {
    READ_CACHE_TTL_MS.roles = 400;
    const here = new TableRoleRepository(storage.table('roles'));
    const there = new TableRoleRepository(storage.table('roles'));
    const [a, b, nobody] = [newUserId(), newUserId(), newUserId()];
    await here.set(a, [{ role: 'organiser', hubs: ['east-kent'] }]);
    assert.deepEqual(await here.list(a), [{ role: 'organiser', hubs: ['east-kent'] }]);
    const mark = calls.mark();
    assert.deepEqual(await here.list(b), []);
    assert.deepEqual(await here.list(nobody), []);
    assert.deepEqual((await here.listHolders('organiser')).map((h) => h.userId), [a]);
    assert.equal(calls.since(mark).length, 0, 'new people and holders come from the copy, no storage call');

    await there.list(a); // "there" now holds a copy too
    await here.set(a, [{ role: 'coordinator', hubs: ['west-kent'] }]);
    assert.deepEqual(await here.list(a), [{ role: 'coordinator', hubs: ['west-kent'] }], 'at once where it was changed');
    assert.deepEqual(await there.list(a), [{ role: 'organiser', hubs: ['east-kent'] }], 'the other instance still has its copy');
    await sleep(450);
    assert.deepEqual(await there.list(a), [{ role: 'coordinator', hubs: ['west-kent'] }], 'and sees the change once its copy is older than the TTL');
  });

  it('never keeps a copy read before a change made here', async () => {
    READ_CACHE_TTL_MS.roles = 60_000;
    const roles = new TableRoleRepository(storage.table('roles'));
    const a = newUserId();
    const reading = roles.list(a); // a load under way…
    await roles.set(a, [{ role: 'organiser', hubs: ['north-kent'] }]); // …overtaken by a change
    await reading;
    assert.deepEqual(await roles.list(a), [{ role: 'organiser', hubs: ['north-kent'] }]);
  });

  it('with the TTL at 0 reads storage every time', async () => {
    READ_CACHE_TTL_MS.roles = 0;
    const roles = new TableRoleRepository(storage.table('roles'));
    const mark = calls.mark();
    await roles.list(newUserId());
    await roles.list(newUserId());
    assert.equal(calls.since(mark).filter((c) => c.table === 'Roles').length, 4, 'two point reads per lookup');
  });

  it('keeps a profile (and “no profile”) for the TTL, and what this instance saved or erased at once', async () => {
    READ_CACHE_TTL_MS.profiles = 60_000;
    const here = new TableProfileRepository(storage.table('profiles'));
    const there = new TableProfileRepository(storage.table('profiles'));
    const id = newUserId();
    assert.equal(await there.get(id), null);
    const record = { userId: id, name: 'Ada', guest: false, profession: 'gp' as const, hub: 'east-kent' as const, pcn: 'Canterbury City PCN', organisation: 'Northgate', updatedAt: new Date('2026-01-01T00:00:00Z') };
    await here.save(record);
    assert.deepEqual(await here.get(id), { ...record, tenantId: undefined });
    assert.equal(await there.get(id), null, 'another instance keeps its answer for the TTL');
    const mark = calls.mark();
    await here.get(id);
    assert.equal(calls.since(mark).length, 0);
    await here.delete(id);
    assert.equal(await here.get(id), null);
    assert.equal(await getOrNull(storage.table('profiles'), id, 'profile'), null);
  });

  it('an erasure waits for a name write still under way, so the name never lands after it', async () => {
    const persons = new TablePersonRepository(storage.table('profiles'));
    const id = newUserId();
    const saving = persons.save({ userId: id, name: 'Late Lou', guest: false, lastSeenAt: new Date() }); // not awaited, as PeopleService.actor does
    await persons.delete(id);
    await saving;
    assert.equal(await getOrNull(storage.table('profiles'), id, 'person'), null);
    const again = newUserId();
    void persons.save({ userId: again, name: 'Quick Quinn', guest: false, lastSeenAt: new Date() });
    assert.equal((await persons.get(again))?.name, 'Quick Quinn', 'a read here waits for the write under way');
  });
});
