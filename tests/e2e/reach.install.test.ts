// Installing the app for people the bot has no chat with, through the notification worker's
// "no conversation" path, against a fake Graph (install) and a fake connector that, like Teams,
// refuses to open a 1:1 chat with someone who does not have the app: once per person, only for
// notices the person caused (reminder, booking), never for someone who removed it themselves,
// refusals recorded and counted for coordinators, Graph throttling retried. And people search's
// Graph directory source (GET /api/people and the cards' application/search), with throttling.
import { strict as assert } from 'node:assert';
import { startTestApp, api, type TestApp } from '../helpers/testApp.js';
import { FakeConnector } from '../helpers/fakeConnector.js';
import { FakeEntra } from '../helpers/fakeEntra.js';
import { FakeGraph } from '../helpers/fakeGraph.js';
import { FakeGraphReach } from '../helpers/fakeGraphReach.js';
import { BotClient, TEST_TENANT } from '../helpers/botClient.js';
import { newUserId } from '../helpers/ids.js';
import { eventually } from '../helpers/notifications.js';

const CATALOG_ID = '0f9c7a52-1111-4222-8333-0123456789ab';
const TEAMS_APP_ID = '5b5e7a0e-1111-4222-8333-444444444444';
const FAST = { pollIdleMs: 100, schedulerTickMs: 100, retryBaseMs: 200, jobRetryBaseMs: 200, heartbeatMs: 500 };

