// Memberships on Azurite: two views kept consistent (the person index is a superset of the channel
// side and is repaired on read), exact counts when two "instances" (separate repositories, so no
// shared in-process queue) change one channel at once, and first-decision-wins on requests.
import { strict as assert } from 'node:assert';
import { sharedAzurite } from '../helpers/rootHooks.js';
import { uniquePrefix, newUserId } from '../helpers/ids.js';
import { Storage } from '../../src/storage/storage.js';
import { TableMembershipRepository } from '../../src/storage/membershipRepository.js';
import { TableChannelRepository } from '../../src/storage/channelRepository.js';
import { TableProposalRepository } from '../../src/storage/proposalRepository.js';
import type { Channel } from '../../src/domain/channels/channel.js';

describe('channel memberships on Azurite', () => {
  let storage: Storage;
  let clock = Date.parse('2026-03-01T10:00:00Z');
  const now = () => new Date(clock);
  let one: TableMembershipRepository;
  let two: TableMembershipRepository;

  before(async () => {
    const azurite = await sharedAzurite();
    storage = new Storage({ connectionString: azurite.connectionString }, uniquePrefix());
    await storage.ensure();
    one = new TableMembershipRepository(storage.table('channelMembers'), now);
    two = new TableMembershipRepository(storage.table('channelMembers'), now);
  });

  const member = (channelId: string, userId = newUserId()) => ({ channelId, userId, guest: false, joinedAt: now() });

  it('answers "members of a channel" and "channels of a person" from their own partitions', async () => {
    const ann = newUserId();
    await one.addMember(member('alpha', ann));
    await one.addMember(member('beta', ann));
    await one.addMember(member('alpha'));
    assert.deepEqual((await one.channelsOf(ann)).map((m) => m.channelId).sort(), ['alpha', 'beta']);
    assert.equal((await one.membersOf('alpha')).length, 2);
    assert.equal(await one.count('alpha'), 2);
    assert.equal((await one.addMember(member('alpha', ann))).status, 'already-member');
    assert.equal(await one.count('alpha'), 2);
  });

  it('keeps the count exact with two instances joining and leaving one channel at once', async () => {
    const people = Array.from({ length: 30 }, () => newUserId());
    await Promise.all(people.map((id, i) => (i % 2 ? one : two).addMember(member('gamma', id))));
    assert.equal(await one.count('gamma'), 30);
    await Promise.all(people.slice(0, 12).map((id, i) => (i % 2 ? two : one).removeMember('gamma', id)));
    assert.equal(await one.count('gamma'), 18);
    assert.equal((await one.membersOf('gamma')).length, 18);
    // The same person joined by both instances at once is one membership.
    const dup = newUserId();
    const results = await Promise.all([one.addMember(member('gamma', dup)), two.addMember(member('gamma', dup))]);
    assert.deepEqual(results.map((r) => r.status).sort(), ['already-member', 'joined']);
    assert.equal(await one.count('gamma'), 19);
  });

  it('repairs a stale index row (a crash between the two writes) only once it is old', async () => {
    const bob = newUserId();
    const table = storage.table('channelMembers');
    // What a crash after the index write, before the channel-side transaction, leaves behind.
    await table.upsertEntity({ partitionKey: `u|${bob}`, rowKey: 'm|delta', channelId: 'delta', writtenAt: now() }, 'Replace');
    assert.deepEqual(await one.channelsOf(bob), [], 'never shown as a membership');
    assert.ok(await table.getEntity(`u|${bob}`, 'm|delta'), 'a fresh row may be a join in flight: kept');
    clock += 10 * 60_000;
    assert.deepEqual(await one.channelsOf(bob), []);
    await assert.rejects(table.getEntity(`u|${bob}`, 'm|delta'), 'an old stale row is deleted');
    // And a real join afterwards works normally.
    await one.addMember(member('delta', bob));
    assert.deepEqual((await one.channelsOf(bob)).map((m) => m.channelId), ['delta']);
  });

  it('decides a request once, whichever instance is first', async () => {
    const cara = newUserId();
    assert.equal((await one.addRequest({ channelId: 'epsilon', userId: cara, guest: true, requestedAt: now() })).status, 'requested');
    assert.equal((await two.addRequest({ channelId: 'epsilon', userId: cara, guest: true, requestedAt: now() })).status, 'already-requested');
    assert.equal(await one.count('epsilon'), 0, 'a request is not a membership');
    const [a, b] = await Promise.all([one.decideRequest('epsilon', cara, { approve: true, at: now() }), two.decideRequest('epsilon', cara, { approve: false, at: now(), reason: 'no' })]);
    const statuses = [a.status, b.status].sort();
    assert.ok(statuses.includes('already-decided'), statuses.join());
    const request = await one.getRequest('epsilon', cara);
    const memberRow = await one.getMember('epsilon', cara);
    assert.equal(!!memberRow, request?.status === 'approved', 'membership exactly when approved');
    assert.equal(await one.count('epsilon'), memberRow ? 1 : 0);
    if (memberRow) assert.equal(memberRow.guest, true);
  });

  it('forgets a person: memberships, requests and index rows, counts kept', async () => {
    const dan = newUserId();
    await one.addMember(member('zeta', dan));
    await one.addMember(member('zeta'));
    await one.addRequest({ channelId: 'eta', userId: dan, guest: false, requestedAt: now() });
    await one.forget(dan);
    assert.equal(await one.count('zeta'), 1);
    assert.deepEqual(await one.channelsOf(dan), []);
    assert.deepEqual(await one.requestsOf(dan), []);
    assert.equal(await one.getRequest('eta', dan), null);
  });

  it('imports demo members in batches without double counting', async () => {
    const batch = Array.from({ length: 150 }, () => member('theta'));
    assert.equal(await one.importMembers('theta', batch), 150);
    assert.equal(await one.importMembers('theta', batch), 0);
    assert.equal(await one.count('theta'), 150);
  });

  it('gives channels their member count from the membership store', async () => {
    const channels = new TableChannelRepository(storage.table('channels'), one);
    const c: Channel = { id: 'iota', name: 'Iota', shortName: 'iota', purpose: 'p', guidelines: '', hub: 'east-kent', professions: [], leadIds: [], memberCount: 99, approvalRequired: false, channelType: 'standard' };
    await channels.create(c);
    await one.addMember(member('iota'));
    assert.equal((await channels.get('iota'))?.memberCount, 1);
    assert.equal((await channels.list()).find((x) => x.id === 'iota')?.memberCount, 1);
    assert.equal(await channels.get('a/b'), null);
  });

  it('lets one of two concurrent proposal decisions win (ETag)', async () => {
    const repo = new TableProposalRepository(storage.table('channelProposals'));
    await repo.create({ id: 'p-x-abcdef', name: 'X', purpose: 'purpose', hub: 'east-kent', professions: [], proposerId: 'u', proposedLeadIds: [], channelType: 'standard', status: 'pending', createdAt: now() });
    const results = await Promise.all(
      ['a', 'b', 'c'].map((who) => repo.update('p-x-abcdef', (p) => (p.status === 'pending' ? { ...p, status: 'rejected', decidedBy: who, reason: who } : undefined))),
    );
    const winners = results.filter((r) => r && r.before.status === 'pending' && r.after.status === 'rejected');
    assert.equal(winners.length, 1);
    assert.equal((await repo.get('p-x-abcdef'))?.decidedBy, winners[0]!.after.decidedBy);
  });
});
