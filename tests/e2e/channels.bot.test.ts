// Communities of Practice over the Bot Framework protocol, with Microsoft Graph on (a local fake
// that checks request bodies) and app-only tokens from the fake Entra: first join with profile,
// joining twice, ambiguous and unknown names, leave, group and channel scope, approval channels,
// proposals (approved, rejected, two coordinators at once), guests, Graph 403 and 429, and people
// acting outside their role.
import { strict as assert } from 'node:assert';
import { startTestApp, type TestApp } from '../helpers/testApp.js';
import { FakeConnector } from '../helpers/fakeConnector.js';
import { FakeEntra } from '../helpers/fakeEntra.js';
import { FakeGraph } from '../helpers/fakeGraph.js';
import { BotClient, TEST_TENANT, cardText, cardVerbs, type TestPerson } from '../helpers/botClient.js';
import { newUserId } from '../helpers/ids.js';
import { actionData, noticeRecorder } from '../helpers/notices.js';
import type { Channel } from '../../src/domain/channels/channel.js';

const TEAM = 'b1d2c3e4-0000-4000-8000-00000000te4m';
const FIRST_FIVE_THREAD = '19:firstfive0000000000000000000001@thread.tacv2';
const MENTORING_THREAD = '19:mentoring00000000000000000000001@thread.tacv2';

const person = (name: string, extra: Partial<TestPerson> = {}): TestPerson => ({ id: newUserId(), name, ...extra });
const profile = { profession: 'practice-nurse', hub: 'east-kent', pcn: 'Whitstable PCN', organisation: 'Whitstable Medical Practice' };