describe('installing the app for people the bot cannot reach (Graph)', function () {
  this.timeout(60_000);
  let app: TestApp;
  let connector: FakeConnector;
  let entra: FakeEntra;
  let graph: FakeGraph;
  let reach: FakeGraphReach;
  let bot: BotClient;
  const coordinator = { id: newUserId(), name: 'Cora Ordinator' };

  const installCalls = (userId: string) => graph.callsTo(new RegExp(`^/v1\\.0/users/${userId}/teamwork/installedApps$`));
  const settled = (userId: string, key: string) =>
    eventually(() => app.background.notificationStore.get(userId, key), (r) => !!r && r.status !== 'pending' && r.status !== 'sending', 15_000, `notice ${key} settled`).then((r) => r!);

  before(async () => {
    connector = await FakeConnector.start();
    entra = await FakeEntra.start();
    graph = await FakeGraph.start();
    reach = new FakeGraphReach(graph);
    reach.catalogue.add(CATALOG_ID);
    // Like Teams: a 1:1 chat opens only with someone who has the app.
    connector.interceptor = (req) => {
      if (req.path !== '/v3/conversations' || req.method !== 'POST') return undefined;
      const member = ((req.body as any)?.members ?? [])[0]?.id;
      return reach.installed.has(member) ? undefined : { status: 403, body: { error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' } } };
    };
    app = await startTestApp(
      {
        ADMIN_AAD_OBJECT_IDS: coordinator.id,
        HOME_TENANT_ID: TEST_TENANT,
        GRAPH_MODE: 'app',
        GRAPH_BASE_URL: graph.url,
        GRAPH_CLIENT_ID: '11111111-2222-4333-8444-555555555555',
        GRAPH_CLIENT_SECRET: 'graph-secret',
        GRAPH_TENANT_ID: TEST_TENANT,
        AZURE_AUTHORITY_HOST: entra.url,
        TEAMS_APP_CATALOG_ID: CATALOG_ID,
        TEAMS_APP_ID: TEAMS_APP_ID,
        PUBLIC_URL: 'https://cafe.example.org',
      },
      { background: FAST },
    );
    bot = new BotClient(app.url, connector);
    // The tenant's service URL is known once anyone has talked to the bot.
    await bot.message(coordinator, 'hello');
  });
  after(async () => {
    assert.deepEqual(graph?.problems ?? [], [], 'every Graph request was one Graph accepts');
    await app?.close();
    await connector?.close();
    await entra?.close();
    await graph?.close();
  });

  it('installs the app for someone with no chat, opens it and sends — a reminder for their own booking', async () => {
    const nia = newUserId();
    await app.services.notifier.notify(nia, { text: 'Your PLT session starts in 1 hour.' }, `reminder:e1:${nia}:3600000`, 'reminder');
    const record = await settled(nia, `reminder:e1:${nia}:3600000`);
    assert.equal(record.status, 'sent', record.reason);
    const calls = installCalls(nia);
    assert.equal(calls.length, 1);
    assert.equal(calls[0].body['teamsApp@odata.bind'], `${graph.url}/appCatalogs/teamsApps/${CATALOG_ID}`);
    assert.match(calls[0].authorization ?? '', /^Bearer /);
    assert.ok(connector.sent.some((s) => s.conversationId === `a:1${nia}` && /starts in 1 hour/.test(s.activity.text ?? '')));
    const onRecord = await app.services.installs.get(nia);
    assert.deepEqual([onRecord?.state, onRecord?.by], ['installed', 'app']);

    // The chat is known now: the next notice needs no Graph at all.
    await app.services.notifier.notify(nia, { text: 'You have a place.' }, `promoted:e2:${nia}:1`, 'booking');
    assert.equal((await settled(nia, `promoted:e2:${nia}:1`)).status, 'sent');
    assert.equal(installCalls(nia).length, 1, 'installed once');
  });

  it('never installs for notices the person did not cause (a lead told about someone else, a coordinator’s proposal)', async () => {
    const lena = newUserId();
    await app.services.notifier.notify(lena, { text: 'Someone joined your channel.' }, `channel-joined:c1:x:1:${lena}`, 'channel');
    await app.services.notifier.notify(lena, { text: 'A facilitation offer.' }, `facilitation-offer:r1:${lena}`, 'facilitation');
    const a = await settled(lena, `channel-joined:c1:x:1:${lena}`);
    const b = await settled(lena, `facilitation-offer:r1:${lena}`);
    assert.deepEqual([a.status, a.reason], ['failed', 'http-403']);
    assert.deepEqual([b.status, b.reason], ['failed', 'http-403']);
    assert.equal(installCalls(lena).length, 0);
    assert.equal(await app.services.installs.get(lena), null);
  });

  it('records a refusal once: the notice fails with install-refused, later ones do not ask Graph again, coordinators see the count', async () => {
    const rob = newUserId();
    reach.blocked.add(rob);
    await app.services.notifier.notify(rob, { text: 'Reminder.' }, `reminder:e3:${rob}:1`, 'reminder');
    const first = await settled(rob, `reminder:e3:${rob}:1`);
    assert.deepEqual([first.status, first.reason], ['failed', 'install-refused']);
    await app.services.notifier.notify(rob, { text: 'Reminder.' }, `reminder:e3:${rob}:2`, 'reminder');
    const second = await settled(rob, `reminder:e3:${rob}:2`);
    assert.deepEqual([second.status, second.reason], ['failed', 'install-refused']);
    assert.equal(installCalls(rob).length, 1, 'Graph asked once per person');
    assert.deepEqual([(await app.services.installs.get(rob))?.state, (await app.services.installs.get(rob))?.reason], ['refused', 'http-403']);
    const summary = await api(app, '/api/notifications/summary', { user: coordinator.id, name: coordinator.name });
    assert.equal(summary.status, 200);
    assert.ok(summary.body.reasons['install-refused'] >= 2, JSON.stringify(summary.body.reasons));
    assert.ok(!JSON.stringify(summary.body).includes(rob), 'counts only');
  });

  it('never installs for someone who removed the app themselves', async () => {
    const sam = { id: newUserId(), name: 'Sam Removed' };
    await bot.message(sam, 'hello');
    const removed = await bot.post(bot.activity(sam, 'personal', { type: 'installationUpdate', action: 'remove' }));
    assert.ok(removed.status < 300, String(removed.status));
    assert.equal((await app.services.installs.get(sam.id))?.state, 'removed');
    assert.equal(await app.services.conversations.getPersonal(sam.id), null, 'the chat is forgotten');
    await app.services.notifier.notify(sam.id, { text: 'Reminder.' }, `reminder:e4:${sam.id}:1`, 'reminder');
    const r = await settled(sam.id, `reminder:e4:${sam.id}:1`);
    assert.deepEqual([r.status, r.reason], ['failed', 'install-removed']);
    assert.equal(installCalls(sam.id).length, 0);

    // Adding the app again themselves lifts it.
    await bot.post(bot.activity(sam, 'personal', { type: 'installationUpdate', action: 'add' }));
    assert.deepEqual([(await app.services.installs.get(sam.id))?.state, (await app.services.installs.get(sam.id))?.by], ['installed', 'person']);
  });

  it('backs off when Graph throttles the install, then installs and sends', async () => {
    const tia = newUserId();
    graph.fail({ status: 429, retryAfter: 1, times: 2, match: (req) => req.path.includes(`/users/${tia}/teamwork/installedApps`) });
    await app.services.notifier.notify(tia, { text: 'Reminder.' }, `reminder:e5:${tia}:1`, 'reminder');
    const r = await settled(tia, `reminder:e5:${tia}:1`);
    assert.equal(r.status, 'sent', r.reason);
    assert.equal(installCalls(tia).length, 3, 'two throttled, one installed');
    assert.equal((await app.services.installs.get(tia))?.state, 'installed');
  });

  describe('people search with the Graph directory', () => {
    const dana = { id: newUserId(), displayName: 'Dana Directory', mail: 'dana.directory@nhs.net', userPrincipalName: 'dana.directory@nhs.net' };
    const ext = { id: newUserId(), displayName: 'Dana Outsider', mail: 'dana@example.com', userPrincipalName: 'dana_example.com#EXT#@tenant.onmicrosoft.com' };
    const people = (q: string) => api(app, `/api/people?q=${encodeURIComponent(q)}`, { user: coordinator.id, name: coordinator.name });
    before(() => {
      reach.users.push(dana, ext);
    });

    it('finds people the app has never met, by name, with ConsistencyLevel: eventual and only the fields it needs', async () => {
      const res = await people('dana dir');
      assert.equal(res.status, 200);
      assert.deepEqual(res.body.items, [{ id: dana.id, name: 'Dana Directory', email: 'dana.directory@nhs.net' }]);
      const call = graph.calls.filter((c) => c.method === 'GET' && c.path === '/v1.0/users').at(-1);
      assert.ok(call, 'Graph was asked');
      // Coordinators also see guests, marked; the card typeahead answers the same search.
      const all = await people('dana');
      assert.deepEqual(all.body.items.map((p: { name: string; guest?: boolean }) => [p.name, !!p.guest]), [['Dana Directory', false], ['Dana Outsider', true]]);
      const typeahead = await bot.search(coordinator, 'dana dir');
      assert.deepEqual(typeahead.body.value.results, [{ title: 'Dana Directory', value: dana.id }]);
    });

    it('waits out a short Retry-After, and answers with the people it knows when Graph stays busy', async () => {
      graph.fail({ status: 429, retryAfter: 1, match: (req) => req.path === '/v1.0/users' });
      const started = Date.now();
      const res = await people('dana dir');
      assert.equal(res.body.items.length, 1);
      assert.ok(Date.now() - started >= 900, 'waited for Retry-After');
      graph.fail({ status: 429, retryAfter: 30, times: 5, match: (req) => req.path === '/v1.0/users' });
      const busy = await people('cora');
      assert.equal(busy.status, 200);
      assert.deepEqual(busy.body.items.map((p: { id: string }) => p.id), [coordinator.id], 'the people the app knows still answer');
      graph.clearFaults();
    });
  });

  it('"my data" shows the install record; "forget me" erases it, but keeps that someone removed the app', async () => {
    const ivy = newUserId();
    await app.services.notifier.notify(ivy, { text: 'Reminder.' }, `reminder:e7:${ivy}:1`, 'reminder');
    assert.equal((await settled(ivy, `reminder:e7:${ivy}:1`)).status, 'sent');
    const actor = (id: string) => ({ id, name: 'X', guest: false, roles: [] });
    const mine = (await app.services.privacy.export(actor(ivy))) as unknown as Record<string, any>;
    assert.equal(JSON.stringify(mine).includes('"appInstall"'), true);
    await app.services.privacy.forget(actor(ivy));
    assert.equal(await app.services.installs.get(ivy), null);
    const rem = { id: newUserId(), name: 'Rem' };
    await bot.post(bot.activity(rem, 'personal', { type: 'installationUpdate', action: 'remove' }));
    await app.services.privacy.forget(actor(rem.id));
    assert.equal((await app.services.installs.get(rem.id))?.state, 'removed');
  });

  describe('activity feed', () => {
    const reminder = (eventId: string) => ({ text: 'Reminder: “Asthma update” starts tomorrow.', feed: { activityType: 'eventReminder' as const, eventId, title: 'Asthma update', when: 'tomorrow' } });
    const withChat = async (name: string) => {
      const p = { id: newUserId(), name };
      await bot.message(p, 'hello');
      reach.installed.set(p.id, { installationId: 'i', appId: CATALOG_ID, chatId: 'c' });
      return p;
    };

    it('sends reminders and waitlist places to the feed too, for people who turned it on, with a deep link to the event', async () => {
      const fay = await withChat('Fay Feed');
      const res = await api(app, '/api/me/notification-settings', { method: 'PUT', user: fay.id, name: fay.name, body: { activityFeed: true } });
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.settings.activityFeed, true);
      await app.services.notifier.notify(fay.id, reminder('e0123456789abcdef'), `reminder:e0123456789abcdef:${fay.id}:86400000`, 'reminder');
      await eventually(async () => reach.activities.filter((a) => a.userId === fay.id), (a) => a.length === 1, 10_000, 'feed notice sent');
      const [notice] = reach.activities.filter((a) => a.userId === fay.id);
      assert.equal(notice.body.activityType, 'eventReminder');
      assert.equal(notice.body.topic.source, 'text');
      assert.equal(notice.body.topic.value, 'Asthma update');
      const link = new URL(notice.body.topic.webUrl);
      assert.equal(link.origin + link.pathname, `https://teams.microsoft.com/l/entity/${TEAMS_APP_ID}/calendar`);
      assert.equal(link.searchParams.get('webUrl'), 'https://cafe.example.org/tab/events/e0123456789abcdef');
      assert.deepEqual(JSON.parse(link.searchParams.get('context')!), { subEntityId: 'events/e0123456789abcdef' });
      assert.match(notice.body.previewText.content, /starts tomorrow/);
      assert.deepEqual(notice.body.templateParameters, [{ name: 'eventTitle', value: 'Asthma update' }, { name: 'when', value: 'tomorrow' }]);
      assert.equal((await settled(fay.id, `reminder:e0123456789abcdef:${fay.id}:86400000`)).status, 'sent', 'the chat reminder too');

      // A waitlist place.
      await app.services.notifier.notify(fay.id, { text: 'A place came up.', feed: { activityType: 'placeOffered', eventId: 'e0123456789abcdee', title: 'Sepsis' } }, `promoted:e0123456789abcdee:${fay.id}:1`, 'booking');
      await eventually(async () => reach.activities.filter((a) => a.userId === fay.id), (a) => a.length === 2, 10_000, 'second feed notice');
      assert.equal(reach.activities.filter((a) => a.userId === fay.id)[1].body.activityType, 'placeOffered');
      // The same notice again is nothing new.
      await app.services.notifier.notify(fay.id, reminder('e0123456789abcdef'), `reminder:e0123456789abcdef:${fay.id}:86400000`, 'reminder');
      await new Promise((r) => setTimeout(r, 600));
      assert.equal(reach.activities.filter((a) => a.userId === fay.id).length, 2, 'exactly once');
    });

    it('is off by default: only the chat reminder goes', async () => {
      const gil = await withChat('Gil Default');
      await app.services.notifier.notify(gil.id, reminder('e0123456789abcdef'), `reminder:e0123456789abcdef:${gil.id}:86400000`, 'reminder');
      assert.equal((await settled(gil.id, `reminder:e0123456789abcdef:${gil.id}:86400000`)).status, 'sent');
      await new Promise((r) => setTimeout(r, 400));
      assert.equal(reach.activities.filter((a) => a.userId === gil.id).length, 0);
      const settings = await api(app, '/api/me/notification-settings', { user: gil.id, name: gil.name });
      assert.equal(settings.body.settings.activityFeed, false);
    });
  });

  it('two notices at once install once', async () => {
    const two = newUserId();
    await Promise.all([
      app.services.notifier.notify(two, { text: 'a' }, `reminder:e6:${two}:1`, 'reminder'),
      app.services.notifier.notify(two, { text: 'b' }, `promoted:e6:${two}:1`, 'booking'),
    ]);
    const [a, b] = await Promise.all([settled(two, `reminder:e6:${two}:1`), settled(two, `promoted:e6:${two}:1`)]);
    assert.ok(installCalls(two).length === 1, `one install call, got ${installCalls(two).length}`);
    assert.deepEqual([a.status, b.status], ['sent', 'sent'], `${a.reason} ${b.reason}`);
  });
});
