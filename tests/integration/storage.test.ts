// Repositories and ETag helpers against a real Azurite.
import { strict as assert } from 'node:assert';
import { sharedAzurite } from '../helpers/rootHooks.js';
import { uniquePrefix, newUserId } from '../helpers/ids.js';
import { Storage } from '../../src/storage/storage.js';
import { mutateEntity, insertIfAbsent, getOrNull } from '../../src/storage/etag.js';
import { TableRoleRepository } from '../../src/storage/roleRepository.js';
import { TableProfileRepository } from '../../src/storage/profileRepository.js';
import { TableChannelRepository } from '../../src/storage/channelRepository.js';
import { TableConversationReferenceStore } from '../../src/storage/conversationReferenceStore.js';
import { MetaRepository } from '../../src/storage/metaRepository.js';
import { DEMO_CHANNELS } from '../../src/seed/channels.js';

describe('storage on Azurite', () => {
  let storage: Storage;

  before(async () => {
    const azurite = await sharedAzurite();
    storage = new Storage({ connectionString: azurite.connectionString }, uniquePrefix());
    await storage.ensure();
  });

  it('creates its tables idempotently', async () => {
    await storage.ensure();
    const ping = await storage.ping();
    assert.equal(ping.ok, true);
  });

  it('mutateEntity never loses an update under concurrency (ETag retry)', async () => {
    const table = storage.table('meta');
    await Promise.all(
      Array.from({ length: 25 }, () =>
        mutateEntity<{ count: number }>(table, 'counter', 'c1', (current) => ({ count: (current?.count ?? 0) + 1 })),
      ),
    );
    const row = await getOrNull<{ count: number }>(table, 'counter', 'c1');
    assert.equal(row?.count, 25);
  });

  it('mutateEntity can leave a row unchanged or delete it', async () => {
    const table = storage.table('meta');
    await mutateEntity<{ v: string }>(table, 'm', 'x', () => ({ v: 'a' }));
    const same = await mutateEntity<{ v: string }>(table, 'm', 'x', () => undefined);
    assert.equal((same as { v: string }).v, 'a');
    await mutateEntity<{ v: string }>(table, 'm', 'x', () => null);
    assert.equal(await getOrNull(table, 'm', 'x'), null);
  });

  it('insertIfAbsent lets exactly one of many concurrent callers win', async () => {
    const table = storage.table('meta');
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => insertIfAbsent(table, { partitionKey: 'once', rowKey: 'k', by: i })));
    assert.equal(results.filter(Boolean).length, 1);
    const meta = new MetaRepository(table);
    assert.equal(await meta.claim('seed', 'a'), true);
    assert.equal(await meta.claim('seed', 'b'), false);
  });

  it('stores role grants and lists holders by role', async () => {
    const roles = new TableRoleRepository(storage.table('roles'));
    const a = newUserId();
    const b = newUserId();
    await roles.set(a, [{ role: 'coordinator', hubs: ['east-kent'] }, { role: 'organiser', hubs: ['east-kent', 'west-kent'] }]);
    await roles.set(b, [{ role: 'organiser', hubs: ['north-kent'] }]);
    assert.deepEqual(await roles.list(a), [
      { role: 'coordinator', hubs: ['east-kent'] },
      { role: 'organiser', hubs: ['east-kent', 'west-kent'] },
    ]);
    const organisers = await roles.listHolders('organiser');
    assert.deepEqual(organisers.map((o) => o.userId).sort(), [a, b].sort());
    await roles.set(a, []);
    assert.deepEqual(await roles.list(a), []);
  });

  it('saves, reads and deletes profiles', async () => {
    const profiles = new TableProfileRepository(storage.table('profiles'));
    const id = newUserId();
    const record = { userId: id, name: 'Zoë', guest: false, profession: 'gp' as const, hub: 'east-kent' as const, pcn: 'Canterbury City PCN', organisation: "St. Mary's", updatedAt: new Date('2026-01-01T00:00:00Z') };
    await profiles.save(record);
    assert.deepEqual(await profiles.get(id), { ...record, tenantId: undefined });
    await profiles.delete(id);
    assert.equal(await profiles.get(id), null);
  });

  it('stores channels and updates them under their ETag', async () => {
    const channels = new TableChannelRepository(storage.table('channels'));
    const seed = { ...DEMO_CHANNELS[0], memberCount: 0 };
    assert.equal(await channels.create(seed), true);
    assert.equal(await channels.create(seed), false);
    await Promise.all(Array.from({ length: 10 }, () => channels.update(seed.id, (c) => ({ ...c, memberCount: c.memberCount + 1 }))));
    assert.equal((await channels.get(seed.id))?.memberCount, 10);
    assert.equal(await channels.update('missing', (c) => c), null);
    assert.deepEqual((await channels.list()).map((c) => c.id), [seed.id]);
  });

  it('keeps conversation references with awkward ids', async () => {
    const store = new TableConversationReferenceStore(storage.table('conversationRefs'));
    const convId = '19:abc/def#x?y@thread.tacv2;messageid=1';
    await store.saveConversation(convId, { conversation: { id: convId } });
    assert.deepEqual(await store.getConversation(convId), { conversation: { id: convId } });
    await store.saveTenantServiceUrl('tenant/1', 'https://smba.trafficmanager.net/emea/');
    assert.equal(await store.getTenantServiceUrl('tenant/1'), 'https://smba.trafficmanager.net/emea/');
  });
});