describe('channels over the Bot Framework protocol (Graph on)', function () {
  this.timeout(60_000);
  let app: TestApp;
  let connector: FakeConnector;
  let entra: FakeEntra;
  let graph: FakeGraph;
  let bot: BotClient;
  const recorder = noticeRecorder();
  const admin = person('Ada Coordinator');
  const lead = person('Lena Lead');
  const lead2 = person('Luke Lead');

  const channel = (c: Partial<Channel> & Pick<Channel, 'id' | 'name' | 'shortName'>): Channel => ({
    purpose: `A place for ${c.name} to share practice.`,
    guidelines: 'Be kind. No patient-identifiable information.',
    hub: 'kent-medway',
    professions: [],
    leadIds: [lead.id],
    memberCount: 0,
    approvalRequired: false,
    channelType: 'standard',
    ...c,
  });

  const withProfile = async (p: TestPerson, data: Record<string, string> = profile) => {
    await bot.message(p, 'hello');
    const res = await bot.invoke(p, 'profile.save', data);
    assert.equal(res.status, 200, JSON.stringify(res.body).slice(0, 200));
  };

  const lastCard = (p: TestPerson, since: number, scope: 'personal' | 'groupChat' | 'channel' = 'personal') => bot.cardsTo(p, scope, since).at(-1);
  const lastText = (p: TestPerson, since: number, scope: 'personal' | 'groupChat' | 'channel' = 'personal') =>
    bot
      .repliesTo(p, scope, since)
      .map((r) => r.activity.text ?? '')
      .join('\n');

  before(async () => {
    connector = await FakeConnector.start();
    entra = await FakeEntra.start();
    graph = await FakeGraph.start();
    graph.addTeam(TEAM);
    graph.addChannel(TEAM, { id: FIRST_FIVE_THREAD, displayName: 'First Five', membershipType: 'private' });
    graph.addChannel(TEAM, { id: MENTORING_THREAD, displayName: 'Mentoring', membershipType: 'private' });
    app = await startTestApp(
      {
        GRAPH_MODE: 'app',
        GRAPH_BASE_URL: graph.url,
        GRAPH_CLIENT_ID: '11111111-2222-4333-8444-555555555555',
        GRAPH_CLIENT_SECRET: 'graph-secret',
        GRAPH_TENANT_ID: TEST_TENANT,
        AZURE_AUTHORITY_HOST: entra.url,
        VIRTUAL_CAFE_TEAM_ID: TEAM,
        HOME_TENANT_ID: TEST_TENANT,
        ADMIN_AAD_OBJECT_IDS: admin.id,
      },
      { notifier: recorder.option },
    );
    bot = new BotClient(app.url, connector);
    const { channels } = app.services;
    await channels.create(channel({ id: 'advanced-practice', name: 'Advanced Practice', shortName: 'anp' }));
    await channels.create(channel({ id: 'practice-nursing', name: 'Practice Nursing', shortName: 'nurses', professions: ['practice-nurse'] }));
    await channels.create(channel({ id: 'practice-managers', name: 'Practice Managers', shortName: 'managers', professions: ['practice-manager'] }));
    await channels.create(channel({ id: 'first-five', name: 'First Five', shortName: 'first-five', channelType: 'private', teamsChannelId: FIRST_FIVE_THREAD }));
    await channels.create(channel({ id: 'mentoring', name: 'Mentoring and Critical Friends', shortName: 'mentoring', channelType: 'private', teamsChannelId: MENTORING_THREAD, approvalRequired: true, leadIds: [lead.id, lead2.id] }));
    // Leads and the coordinator have talked to the bot (the tenant's service URL is known).
    for (const p of [admin, lead, lead2]) await bot.message(p, 'hello');
  });
  after(async () => {
    assert.deepEqual(graph?.problems ?? [], [], 'every Graph request body was one Graph accepts');
    await app?.close();
    await connector?.close();
    await entra?.close();
    await graph?.close();
  });

  it('asks a first-time member for their profile, then completes the join when it is saved', async () => {
    const nina = person('Nina Newcomer');
    const since = connector.sent.length;
    await bot.message(nina, 'join anp');
    const card = lastCard(nina, since);
    assert.deepEqual(cardVerbs(card), ['profile.save']);
    assert.match(cardText(card), /Before you join Advanced Practice/);
    assert.equal(await app.services.memberships.getMember('advanced-practice', nina.id), null, 'not joined before the profile');
    assert.equal(graph.callsTo(/\/members$/).length, 0, 'no Graph call yet');

    const res = await bot.invoke(nina, 'profile.save', actionData(card, 'profile.save', profile));
    assert.equal(res.status, 200);
    const welcome = cardText(res.card);
    assert.match(welcome, /Welcome to Advanced Practice/);
    assert.match(welcome, /A place for Advanced Practice to share practice/);
    assert.match(welcome, /No patient-identifiable information/);
    assert.match(welcome, /Lena Lead/);
    assert.equal((await app.services.profiles.get(nina.id))?.pcn, 'Whitstable PCN');

    // Standard channel: the app made sure she is in the team, with an app-only Graph token.
    const calls = graph.callsTo(new RegExp(`/teams/${TEAM}/members$`));
    assert.equal(calls.length, 1);
    assert.equal(calls[0].body['@odata.type'], '#microsoft.graph.aadUserConversationMember');
    assert.match(calls[0].body['user@odata.bind'], new RegExp(`/users\\('${nina.id}'\\)$`));
    assert.deepEqual(calls[0].body.roles, []);
    assert.match(calls[0].authorization ?? '', /^Bearer fake-access-token-/);
    assert.ok(entra.tokenRequests.some((t) => t.scope === 'https://graph.microsoft.com/.default' && t.clientId === '11111111-2222-4333-8444-555555555555'));

    const stored = await app.services.memberships.getMember('advanced-practice', nina.id);
    assert.equal(stored?.guest, false);
    assert.equal((await app.services.channels.get('advanced-practice'))?.memberCount, 1);
    // The lead hears about it, 1:1.
    const notice = recorder.to(lead.id, `channel-joined:advanced-practice:${nina.id}:`);
    assert.equal(notice.length, 1);
    assert.match(notice[0].text, /Nina Newcomer joined Advanced Practice/);
    assert.match(notice[0].text, /Practice nurse/);
    await connector.waitFor(() => bot.cardsTo(lead).some((c) => /Nina Newcomer joined/.test(cardText(c))));
  });

  it('answers a second join of the same channel with "already a member" and changes nothing', async () => {
    const nina = person('Nadia Twice');
    await withProfile(nina);
    await bot.message(nina, 'join Advanced Practice');
    const graphCalls = graph.calls.length;
    const noticesBefore = recorder.notices.length;
    const count = (await app.services.channels.get('advanced-practice'))?.memberCount;
    const since = connector.sent.length;
    await bot.message(nina, 'JOIN   advanced practice');
    assert.match(cardText(lastCard(nina, since)), /already a member of Advanced Practice/);
    const again = await bot.invoke(nina, 'channel.join', { channelId: 'advanced-practice' });
    assert.equal(again.status, 200);
    assert.match(cardText(again.card), /already a member/);
    assert.equal(graph.calls.length, graphCalls, 'no Graph call');
    assert.equal(recorder.notices.length, noticesBefore, 'no new notices');
    assert.equal((await app.services.channels.get('advanced-practice'))?.memberCount, count);
  });

  it('offers a choice for an ambiguous name, and joins from the choice', async () => {
    const pat = person('Pat Ambiguous');
    await withProfile(pat);
    const since = connector.sent.length;
    await bot.message(pat, 'join practice');
    const card = lastCard(pat, since);
    const text = cardText(card);
    for (const name of ['Advanced Practice', 'Practice Managers', 'Practice Nursing']) assert.match(text, new RegExp(name));
    assert.ok(cardVerbs(card).filter((v) => v === 'channel.join').length >= 3);
    assert.deepEqual(await app.services.memberships.channelsOf(pat.id), [], 'nothing joined yet');
    const res = await bot.invoke(pat, 'channel.join', actionData(card, 'channel.join'));
    assert.equal(res.status, 200);
    assert.match(cardText(res.card), /Welcome to/);
    assert.equal((await app.services.memberships.channelsOf(pat.id)).length, 1);
  });

  it('suggests the nearest names for an unknown channel, and forgives a typo', async () => {
    const una = person('Una Unknown');
    await withProfile(una);
    let since = connector.sent.length;
    await bot.message(una, 'join practise nursng');
    assert.match(cardText(lastCard(una, since)), /Welcome to Practice Nursing/);
    since = connector.sent.length;
    await bot.message(una, 'join basket weaving');
    const text = cardText(lastCard(una, since));
    assert.match(text, /could not find a channel called “basket weaving”/);
    assert.equal((await app.services.memberships.channelsOf(una.id)).length, 1, 'only the typo join');
  });

  it('leaves a channel, idempotently, and lists my channels', async () => {
    const leo = person('Leo Leaver');
    await withProfile(leo);
    await bot.message(leo, 'join nurses');
    const before = (await app.services.channels.get('practice-nursing'))!.memberCount;
    let since = connector.sent.length;
    await bot.message(leo, 'my channels');
    assert.match(cardText(lastCard(leo, since)), /Practice Nursing/);
    since = connector.sent.length;
    await bot.message(leo, 'leave nurses');
    assert.match(lastText(leo, since), /You have left Practice Nursing/);
    assert.equal((await app.services.channels.get('practice-nursing'))!.memberCount, before - 1);
    assert.equal(await app.services.memberships.getMember('practice-nursing', leo.id), null);
    since = connector.sent.length;
    const res = await bot.invoke(leo, 'channel.leave', { channelId: 'practice-nursing' });
    assert.equal(res.status, 200);
    assert.match(String(res.body.value), /not a member of Practice Nursing/);
    await bot.message(leo, 'my channels');
    assert.match(cardText(lastCard(leo, since)), /not in any Community of Practice yet/);
  });

  for (const scope of ['groupChat', 'channel'] as const) {
    it(`joins from a ${scope === 'channel' ? 'channel @mention' : 'group chat'}; the welcome goes to the 1:1 chat`, async () => {
      const gia = person(`Gia ${scope}`);
      await withProfile(gia);
      const since = connector.sent.length;
      await bot.message(gia, 'join anp', scope);
      assert.match(lastText(gia, since, scope), /you have joined Advanced Practice\. I have sent your welcome to our 1:1 chat/);
      const welcome = recorder.to(gia.id, 'channel-welcome:advanced-practice:');
      assert.equal(welcome.length, 1);
      assert.match(cardText(welcome[0].card), /Welcome to Advanced Practice/);
      assert.ok(await app.services.memberships.getMember('advanced-practice', gia.id));
    });
  }

  it('adds a member of a private channel in Teams (team first, then the channel)', async () => {
    const fay = person('Fay Private');
    await withProfile(fay);
    const since = connector.sent.length;
    await bot.message(fay, 'join first five');
    assert.match(cardText(lastCard(fay, since)), /added you to the private channel/);
    const added = graph.callsTo(/\/channels\/[^/]+\/members$/).filter((c) => c.body['user@odata.bind'].includes(fay.id));
    assert.equal(added.length, 1);
    assert.equal(decodeURIComponent(added[0].path.split('/')[5]), FIRST_FIVE_THREAD);
    assert.ok(graph.teams.get(TEAM)!.channels.get(FIRST_FIVE_THREAD)!.members.has(fay.id));
    const m = await app.services.memberships.getMember('first-five', fay.id);
    assert.ok(m?.graphMemberId, 'the Graph membership id is kept for leaving');
    await bot.message(fay, 'leave first five');
    assert.equal(graph.teams.get(TEAM)!.channels.get(FIRST_FIVE_THREAD)!.members.has(fay.id), false, 'removed in Teams on leave');
  });

  it('turns a join of an approval channel into a request the leads decide; the first decision wins', async () => {
    const rae = person('Rae Requester');
    const nosy = person('Nosy Member');
    await withProfile(rae);
    await withProfile(nosy);
    const since = connector.sent.length;
    await bot.message(rae, 'join mentoring');
    assert.match(cardText(lastCard(rae, since)), /Request sent to Mentoring and Critical Friends/);
    assert.equal(await app.services.memberships.getMember('mentoring', rae.id), null);
    assert.equal((await app.services.memberships.getRequest('mentoring', rae.id))?.status, 'pending');
    // Asking twice is safe.
    const again = connector.sent.length;
    await bot.message(rae, 'join mentoring');
    assert.match(cardText(lastCard(rae, again)), /already asked to join/);
    assert.equal(recorder.to(lead.id, `channel-request:mentoring:${rae.id}:`).length, 1, 'one request notice per lead');
    const requestCard = recorder.to(lead2.id, `channel-request:mentoring:${rae.id}:`)[0].card;
    assert.deepEqual(cardVerbs(requestCard).sort(), ['channel.request.approve', 'channel.request.decline']);

    const forbidden = await bot.invoke(nosy, 'channel.request.approve', actionData(requestCard, 'channel.request.approve'));
    assert.equal(forbidden.status, 403);
    assert.equal(forbidden.body.type, 'application/vnd.microsoft.error');
    assert.equal((await app.services.memberships.getRequest('mentoring', rae.id))?.status, 'pending', 'nothing changed');

    const [a, b] = await Promise.all([
      bot.invoke(lead, 'channel.request.approve', actionData(requestCard, 'channel.request.approve')),
      bot.invoke(lead2, 'channel.request.approve', actionData(requestCard, 'channel.request.approve')),
    ]);
    assert.equal(a.status, 200);
    assert.equal(b.status, 200);
    const outcomes = [cardText(a.card), cardText(b.card)];
    assert.equal(outcomes.filter((t) => /Approved by you/.test(t)).length, 1, outcomes.join(' | '));
    assert.equal(outcomes.filter((t) => /already approved/.test(t)).length, 1);
    assert.ok(await app.services.memberships.getMember('mentoring', rae.id));
    assert.equal((await app.services.channels.get('mentoring'))?.memberCount, 1);
    assert.ok(graph.teams.get(TEAM)!.channels.get(MENTORING_THREAD)!.members.has(rae.id), 'added to the private channel in Teams');
    const outcome = recorder.to(rae.id, 'channel-request-approved:mentoring:');
    assert.equal(outcome.length, 1);
    assert.match(cardText(outcome[0].card), /Welcome to Mentoring and Critical Friends/);
  });

  it('tells the person when a lead declines, with the reason', async () => {
    const dee = person('Dee Declined');
    await withProfile(dee);
    await bot.message(dee, 'join mentoring');
    const card = recorder.to(lead.id, `channel-request:mentoring:${dee.id}:`)[0].card;
    const res = await bot.invoke(lead, 'channel.request.decline', actionData(card, 'channel.request.decline', { reason: 'The group is full until September.' }));
    assert.equal(res.status, 200);
    assert.match(cardText(res.card), /Declined by you/);
    assert.equal(await app.services.memberships.getMember('mentoring', dee.id), null);
    const told = recorder.to(dee.id, 'channel-request-declined:mentoring:');
    assert.equal(told.length, 1);
    assert.match(told[0].text, /full until September/);
  });

  describe('proposals', () => {
    const proposal = (name: string) => ({ name, purpose: `A channel for ${name.toLowerCase()} across Kent and Medway.`, hub: 'east-kent', professions: 'practice-nurse,hca', leadIds: '' });

    it('sends a proposal to the coordinators; a non-coordinator cannot approve; a rejection needs and carries a reason', async () => {
      const pia = person('Pia Proposer');
      await withProfile(pia);
      const since = connector.sent.length;
      await bot.message(pia, 'propose channel');
      const form = lastCard(pia, since);
      assert.deepEqual(cardVerbs(form), ['channel.propose']);
      const sent = await bot.invoke(pia, 'channel.propose', actionData(form, 'channel.propose', proposal('Wound Care')));
      assert.equal(sent.status, 200, JSON.stringify(sent.body).slice(0, 300));
      assert.match(cardText(sent.card), /Proposal sent/);
      const review = recorder.to(admin.id, 'channel-proposal:').find((n) => /Wound Care/.test(n.text));
      assert.ok(review, 'the coordinator is asked');
      assert.deepEqual(cardVerbs(review.card).sort(), ['channel.proposal.approve', 'channel.proposal.reject']);

      const denied = await bot.invoke(pia, 'channel.proposal.approve', actionData(review.card, 'channel.proposal.approve'));
      assert.equal(denied.status, 403);
      const leadDenied = await bot.invoke(lead, 'channel.proposal.approve', actionData(review.card, 'channel.proposal.approve'));
      assert.equal(leadDenied.status, 403);
      assert.equal((await app.services.channels.list()).some((c) => c.name === 'Wound Care'), false, 'nothing created');

      const noReason = await bot.invoke(admin, 'channel.proposal.reject', actionData(review.card, 'channel.proposal.reject', { reason: '' }));
      assert.equal(noReason.status, 400);
      const rejected = await bot.invoke(admin, 'channel.proposal.reject', actionData(review.card, 'channel.proposal.reject', { reason: 'Tissue viability already covers this.' }));
      assert.equal(rejected.status, 200);
      assert.match(cardText(rejected.card), /Rejected by you/);
      const told = recorder.to(pia.id, 'channel-proposal-rejected:');
      assert.equal(told.length, 1);
      assert.match(told[0].text, /Tissue viability already covers this/);
      const late = await bot.invoke(admin, 'channel.proposal.approve', actionData(review.card, 'channel.proposal.approve'));
      assert.match(cardText(late.card), /Already rejected/);
      assert.equal((await app.services.channels.list()).some((c) => c.name === 'Wound Care'), false);
    });

    it('creates the channel in Teams on approval and makes the proposer its lead — once, when two coordinators approve at once', async () => {
      const second = person('Sid Second-Coordinator');
      await app.services.roles.set(second.id, [{ role: 'coordinator', hubs: ['east-kent'] }]);
      await bot.message(second, 'hello');
      const pia = person('Piers Proposer');
      await withProfile(pia);
      const sent = await bot.invoke(pia, 'channel.propose', proposal('Diabetes Care'));
      assert.equal(sent.status, 200);
      const card = recorder.to(admin.id, 'channel-proposal:').find((n) => /Diabetes Care/.test(n.text))!.card;
      assert.equal(recorder.to(second.id, 'channel-proposal:').filter((n) => /Diabetes Care/.test(n.text)).length, 1, 'the east-kent coordinator is asked too');
      const createdBefore = graph.callsTo(/\/channels$/).length;
      const [a, b] = await Promise.all([
        bot.invoke(admin, 'channel.proposal.approve', actionData(card, 'channel.proposal.approve')),
        bot.invoke(second, 'channel.proposal.approve', actionData(card, 'channel.proposal.approve')),
      ]);
      const texts = [cardText(a.card), cardText(b.card)];
      assert.equal(texts.filter((t) => /Approved by you/.test(t)).length, 1, texts.join(' | '));
      assert.equal(texts.filter((t) => /Already approved|approving it right now/.test(t)).length, 1, texts.join(' | '));
      const creates = graph.callsTo(/\/channels$/).slice(createdBefore);
      assert.equal(creates.length, 1, 'one Teams channel');
      assert.equal(creates[0].body.displayName, 'Diabetes Care');
      assert.equal(creates[0].body.membershipType, 'standard');
      const made = (await app.services.channels.list()).filter((c) => c.name === 'Diabetes Care');
      assert.equal(made.length, 1);
      assert.deepEqual(made[0].leadIds, [pia.id]);
      assert.equal(made[0].hub, 'east-kent');
      assert.deepEqual(made[0].professions, ['practice-nurse', 'hca']);
      assert.ok(made[0].teamsChannelId, 'linked to the Teams channel');
      assert.equal(made[0].memberCount, 1);
      assert.ok(await app.services.memberships.getMember(made[0].id, pia.id));
      assert.equal(recorder.to(pia.id, 'channel-proposal-approved:').length, 1);
    });
  });

  it('records a guest as a guest, adds them to the team as a guest, and never shows them member lists', async () => {
    const gus = person('Gus Guest', { userRole: 'guest' });
    await withProfile(gus, { profession: 'other', hub: 'kent-medway', pcn: '', organisation: 'University of Kent' });
    const since = connector.sent.length;
    await bot.message(gus, 'join anp');
    assert.match(cardText(lastCard(gus, since)), /Welcome to Advanced Practice/);
    const m = await app.services.memberships.getMember('advanced-practice', gus.id);
    assert.equal(m?.guest, true);
    const call = graph.callsTo(new RegExp(`/teams/${TEAM}/members$`)).find((c) => c.body['user@odata.bind'].includes(gus.id));
    assert.deepEqual(call?.body.roles, ['guest']);
    const notice = recorder.to(lead.id, `channel-joined:advanced-practice:${gus.id}:`)[0];
    assert.match(notice.text, /Guest \(another organisation\)/);
    assert.doesNotMatch(notice.text, /University of Kent/, 'leads do not see a guest’s private details');
    const members = await bot.invoke(gus, 'channel.members', { channelId: 'advanced-practice' });
    assert.equal(members.status, 403);
    const leadView = await bot.invoke(lead, 'channel.members', { channelId: 'advanced-practice' });
    assert.equal(leadView.status, 200);
    const text = cardText(leadView.card);
    assert.match(text, /Gus Guest/);
    assert.doesNotMatch(text, /University of Kent/);
    assert.match(text, /Nina Newcomer/);
  });

  it('reports a Graph 403 in words and records nothing', async () => {
    const fred = person('Fred Forbidden');
    await withProfile(fred);
    graph.fail({ status: 403, match: (r) => r.path.endsWith('/members') });
    const before = (await app.services.channels.get('practice-managers'))!.memberCount;
    const since = connector.sent.length;
    await bot.message(fred, 'join managers');
    assert.match(lastText(fred, since), /did not let me add you to Practice Managers.*Nothing has changed/);
    assert.equal(await app.services.memberships.getMember('practice-managers', fred.id), null);
    assert.equal((await app.services.channels.get('practice-managers'))!.memberCount, before);
    const res = await bot.invoke(fred, 'channel.join', { channelId: 'practice-managers' });
    assert.equal(res.status, 200, 'the fault was one-off: the button works now');
    assert.ok(await app.services.memberships.getMember('practice-managers', fred.id));
  });

  it('waits for a short Retry-After on Graph 429, and reports a long one in words', async () => {
    const tia = person('Tia Throttled');
    await withProfile(tia);
    const calls = graph.calls.length;
    graph.fail({ status: 429, retryAfter: 1, match: (r) => r.path.endsWith('/members') });
    const started = Date.now();
    let since = connector.sent.length;
    await bot.message(tia, 'join managers');
    assert.ok(Date.now() - started >= 900, 'waited for Retry-After');
    assert.match(cardText(lastCard(tia, since)), /Welcome to Practice Managers/);
    assert.equal(graph.calls.slice(calls).filter((c) => c.path.endsWith('/members')).length, 2, 'retried once');

    const tom = person('Tom Throttled');
    await withProfile(tom);
    graph.fail({ status: 429, retryAfter: 120, times: 10, match: (r) => r.path.endsWith('/members') });
    since = connector.sent.length;
    await bot.message(tom, 'join managers');
    graph.clearFaults();
    assert.match(lastText(tom, since), /Microsoft Teams is busy right now.*Nothing has changed.*try again in 120 seconds/);
    assert.equal(await app.services.memberships.getMember('practice-managers', tom.id), null);
  });

  it('lets a lead edit purpose and guidelines; a non-lead gets 403 and nothing changes', async () => {
    const nora = person('Nora NotLead');
    await withProfile(nora);
    const before = await app.services.channels.get('practice-nursing');
    const denied = await bot.invoke(nora, 'channel.update', { channelId: 'practice-nursing', purpose: 'Hijacked purpose text here', guidelines: 'None' });
    assert.equal(denied.status, 403);
    assert.equal(denied.body.type, 'application/vnd.microsoft.error');
    assert.deepEqual(await app.services.channels.get('practice-nursing'), before);
    assert.equal((await bot.invoke(nora, 'channel.edit', { channelId: 'practice-nursing' })).status, 403);

    const since = connector.sent.length;
    await bot.message(lead, 'edit channel nurses');
    const form = lastCard(lead, since);
    assert.deepEqual(cardVerbs(form), ['channel.update']);
    const saved = await bot.invoke(lead, 'channel.update', actionData(form, 'channel.update', { purpose: 'General practice nurses sharing updates across Kent & Medway.', guidelines: 'Tag posts with a topic.' }));
    assert.equal(saved.status, 200);
    assert.match(cardText(saved.card), /Saved/);
    const after = await app.services.channels.get('practice-nursing');
    assert.equal(after?.guidelines, 'Tag posts with a topic.');
    const bad = await bot.invoke(lead, 'channel.update', { channelId: 'practice-nursing', purpose: 'x'.repeat(501) });
    assert.equal(bad.status, 400);
  });

  it('pages and searches the directory from cards', async () => {
    const sam = person('Sam Searcher');
    let since = connector.sent.length;
    await bot.message(sam, 'channels');
    const card = lastCard(sam, since);
    assert.match(cardText(card), /5 channels|6 channels|7 channels/);
    since = connector.sent.length;
    await bot.message(sam, 'channels managers');
    const found = cardText(lastCard(sam, since));
    assert.match(found, /Practice Managers/);
    assert.doesNotMatch(found, /First Five/);
    const page = await bot.invoke(sam, 'channel.directory', { q: '', page: 2 });
    assert.equal(page.status, 200);
    // Joining from the directory keeps the directory (now showing Leave) and sends the welcome.
    await withProfile(sam);
    since = connector.sent.length;
    const joined = await bot.invoke(sam, 'channel.join', { channelId: 'practice-managers', from: 'directory', q: 'managers', page: 1 });
    assert.equal(joined.status, 200);
    assert.match(cardText(joined.card), /You joined Practice Managers/);
    assert.ok(cardVerbs(joined.card).includes('channel.leave'), 'the card now offers Leave');
    assert.match(cardText(lastCard(sam, since)), /Welcome to Practice Managers/);
    const left = await bot.invoke(sam, 'channel.leave', { channelId: 'practice-managers', from: 'directory', q: 'managers', page: 1 });
    assert.match(cardText(left.card), /You have left Practice Managers/);
    assert.ok(cardVerbs(left.card).includes('channel.join'));
    const hostile = await bot.invoke(sam, 'channel.join', { channelId: { $ne: 1 } });
    assert.equal(hostile.status, 400);
    const unknown = await bot.invoke(sam, 'channel.join', { channelId: '../../etc' });
    assert.equal(unknown.status, 400);
  });
});
