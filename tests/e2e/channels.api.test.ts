// Channels over the tab API with the demo data (GRAPH_MODE=off): the directory in the exact Channel
// JSON, search, join/leave statuses, approval channels, my channels, lead and coordinator rights,
// proposals, concurrency on one channel, the deep link in the welcome, and personal data.
import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import { startTestApp, api, type TestApp } from '../helpers/testApp.js';
import { newUserId } from '../helpers/ids.js';
import { noticeRecorder } from '../helpers/notices.js';
import { cardText, TEST_TENANT } from '../helpers/botClient.js';
import { checkCard } from '../helpers/rootHooks.js';
import { DEMO_PEOPLE, PLAYGROUND_USER_ID } from '../../src/seed/people.js';
import { DEMO_CHANNELS } from '../../src/seed/channels.js';

const CHANNEL_KEYS = ['id', 'name', 'shortName', 'purpose', 'guidelines', 'hub', 'professions', 'leadIds', 'memberCount', 'approvalRequired', 'channelType', 'teamId', 'teamsChannelId'];
const byName = (name: string) => DEMO_PEOPLE.find((p) => p.name === name)!;

describe('channels over the tab API (demo data, Graph off)', function () {
  this.timeout(60_000);
  let app: TestApp;
  const recorder = noticeRecorder();
  const sam = PLAYGROUND_USER_ID; // coordinator of every hub
  const hannah = byName('Hannah Doyle'); // leads Practice Nursing
  const priya = byName('Priya Raman'); // west-kent coordinator, leads Advanced Practice

  before(async () => {
    app = await startTestApp({ SEED_DEMO: 'true', ADMIN_AAD_OBJECT_IDS: sam, HOME_TENANT_ID: TEST_TENANT }, { notifier: recorder.option });
  });
  after(() => app?.close());

  /** Someone who has filled in their profile (joining asks for one first: 409 ProfileRequired). */
  const profiled = async (guest = false): Promise<string> => {
    const id = newUserId();
    await app.services.profiles.save({ userId: id, name: 'Test Person', guest, profession: 'practice-nurse', hub: 'east-kent', pcn: guest ? '' : 'Whitstable PCN', organisation: 'Whitstable Medical Practice', updatedAt: new Date() } as never);
    return id;
  };

  it('asks for a profile before a first join: 409 ProfileRequired, and nothing changes', async () => {
    const me = newUserId();
    const before = (await app.services.channels.get('wellbeing'))!.memberCount;
    const res = await api(app, '/api/channels/wellbeing/members', { method: 'POST', user: me, name: 'Nora Noprofile' });
    assert.equal(res.status, 409);
    assert.equal(res.body.error.code, 'ProfileRequired');
    assert.match(res.body.error.message, /Tell us about you first/);
    assert.equal(await app.services.memberships.getMember('wellbeing', me), null);
    assert.equal((await app.services.channels.get('wellbeing'))!.memberCount, before);
    assert.equal((await api(app, '/api/channels/no-such-channel/members', { method: 'POST', user: me })).status, 404, 'an unknown channel is still 404');
  });

  it('lists the fifteen Communities of Practice in the Channel JSON, with about 210 members in all', async () => {
    const res = await api(app, '/api/channels', { user: newUserId() });
    assert.equal(res.status, 200);
    assert.equal(res.body.items.length, 15);
    assert.equal(res.body.next, undefined);
    for (const c of res.body.items) {
      assert.deepEqual(Object.keys(c).sort(), [...CHANNEL_KEYS].sort(), c.id);
      assert.ok(c.memberCount > 0, `${c.id} has members`);
      assert.ok(Array.isArray(c.professions) && Array.isArray(c.leadIds));
    }
    const counts = Object.fromEntries(res.body.items.map((c: { id: string; memberCount: number }) => [c.id, c.memberCount]));
    assert.ok(counts['practice-nursing'] > counts['physician-associates'], 'a realistic spread');
    const people = new Set<string>();
    for (const c of DEMO_CHANNELS) for (const m of await app.services.memberships.membersOf(c.id)) people.add(m.userId);
    assert.ok(people.size >= 200 && people.size <= 215, `${people.size} distinct members`);
    for (const c of DEMO_CHANNELS) assert.equal(counts[c.id], (await app.services.memberships.membersOf(c.id)).length, `${c.id} count matches its rows`);
    assert.equal((await api(app, '/api/channels')).status, 401);
  });

  it('searches names, purposes and professions, and pages with a cursor', async () => {
    const q = async (text: string) => (await api(app, `/api/channels?q=${encodeURIComponent(text)}`, { user: newUserId() })).body.items.map((c: { id: string }) => c.id);
    assert.equal((await q('paramedics'))[0], 'paramedics-in-primary-care');
    assert.ok((await q('pharmacist')).includes('clinical-pharmacists'));
    assert.ok((await q('nurse')).includes('practice-nursing'));
    assert.deepEqual(await q('zzzz unheard of'), []);
    const page1 = await api(app, '/api/channels?limit=10', { user: newUserId() });
    assert.equal(page1.body.items.length, 10);
    const page2 = await api(app, `/api/channels?limit=10&cursor=${page1.body.next}`, { user: newUserId() });
    assert.equal(page2.body.items.length, 5);
    assert.equal((await api(app, '/api/channels?limit=0', { user: newUserId() })).status, 400);
    assert.equal((await api(app, '/api/channels?cursor=abc', { user: newUserId() })).status, 400);
  });

  it('joins (201 joined, then already-member), leaves, and lists my channels; the welcome carries the deep link', async () => {
    const me = await profiled();
    const before = (await app.services.channels.get('wellbeing'))!.memberCount;
    const first = await api(app, '/api/channels/wellbeing/members', { method: 'POST', user: me, name: 'Willa Wellbeing' });
    assert.equal(first.status, 201);
    assert.deepEqual(first.body, { status: 'joined' });
    const again = await api(app, '/api/channels/wellbeing/members', { method: 'POST', user: me });
    assert.deepEqual([again.status, again.body], [201, { status: 'already-member' }]);
    assert.equal((await app.services.channels.get('wellbeing'))!.memberCount, before + 1);
    const mine = await api(app, '/api/me/channels', { user: me });
    assert.deepEqual(mine.body.items.map((c: { id: string }) => c.id), ['wellbeing']);
    assert.deepEqual(Object.keys(mine.body.items[0]).sort(), [...CHANNEL_KEYS].sort());

    // Graph is off: membership recorded only, and the welcome says how to open the channel.
    const welcome = recorder.to(me, 'channel-welcome:wellbeing:');
    assert.equal(welcome.length, 1);
    assert.deepEqual(checkCard(welcome[0].card, 'welcome'), []);
    const link = JSON.stringify(welcome[0].card);
    assert.match(link, /https:\/\/teams\.microsoft\.com\/l\/channel\/19%3A[0-9a-f]+%40thread\.tacv2\/Wellbeing%20Caf%C3%A9\?groupId=/);
    assert.match(cardText(welcome[0].card), /Open Wellbeing Café in Teams/);
    const leads = DEMO_CHANNELS.find((c) => c.id === 'wellbeing')!.leadIds;
    for (const lead of leads) assert.equal(recorder.to(lead, `channel-joined:wellbeing:${me}:`).length, 1);

    const left = await api(app, '/api/channels/wellbeing/members/me', { method: 'DELETE', user: me });
    assert.deepEqual([left.status, left.body.status], [200, 'left']);
    const leftAgain = await api(app, '/api/channels/wellbeing/members/me', { method: 'DELETE', user: me });
    assert.equal(leftAgain.body.status, 'not-member');
    assert.equal((await app.services.channels.get('wellbeing'))!.memberCount, before);
    assert.deepEqual((await api(app, '/api/me/channels', { user: me })).body.items, []);
  });

  it('shows a channel’s next events in the directory and the welcome (from the events port)', async () => {
    const start = new Date('2026-07-14T11:30:00Z');
    // The channel service holds the events area's port: stub it where it lives.
    const forChannel = sinon
      .stub(app.services.upcomingEvents, 'forChannel')
      .callsFake(async (channelId, limit) => (channelId === 'social-prescribing' ? [{ eventId: 'e1', title: 'Link workers’ forum', start, end: new Date(start.getTime() + 3_600_000) }].slice(0, limit) : []));
    try {
      const me = await profiled();
      const view = await api(app, '/api/channel-directory?q=social', { user: me });
      const item = view.body.items.find((i: { channel: { id: string } }) => i.channel.id === 'social-prescribing');
      assert.deepEqual(item.nextEvents, [{ eventId: 'e1', title: 'Link workers’ forum', start: '2026-07-14T12:30:00+01:00', end: '2026-07-14T13:30:00+01:00' }]);
      assert.equal(item.myStatus, 'none');
      assert.deepEqual(view.body.items.find((i: { channel: { id: string } }) => i.channel.id !== 'social-prescribing')?.nextEvents ?? [], []);
      await api(app, '/api/channels/social-prescribing/members', { method: 'POST', user: me });
      const welcome = recorder.to(me, 'channel-welcome:social-prescribing:')[0];
      assert.match(cardText(welcome.card), /Coming up[\s\S]*Tue 14 Jul 2026, 12:30–13:30 — Link workers’ forum/);
      assert.equal((await api(app, '/api/channel-directory?q=social', { user: me })).body.items[0].myStatus, 'member');
      assert.ok(forChannel.calledWith('social-prescribing'));
    } finally {
      forChannel.restore();
    }
  });

  it('answers 404 for unknown or hostile channel ids, and changes nothing', async () => {
    const me = newUserId();
    for (const id of ['no-such-channel', '..%2F..%2Fetc', '%00', 'x'.repeat(300), 'Wellbeing']) {
      const res = await api(app, `/api/channels/${id}/members`, { method: 'POST', user: me });
      assert.equal(res.status, 404, id);
      assert.equal(res.body.error.code, 'NotFound');
    }
    assert.deepEqual(await app.services.memberships.channelsOf(me), []);
  });

  it('turns a join of an approval channel into a request (201 requested), and records a guest as a guest', async () => {
    const guest = await profiled(true);
    const res = await api(app, '/api/channels/mentoring/members', { method: 'POST', user: guest, name: 'Gail Guest', tenant: 'another-tenant-0000' });
    assert.deepEqual([res.status, res.body], [201, { status: 'requested' }]);
    const twice = await api(app, '/api/channels/mentoring/members', { method: 'POST', user: guest, tenant: 'another-tenant-0000' });
    assert.deepEqual(twice.body, { status: 'requested' });
    const request = await app.services.memberships.getRequest('mentoring', guest);
    assert.equal(request?.status, 'pending');
    assert.equal(request?.guest, true);
    const joined = await api(app, '/api/channels/research/members', { method: 'POST', user: guest, name: 'Gail Guest', tenant: 'another-tenant-0000' });
    assert.equal(joined.body.status, 'joined');
    assert.equal((await app.services.memberships.getMember('research', guest))?.guest, true);
    // A guest never sees member lists.
    assert.equal((await api(app, '/api/channels/research/members', { user: guest, tenant: 'another-tenant-0000' })).status, 403);
  });

  it('keeps the count exact when many people join one channel at once', async () => {
    const before = (await app.services.channels.get('care-navigation'))!.memberCount;
    const people = await Promise.all(Array.from({ length: 20 }, () => profiled()));
    const results = await Promise.all(people.map((user) => api(app, '/api/channels/care-navigation/members', { method: 'POST', user })));
    assert.deepEqual(new Set(results.map((r) => r.status)), new Set([201]));
    assert.equal((await app.services.channels.get('care-navigation'))!.memberCount, before + 20);
    // The same person pressing Join twice at once joins once.
    const twice = await profiled();
    const both = await Promise.all([1, 2].map(() => api(app, '/api/channels/care-navigation/members', { method: 'POST', user: twice })));
    assert.deepEqual(both.map((r) => r.body.status).sort(), ['already-member', 'joined']);
    // Joins and leaves interleaved.
    const mixed = await Promise.all(people.slice(0, 10).map((user, i) => (i % 2 ? api(app, '/api/channels/care-navigation/members/me', { method: 'DELETE', user }) : api(app, '/api/channels/care-navigation/members', { method: 'POST', user }))));
    assert.ok(mixed.every((r) => r.status === 200 || r.status === 201));
    const rows = await app.services.memberships.membersOf('care-navigation');
    assert.equal((await app.services.channels.get('care-navigation'))!.memberCount, rows.length);
    assert.equal(rows.length, before + 21 - 5);
  });

  it('lets a lead edit purpose and guidelines; others get 403 and nothing changes; bad input is 400', async () => {
    const path = '/api/channels/practice-nursing';
    const before = await api(app, path, { user: newUserId() });
    const denied = await api(app, path, { method: 'PATCH', user: newUserId(), body: { guidelines: 'Taken over' } });
    assert.equal(denied.status, 403);
    assert.deepEqual((await api(app, path, { user: newUserId() })).body, before.body);
    for (const body of [{ purpose: 'short' }, { guidelines: 'x'.repeat(2001) }, { purpose: 42 }, {}, '[1]']) {
      assert.equal((await api(app, path, { method: 'PATCH', user: hannah.id, body })).status, 400, JSON.stringify(body).slice(0, 40));
    }
    const ok = await api(app, path, { method: 'PATCH', user: hannah.id, body: { guidelines: 'Tag your posts, e.g. [immunisations].' } });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.guidelines, 'Tag your posts, e.g. [immunisations].');
    assert.equal(ok.body.purpose, before.body.purpose);
  });

  it('shows a channel’s members to its leads and coordinators only, without guests’ details', async () => {
    const path = '/api/channels/research/members';
    assert.equal((await api(app, path, { user: newUserId() })).status, 403);
    const lead = DEMO_CHANNELS.find((c) => c.id === 'research')!.leadIds[0];
    for (const viewer of [lead, sam]) {
      const res = await api(app, path, { user: viewer });
      assert.equal(res.status, 200);
      assert.equal(res.body.items.length, (await app.services.channels.get('research'))!.memberCount);
      const guests = res.body.items.filter((m: { guest: boolean }) => m.guest);
      assert.ok(guests.length >= 1);
      for (const g of guests) assert.deepEqual(Object.keys(g).sort(), ['guest', 'joinedAt', 'name', 'userId']);
      assert.ok(res.body.items.some((m: { profession?: string }) => m.profession), 'members’ profiles for leads');
    }
  });

  it('lets coordinators set leads; others get 403; the new lead is told', async () => {
    const path = '/api/channels/research/leads';
    const newLead = newUserId();
    assert.equal((await api(app, path, { method: 'PUT', user: hannah.id, body: { leadIds: [hannah.id] } })).status, 403);
    assert.equal((await api(app, path, { method: 'PUT', user: sam, body: { leadIds: 'abc' } })).status, 400);
    assert.equal((await api(app, path, { method: 'PUT', user: sam, body: { leadIds: ['a/b'] } })).status, 400);
    const lead = DEMO_CHANNELS.find((c) => c.id === 'research')!.leadIds[0];
    const res = await api(app, path, { method: 'PUT', user: priya.id, body: { leadIds: [lead, newLead] } });
    assert.equal(res.status, 200, 'a west-kent coordinator may manage an all-Kent & Medway channel');
    assert.deepEqual(res.body.leadIds, [lead, newLead]);
    assert.equal(recorder.to(newLead, 'channel-lead:research:').length, 1);
    const eastOnly = byName('Tom Hadley'); // east-kent coordinator
    assert.equal((await api(app, '/api/channels/gpn-fellowship/leads', { method: 'PUT', user: eastOnly.id, body: { leadIds: [] } })).status, 403, 'not a west-kent channel’s coordinator');
  });

  it('takes proposals from anyone and lets coordinators decide them; the first decision wins', async () => {
    const proposer = newUserId();
    const body = { name: 'Menopause Care', purpose: 'Supporting staff and patients through the menopause.', hub: 'north-kent', professions: ['practice-nurse', 'gp'] };
    const created = await api(app, '/api/channel-proposals', { method: 'POST', user: proposer, name: 'Mo Proposer', body });
    assert.equal(created.status, 201);
    assert.equal(created.body.status, 'pending');
    for (const bad of [{ ...body, name: 'Menopause Care' }, { ...body, name: 'Advanced Practice' }, { ...body, name: 'a/b c' }, { ...body, hub: 'mars' }, { ...body, professions: ['astronaut'] }, { ...body, purpose: 'short' }]) {
      assert.equal((await api(app, '/api/channel-proposals', { method: 'POST', user: proposer, body: bad })).status, 400, JSON.stringify(bad).slice(0, 60));
    }
    assert.equal((await api(app, '/api/channel-proposals?status=pending', { user: proposer })).status, 403);
    assert.equal((await api(app, '/api/channel-proposals?status=weird', { user: sam })).status, 400);
    const list = await api(app, '/api/channel-proposals?status=pending', { user: sam });
    const mine = list.body.items.find((p: { id: string }) => p.id === created.body.id);
    assert.ok(mine);
    for (const key of ['id', 'name', 'purpose', 'hub', 'professions', 'proposerId', 'status']) assert.ok(key in mine, key);
    assert.equal((await api(app, '/api/channel-proposals?status=pending', { user: priya.id })).body.items.some((p: { id: string }) => p.id === created.body.id), false, 'west-kent coordinator does not see north-kent proposals');
    assert.equal((await api(app, `/api/channel-proposals/${created.body.id}/approve`, { method: 'POST', user: priya.id })).status, 403);

    const grace = byName('Grace Mensah'); // north-kent coordinator
    const [a, b] = await Promise.all([
      api(app, `/api/channel-proposals/${created.body.id}/approve`, { method: 'POST', user: sam }),
      api(app, `/api/channel-proposals/${created.body.id}/approve`, { method: 'POST', user: grace.id }),
    ]);
    assert.deepEqual([a.status, b.status].sort(), [200, 409]);
    const ok = a.status === 200 ? a : b;
    assert.equal(ok.body.proposal.status, 'approved');
    assert.deepEqual(ok.body.channel.leadIds, [proposer]);
    assert.equal(ok.body.channel.memberCount, 1);
    assert.equal(ok.body.channel.teamsChannelId, undefined, 'registered locally while Graph is off');
    const channels = (await api(app, '/api/channels?q=menopause', { user: proposer })).body.items;
    assert.deepEqual(channels.map((c: { name: string }) => c.name), ['Menopause Care']);
    assert.equal((await api(app, `/api/channel-proposals/${created.body.id}/reject`, { method: 'POST', user: sam, body: { reason: 'late' } })).status, 409);
    const told = recorder.to(proposer, 'channel-proposal-approved:');
    assert.equal(told.length, 1);
    assert.match(JSON.stringify(told[0].card), /\/tab\/channels\?channel=menopause-care/, 'no Teams channel yet: the link opens the tab');
  });

  it('exports and erases a person’s channel data, keeping counts right', async () => {
    const me = await profiled();
    await api(app, '/api/channels/wellbeing/members', { method: 'POST', user: me });
    await api(app, '/api/channels/gpn-fellowship/members', { method: 'POST', user: me });
    await api(app, '/api/channel-proposals', { method: 'POST', user: me, body: { name: 'Frailty Forum', purpose: 'Frailty care in the community, for all professions.', hub: 'east-kent' } });
    await api(app, '/api/channels/social-prescribing/leads', { method: 'PUT', user: sam, body: { leadIds: [me] } });
    const holder = app.services.personalData.find((h) => h.area === 'channels')!;
    const exported = (await holder.export(me)) as Record<string, any[]>;
    assert.deepEqual(exported.memberships.map((m) => m.channelId), ['wellbeing']);
    assert.deepEqual(exported.requests.map((r) => [r.channelId, r.status]), [['gpn-fellowship', 'pending']]);
    assert.deepEqual(exported.leads.map((l) => l.channelId), ['social-prescribing']);
    assert.deepEqual(exported.proposals.map((p) => p.name), ['Frailty Forum']);

    const wellbeing = (await app.services.channels.get('wellbeing'))!.memberCount;
    await holder.erase(me);
    assert.equal((await app.services.channels.get('wellbeing'))!.memberCount, wellbeing - 1);
    assert.equal(await app.services.memberships.getRequest('gpn-fellowship', me), null);
    assert.deepEqual((await app.services.channels.get('social-prescribing'))!.leadIds, []);
    const after = (await holder.export(me)) as Record<string, unknown[]>;
    assert.deepEqual(after, { memberships: [], requests: [], leads: [], proposals: [] });
    const proposal = (await app.services.channelProposals.list()).find((p) => p.name === 'Frailty Forum');
    assert.equal(proposal?.proposerId, '', 'the proposal stays, without the person');
  });
});
