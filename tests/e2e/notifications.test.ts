// Notices through the real app: queued in Azurite, sent through botbuilder to a fake Bot Connector,
// recorded per person and key. Settings by command, card and API; coordinators' counts; personal data.
import { strict as assert } from 'node:assert';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { startTestApp, api, type TestApp } from '../helpers/testApp.js';
import { FakeConnector } from '../helpers/fakeConnector.js';
import { BotClient, TEST_TENANT, cardText } from '../helpers/botClient.js';
import { newUserId } from '../helpers/ids.js';
import { eventually, makeReachable, personalConversationId, sleep } from '../helpers/notifications.js';
import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { SendJournal } from '../../src/jobs/sendJournal.js';
import { noticeRowKey } from '../../src/storage/notificationStore.js';

/** A pid that belonged to a process that has exited. */
const deadPid = () => Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString());

const FAST = { pollIdleMs: 100, schedulerTickMs: 100, retryBaseMs: 200, jobRetryBaseMs: 200, heartbeatMs: 500 };

describe('notifications', function () {
  this.timeout(30_000);
  let app: TestApp;
  let connector: FakeConnector;
  let bot: BotClient;
  const coordinator = { id: newUserId(), name: 'Cora Ordinator' };
  const logLines: string[] = [];

  before(async () => {
    connector = await FakeConnector.start();
    const sink = new Writable({
      write(chunk, _enc, done) {
        logLines.push(String(chunk));
        done();
      },
    });
    app = await startTestApp({ ADMIN_AAD_OBJECT_IDS: coordinator.id, HOME_TENANT_ID: TEST_TENANT }, { background: FAST, logger: pino({ level: 'info' }, sink) });
    bot = new BotClient(app.url, connector);
  });
  afterEach(() => {
    connector.interceptor = undefined;
  });
  after(async () => {
    await app?.close();
    await connector?.close();
  });

  const record = (userId: string, key: string) => app.background.notificationStore.get(userId, key);
  const settled = async (userId: string, key: string) => {
    const r = await eventually(() => record(userId, key), (r) => !!r && r.status !== 'pending' && r.status !== 'sending', 10_000, `notice ${key} settled`);
    return r!;
  };

  it('sends a notice once however often it is notified, keeps no text once sent, and logs counts only', async () => {
    const person = newUserId();
    await makeReachable(app.services.conversations, connector, [person]);
    const key = `promoted:event-1:${person}:1`;
    const message = { text: 'Good news: you have a place on Wound care update (Tue 3 March).' };
    await Promise.all([1, 2, 3].map(() => app.services.notifier.notify(person, message, key, 'booking')));
    await app.services.notifier.notify(person, message, key, 'booking');
    const done = await settled(person, key);
    assert.equal(done.status, 'sent');
    assert.equal(done.text, undefined, 'text dropped once sent');
    await app.services.notifier.notify(person, message, key, 'booking');
    await sleep(500);
    const received = connector.to(personalConversationId(person));
    assert.equal(received.length, 1);
    assert.equal(received[0].activity.text, message.text);
    // The same key for another person is their own notice.
    const lead = newUserId();
    await makeReachable(app.services.conversations, connector, [lead]);
    await app.services.notifier.notify(lead, { text: 'A new member joined' }, key, 'channel');
    assert.equal((await settled(lead, key)).status, 'sent');

    await app.background.stop().catch(() => undefined); // flushes the tallies to the log
    await restartBackground();
    const text = logLines.join('');
    assert.match(text, /notifications delivered/);
    assert.ok(!text.includes('Wound care'), 'no message text in logs');
    assert.ok(!text.includes(person), 'no recipient ids in logs');
  });

  async function restartBackground() {
    // A fresh app on the same tables (the old one's workers are stopped).
    const prefix = app.prefix;
    await app.close();
    app = await startTestApp({ STORAGE_PREFIX: prefix, ADMIN_AAD_OBJECT_IDS: coordinator.id, HOME_TENANT_ID: TEST_TENANT }, { background: FAST });
    bot = new BotClient(app.url, connector);
  }

  it('sends cards with their text as the summary', async () => {
    const person = newUserId();
    await makeReachable(app.services.conversations, connector, [person]);
    const card = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Offer: observe a session', wrap: true }], fallbackText: 'Offer' };
    await app.services.notifier.notify(person, { text: 'A facilitation offer for you', card }, `facilitation-offer:r1:${person}`, 'facilitation');
    await settled(person, `facilitation-offer:r1:${person}`);
    const [sent] = connector.to(personalConversationId(person));
    assert.equal(sent.activity.summary, 'A facilitation offer for you');
    assert.match(cardText(sent.activity.attachments?.[0].content), /observe a session/);
  });

  it('skips kinds a person turned off, but never facilitation', async () => {
    const person = newUserId();
    await makeReachable(app.services.conversations, connector, [person]);
    const res = await api(app, '/api/me/notification-settings', { method: 'PUT', user: person, body: { reminder: false, channel: 'off' } });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.settings, { reminder: false, booking: true, feedback: true, channel: false, facilitation: true, activityFeed: false });
    await app.services.notifier.notify(person, { text: 'Reminder' }, `reminder:e1:${person}:3600000`, 'reminder');
    await app.services.notifier.notify(person, { text: 'Offer' }, `facilitation-offer:r2:${person}`, 'facilitation');
    await app.services.notifier.notify(person, { text: 'Promoted' }, `promoted:e1:${person}:1`, 'booking');
    assert.equal((await settled(person, `reminder:e1:${person}:3600000`)).status, 'skipped');
    assert.equal((await settled(person, `facilitation-offer:r2:${person}`)).status, 'sent');
    assert.equal((await settled(person, `promoted:e1:${person}:1`)).status, 'sent');
    assert.deepEqual(
      connector.to(personalConversationId(person)).map((s) => s.activity.text).sort(),
      ['Offer', 'Promoted'],
    );
  });

  it('waits for Retry-After on 429 and then delivers once', async () => {
    const person = newUserId();
    await makeReachable(app.services.conversations, connector, [person]);
    const conversation = personalConversationId(person);
    const attempts: number[] = [];
    connector.interceptor = (req) => {
      if (!req.path.includes(encodeURIComponent(conversation)) && !req.path.includes(conversation)) return undefined;
      attempts.push(Date.now());
      return attempts.length <= 2 ? { status: 429, headers: { 'retry-after': '1' }, body: { error: { code: 'Throttled' } } } : undefined;
    };
    await app.services.notifier.notify(person, { text: 'Reminder: tomorrow' }, `reminder:e2:${person}:86400000`, 'reminder');
    const done = await settled(person, `reminder:e2:${person}:86400000`);
    assert.equal(done.status, 'sent');
    assert.equal(done.throttled, 2);
    assert.equal(attempts.length, 3, 'no hidden retries by the SDK');
    assert.ok(attempts[1] - attempts[0] >= 950 && attempts[2] - attempts[1] >= 950, `waited for Retry-After: ${attempts.map((a) => a - attempts[0])}`);
    assert.equal(connector.to(conversation).length, 1);
  });

  it('retries 5xx with backoff, and records 403 and 404 as failed without retrying', async () => {
    const [flaky, gone, missing] = [newUserId(), newUserId(), newUserId()];
    await makeReachable(app.services.conversations, connector, [flaky, gone, missing]);
    const calls = new Map<string, number>();
    connector.interceptor = (req) => {
      const who = [flaky, gone, missing].find((u) => req.path.includes(encodeURIComponent(personalConversationId(u))) || req.path.includes(personalConversationId(u)));
      if (!who) return undefined;
      calls.set(who, (calls.get(who) ?? 0) + 1);
      if (who === gone) return { status: 403, body: { error: { code: 'BotNotInConversationRoster' } } };
      if (who === missing) return { status: 404, body: { error: { code: 'ConversationNotFound' } } };
      return (calls.get(who) ?? 0) <= 2 ? { status: 502, body: {} } : undefined;
    };
    await app.services.notifier.notify(flaky, { text: 'x' }, 'booking-changed:e3:a', 'booking');
    await app.services.notifier.notify(gone, { text: 'x' }, 'booking-changed:e3:b', 'booking');
    await app.services.notifier.notify(missing, { text: 'x' }, 'booking-changed:e3:c', 'booking');
    assert.equal((await settled(flaky, 'booking-changed:e3:a')).status, 'sent');
    const failedGone = await settled(gone, 'booking-changed:e3:b');
    const failedMissing = await settled(missing, 'booking-changed:e3:c');
    assert.deepEqual([failedGone.status, failedGone.reason], ['failed', 'http-403']);
    assert.deepEqual([failedMissing.status, failedMissing.reason], ['failed', 'http-404']);
    await sleep(800);
    assert.deepEqual([calls.get(flaky), calls.get(gone), calls.get(missing)], [3, 1, 1]);

    const summary = await api(app, '/api/notifications/summary', { user: coordinator.id, name: coordinator.name });
    assert.equal(summary.status, 200);
    assert.ok(summary.body.failed >= 2);
    assert.ok(summary.body.reasons['http-403'] >= 1 && summary.body.reasons['http-404'] >= 1);
    assert.ok(summary.body.byKind.booking.failed >= 2);
    assert.equal(typeof summary.body.pending, 'number');
    assert.ok(!JSON.stringify(summary.body).includes(gone), 'counts only');
    const member = await api(app, '/api/notifications/summary', { user: flaky, name: 'Member' });
    assert.equal(member.status, 403);
  });

  it('opens the 1:1 chat when only the person’s id is known, and fails clearly when it cannot', async () => {
    const stranger = newUserId();
    // The tenant's service URL is learnt from any conversation (here: someone else's message).
    await bot.message({ id: newUserId(), name: 'Someone' }, 'help');
    const before = connector.created.length;
    await app.services.notifier.notify(stranger, { text: 'Welcome to Practice Nursing' }, `channel-joined:c1:${stranger}`, 'channel');
    assert.equal((await settled(stranger, `channel-joined:c1:${stranger}`)).status, 'sent');
    assert.equal(connector.created.length, before + 1);
    const created = connector.created[connector.created.length - 1];
    assert.equal(created.members[0].id, stranger);
    assert.equal(connector.to(created.id).length, 1);
    assert.ok(await app.services.conversations.getPersonal(stranger), 'reference kept for next time');

    connector.interceptor = (req) => (req.path === '/v3/conversations' ? { status: 403, body: { error: { code: 'BotNotInstalled' } } } : undefined);
    const notInstalled = newUserId();
    await app.services.notifier.notify(notInstalled, { text: 'x' }, `channel-joined:c1:${notInstalled}`, 'channel');
    assert.deepEqual(
      await settled(notInstalled, `channel-joined:c1:${notInstalled}`).then((r) => [r.status, r.reason]),
      ['failed', 'http-403'],
    );
  });

  it('treats a claim left by a dead worker as delivered and never sends it again', async () => {
    const person = newUserId();
    await makeReachable(app.services.conversations, connector, [person]);
    const store = app.background.notificationStore;
    await store.create({ userId: person, key: 'reminder:e9:x', kind: 'reminder', text: 'x' }, new Date());
    const pending = await store.get(person, 'reminder:e9:x');
    await store.update(pending!, { status: 'sending', claimedBy: 'dead-host:1:abc', claimedAt: new Date(Date.now() - 3600_000), attempts: 1 });
    await app.services.notifier.notify(person, { text: 'x' }, 'reminder:e9:x', 'reminder'); // no-op: being sent
    const q = app.services.storage.queue('notifications');
    await q.sendMessage(Buffer.from(JSON.stringify({ u: person, k: 'reminder:e9:x' })).toString('base64'));
    const done = await settled(person, 'reminder:e9:x');
    assert.deepEqual([done.status, done.reason], ['unconfirmed', 'worker-lost']);
    assert.equal(connector.to(personalConversationId(person)).length, 0);
  });

  it('reads a dead process’s send journal: resends a claim whose request never left, never one whose request did', async () => {
    const [neverLeft, left] = [newUserId(), newUserId()];
    await makeReachable(app.services.conversations, connector, [neverLeft, left]);
    const deadInstance = `${hostname()}:${deadPid()}:dead0000`;
    const journal = new SendJournal(app.background.tuning.journalDir, app.prefix, deadInstance, 1);
    assert.ok(journal.open());
    const store = app.background.notificationStore;
    const key = 'promoted:e8:1';
    const leftAt = new Date(Date.now() - 1000);
    const neverLeftAt = new Date(Date.now() - 900);
    for (const [userId, at] of [[left, leftAt], [neverLeft, neverLeftAt]] as const) {
      await store.create({ userId, key, kind: 'booking', text: `You have a place (${userId === left ? 'A' : 'B'})` }, new Date());
      await store.claim((await store.get(userId, key))!, deadInstance, at);
    }
    // The dead lane handed `left` to the transport, then claimed `neverLeft` and died before its turn.
    journal.wire(0, left, noticeRowKey(key), leftAt);
    const q = app.services.storage.queue('notifications');
    for (const userId of [left, neverLeft]) await q.sendMessage(Buffer.from(JSON.stringify({ u: userId, k: key })).toString('base64'));
    assert.equal((await settled(neverLeft, key)).status, 'sent');
    assert.deepEqual(await settled(left, key).then((r) => [r.status, r.reason]), ['unconfirmed', 'worker-lost']);
    await sleep(500);
    assert.equal(connector.to(personalConversationId(neverLeft)).length, 1);
    assert.equal(connector.to(personalConversationId(left)).length, 0, 'never sent twice');
    journal.close();
  });

  it('withdraws a notice that has not gone out, and not one that has', async () => {
    const person = newUserId();
    await makeReachable(app.services.conversations, connector, [person]);
    const notifier = app.services.notifier;
    await notifier.notify(person, { text: 'Sent already' }, 'reminder:e7:sent', 'reminder');
    await settled(person, 'reminder:e7:sent');
    assert.equal(await notifier.withdraw?.(person, 'reminder:e7:sent'), false);
    // Held back by a struggling connector, then withdrawn before its retry.
    connector.interceptor = (req) => (req.path.includes(encodeURIComponent(personalConversationId(person))) ? { status: 503, body: {} } : undefined);
    await notifier.notify(person, { text: 'Cancelled booking' }, 'reminder:e7:held', 'reminder');
    await eventually(() => record(person, 'reminder:e7:held'), (r) => r?.status === 'pending' && r.attempts >= 1, 5000, 'first attempt failed');
    assert.equal(await notifier.withdraw?.(person, 'reminder:e7:held'), true);
    connector.interceptor = undefined;
    assert.deepEqual(await record(person, 'reminder:e7:held').then((r) => [r?.status, r?.reason]), ['skipped', 'withdrawn']);
    assert.equal(await notifier.withdraw?.(person, 'reminder:e7:never'), false);
    await sleep(1500);
    assert.deepEqual(connector.to(personalConversationId(person)).map((s) => s.activity.text), ['Sent already']);
  });

  it('refuses malformed notices from callers', async () => {
    const n = app.services.notifier;
    await assert.rejects(n.notify('bad/id', { text: 'x' }, 'k'), /recipient/);
    await assert.rejects(n.notify(newUserId(), { text: '' }, 'k'), /text/);
    await assert.rejects(n.notify(newUserId(), { text: 'x' }, ''), /key/);
    await assert.rejects(n.notify(newUserId(), { text: 'x'.repeat(30_000) }, 'k'), /too long/);
  });

  describe('settings', () => {
    const person = { id: newUserId(), name: 'Nia Nurse' };

    it('shows the settings card in 1:1 chat and changes one kind by text', async () => {
      let since = connector.sent.length;
      await bot.message(person, 'settings');
      let [card] = bot.cardsTo(person, 'personal', since);
      assert.match(cardText(card), /Event reminders/);
      assert.match(cardText(card), /always on/);
      since = connector.sent.length;
      await bot.message(person, 'settings reminders off');
      [card] = bot.cardsTo(person, 'personal', since);
      assert.match(cardText(card), /Event reminders are now off/);
      const toggle = JSON.stringify(card).match(/"id":"reminder"[^}]*"value":"(\w+)"/);
      assert.equal(toggle?.[1], 'false');
      assert.equal((await app.services.notifications.preferences({ ...person, guest: false, roles: [] })).settings.reminder, false);
      since = connector.sent.length;
      await bot.message(person, 'settings sometimes');
      [card] = bot.cardsTo(person, 'personal', since);
      assert.match(cardText(card), /didn’t understand/);
    });

    it('saves the card’s switches for whoever pressed Save, and refuses bad values', async () => {
      const res = await bot.invoke(person, 'notifications.settings.save', { reminder: 'true', booking: 'false', channel: 'true' });
      assert.equal(res.status, 200);
      assert.match(cardText(res.card), /Saved/);
      const view = await api(app, '/api/me/notification-settings', { user: person.id });
      assert.deepEqual(view.body.settings, { reminder: true, booking: false, feedback: true, channel: true, facilitation: true, activityFeed: false });
      const bad = await bot.invoke(person, 'notifications.settings.save', { reminder: 'maybe' });
      assert.equal(bad.body.statusCode, 400);
      const noFacilitation = await bot.invoke(person, 'notifications.settings.save', { facilitation: 'false' });
      assert.equal(noFacilitation.body.statusCode, 400);
      assert.match(noFacilitation.body.value.message, /facilitator profile/);
      assert.deepEqual((await api(app, '/api/me/notification-settings', { user: person.id })).body.settings.booking, false, 'unchanged');
    });

    it('answers in text in a channel and still applies a change to the person who typed it', async () => {
      const since = connector.sent.length;
      await bot.message(person, 'settings booking on', 'channel');
      const [reply] = bot.repliesTo(person, 'channel', since);
      assert.match(String(reply.activity.text), /Booking updates are now on/);
      assert.equal(reply.activity.attachments, undefined);
      assert.equal((await api(app, '/api/me/notification-settings', { user: person.id })).body.settings.booking, true);
    });

    it('API: bad bodies are 400 and change nothing; no identity is 401', async () => {
      for (const body of [{}, { reminder: 3 }, { channel: null, booking: 'nah' }, { facilitation: false }, '[1]']) {
        const res = await api(app, '/api/me/notification-settings', { method: 'PUT', user: person.id, body });
        assert.equal(res.status, 400, JSON.stringify(body));
        assert.ok(res.body.error.message);
      }
      assert.equal((await api(app, '/api/me/notification-settings', {})).status, 401);
    });
  });

  it('exports and erases a person’s settings and notices; an erased pending notice is never sent', async () => {
    const person = newUserId();
    await makeReachable(app.services.conversations, connector, [person]);
    await api(app, '/api/me/notification-settings', { method: 'PUT', user: person, body: { channel: false } });
    await app.services.notifier.notify(person, { text: 'Reminder' }, `reminder:e5:${person}:1`, 'reminder');
    await settled(person, `reminder:e5:${person}:1`);
    const holder = app.services.personalData.find((h) => h.area === 'notifications')!;
    const exported = (await holder.export(person)) as { settings: Record<string, boolean>; notices: { kind: string; status: string }[] };
    assert.equal(exported.settings.channel, false);
    assert.deepEqual(exported.notices.map((n) => [n.kind, n.status]), [['reminder', 'sent']]);
    assert.ok(!JSON.stringify(exported).includes('e5'), 'keys are held only as hashes');

    // A notice still waiting (its person unreachable for a while) is erased with them.
    connector.interceptor = (req) => (req.path.includes(personalConversationId(person)) || req.path.includes(encodeURIComponent(personalConversationId(person))) ? { status: 503, body: {} } : undefined);
    await app.services.notifier.notify(person, { text: 'Later' }, `reminder:e6:${person}:1`, 'reminder');
    await eventually(() => record(person, `reminder:e6:${person}:1`), (r) => !!r && r.attempts >= 1, 5000, 'first attempt');
    await holder.erase(person);
    connector.interceptor = undefined;
    assert.deepEqual(await holder.export(person), { settings: { reminder: true, booking: true, feedback: true, channel: true, facilitation: true, activityFeed: false }, notices: [] });
    await sleep(1500);
    assert.equal(connector.to(personalConversationId(person)).filter((s) => s.activity.text === 'Later').length, 0);
  });
});
