// Joins group-committed per channel, and member counts carried on the channel rows, on Azurite.
// Two repositories on one table stand for two app instances (no shared in-process queue).
import { strict as assert } from 'node:assert';
import { setTimeout as sleep } from 'node:timers/promises';
import { sharedAzurite } from '../helpers/rootHooks.js';
import { uniquePrefix, newUserId } from '../helpers/ids.js';
import { StorageCalls } from '../helpers/storageCalls.js';
import { eventually } from '../helpers/notifications.js';
import { Storage } from '../../src/storage/storage.js';
import { TableMembershipRepository } from '../../src/storage/membershipRepository.js';
import { TableChannelRepository } from '../../src/storage/channelRepository.js';
import { getOrNull } from '../../src/storage/etag.js';
import { READ_CACHE_TTL_MS } from '../../src/storage/readCache.js';
import { DEMO_CHANNELS } from '../../src/seed/channels.js';

describe('channel joins and the directory on Azurite', () => {
  let storage: Storage;
  let calls: StorageCalls;
  const ttl = READ_CACHE_TTL_MS.channels;
  const member = (channelId: string, userId = newUserId()) => ({ channelId, userId, guest: false, joinedAt: new Date() });

  before(async () => {
    const azurite = await sharedAzurite();
    storage = new Storage({ connectionString: azurite.connectionString }, uniquePrefix());
    await storage.ensure();
    calls = new StorageCalls().attach(storage);
  });
  afterEach(() => {
    READ_CACHE_TTL_MS.channels = ttl;
  });

  it('commits joins to one channel together: far fewer transactions than joins, every join answered, the count exact', async () => {
    const one = new TableMembershipRepository(storage.table('channelMembers'));
    const people = Array.from({ length: 60 }, () => newUserId());
    const mark = calls.mark();
    const results = await Promise.all([...people, people[0], people[1]].map((id) => one.addMember(member('hot', id))));
    const batches = calls.since(mark).filter((c) => c.table === 'ChannelMembers' && c.op === 'batch').length;
    assert.deepEqual(results.filter((r) => r.status === 'joined').length, 60, 'sixty joined');
    assert.deepEqual(results.slice(60).map((r) => r.status), ['already-member', 'already-member'], 'a second join of the same person finds them a member');
    assert.equal(await one.count('hot'), 60);
    assert.equal((await one.membersOf('hot')).length, 60);
    assert.ok(batches <= 20, `${batches} transactions for 62 joins`);
  });

  it('settles a pending request when its person joins in a batch', async () => {
    const one = new TableMembershipRepository(storage.table('channelMembers'));
    const asked = newUserId();
    await one.addRequest({ channelId: 'open-now', userId: asked, guest: false, requestedAt: new Date() });
    await Promise.all([asked, newUserId(), newUserId()].map((id) => one.addMember(member('open-now', id))));
    assert.equal((await one.getRequest('open-now', asked))?.status, 'approved');
    assert.equal(await one.count('open-now'), 3);
  });

  it('keeps the count exact with two instances joining one channel at once, and the channel row settles on it', async () => {
    const [m1, m2] = [new TableMembershipRepository(storage.table('channelMembers')), new TableMembershipRepository(storage.table('channelMembers'))];
    const [c1, c2] = [new TableChannelRepository(storage.table('channels'), m1), new TableChannelRepository(storage.table('channels'), m2)];
    const channel = { ...DEMO_CHANNELS[0], id: 'raced', memberCount: 0 };
    await c1.create(channel);
    await Promise.all(Array.from({ length: 80 }, (_, i) => (i % 2 ? m1 : m2).addMember(member('raced'))));
    assert.equal(await m1.count('raced'), 80);
    const t0 = Date.now();
    await eventually(async () => Number((await getOrNull<{ memberCount: number }>(storage.table('channels'), 'channel', 'raced'))?.memberCount), (n) => n === 80, 5000, 'the row carries the exact count');
    assert.ok(Date.now() - t0 < 3000, 'within moments of the last join');
    // Each instance's directory shows it; the directory is one query.
    READ_CACHE_TTL_MS.channels = 0;
    for (const c of [c1, c2]) {
      const mark = calls.mark();
      const listed = (await c.list()).find((x) => x.id === 'raced');
      assert.equal(listed?.memberCount, 80);
      assert.deepEqual(calls.since(mark).map((x) => `${x.table} ${x.op}`), ['Channels query']);
    }
    // A leave is reconciled the same way.
    const leaver = (await m1.membersOf('raced'))[0].userId;
    await m2.removeMember('raced', leaver);
    await eventually(async () => (await c1.list()).find((x) => x.id === 'raced')?.memberCount, (n) => n === 79, 5000, 'the row follows a leave');
  });

  it('shows this instance’s own join at once, before the row is reconciled', async () => {
    const m = new TableMembershipRepository(storage.table('channelMembers'));
    const c = new TableChannelRepository(storage.table('channels'), m);
    await c.create({ ...DEMO_CHANNELS[1], id: 'mine', memberCount: 0 });
    await c.list(); // cached
    await m.addMember(member('mine'));
    assert.equal((await c.list()).find((x) => x.id === 'mine')?.memberCount, 1);
  });

  it('reads rows of the first version with their count from the membership store, and reconciles them (upgrade on read)', async () => {
    const m = new TableMembershipRepository(storage.table('channelMembers'));
    await Promise.all(Array.from({ length: 3 }, () => m.addMember(member('old-row'))));
    // A row as the previous version wrote it: no `counted`, memberCount 0.
    const table = storage.table('channels');
    await table.createEntity({ partitionKey: 'channel', rowKey: 'old-row', name: 'Old row', shortName: 'old', purpose: 'p', guidelines: '', hub: 'east-kent', professions: '[]', leadIds: '[]', memberCount: 0, approvalRequired: false, channelType: 'standard', teamId: '', teamsChannelId: '' });
    READ_CACHE_TTL_MS.channels = 0;
    const c = new TableChannelRepository(table, new TableMembershipRepository(storage.table('channelMembers')));
    assert.equal((await c.list()).find((x) => x.id === 'old-row')?.memberCount, 3);
    await eventually(async () => (await getOrNull<{ memberCount: number; counted?: boolean }>(table, 'channel', 'old-row'))?.counted, (v) => v === true, 5000, 'row upgraded');
    assert.equal((await getOrNull<{ memberCount: number }>(table, 'channel', 'old-row'))?.memberCount, 3);
    await sleep(10);
  });
});
