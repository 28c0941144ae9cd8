// Idempotency keys name other people (a lead's "new member" notice carries the joiner's id), so
// they stay in the Notifications table only as a hash. The same holds on the way: queue messages,
// their 7-day poison copies and the send journal name a notice by that hash, never the key — and
// delivery stays exactly once, including for messages an earlier version queued with the key.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sinon from 'sinon';
import { QueueClient } from '@azure/storage-queue';
import { startTestApp, type TestApp } from '../helpers/testApp.js';
import { FakeConnector } from '../helpers/fakeConnector.js';
import { TEST_TENANT } from '../helpers/botClient.js';
import { newUserId } from '../helpers/ids.js';
import { eventually, makeReachable, personalConversationId, sleep } from '../helpers/notifications.js';
import { noticeRowKey } from '../../src/storage/notificationStore.js';

const FAST = { pollIdleMs: 100, schedulerTickMs: 100, retryBaseMs: 100, jobRetryBaseMs: 200, heartbeatMs: 500, maxAttempts: 2 };

describe('notifications: keys travel only as their hash', function () {
  this.timeout(30_000);
  let app: TestApp;
  let connector: FakeConnector;
  let sent: sinon.SinonSpy<Parameters<QueueClient['sendMessage']>, ReturnType<QueueClient['sendMessage']>>;

  before(async () => {
    connector = await FakeConnector.start();
    app = await startTestApp({ HOME_TENANT_ID: TEST_TENANT }, { background: FAST });
    // A spy, not a stub: every message still goes to Azurite as before.
    sent = sinon.spy(QueueClient.prototype, 'sendMessage');
  });
  after(async () => {
    sent?.restore();
    await app?.close();
    await connector?.close();
  });

  const settled = (userId: string, key: string) =>
    eventually(() => app.background.notificationStore.get(userId, key), (r) => !!r && r.status !== 'pending' && r.status !== 'sending', 10_000, `notice ${key} settled`);
  /** Every message this app put on a queue, decoded, with the queue's name. */
  const queued = () => sent.getCalls().map((c) => ({ queue: (c.thisValue as QueueClient).name, text: Buffer.from(String(c.args[0]), 'base64').toString('utf8') }));

  it('queue messages, poison copies and the send journal carry the hash, never the key or the ids in it', async () => {
    const [lead, otherLead, joiner] = [newUserId(), newUserId(), newUserId()];
    await makeReachable(app.services.conversations, connector, [lead, otherLead]);
    const key = `channel-joined:practice-nursing:${joiner}`;
    // One lead is reached; the other's chat keeps failing until the notice is given up (poison).
    connector.interceptor = (req) => (req.path.includes(encodeURIComponent(personalConversationId(otherLead))) ? { status: 500, body: {} } : undefined);
    await app.services.notifier.notify(lead, { text: 'Someone joined Practice Nursing' }, key, 'channel');
    await app.services.notifier.notify(otherLead, { text: 'Someone joined Practice Nursing' }, key, 'channel');
    assert.equal((await settled(lead, key))!.status, 'sent');
    const failed = (await settled(otherLead, key))!;
    assert.deepEqual([failed.status, failed.reason], ['failed', 'gave-up:http-500']);
    connector.interceptor = undefined;

    const mine = queued().filter((m) => m.text.includes(lead) || m.text.includes(otherLead));
    const notices = mine.filter((m) => m.queue.endsWith('notifications'));
    const poison = mine.filter((m) => m.queue.endsWith('notifications-poison'));
    assert.ok(notices.length >= 2, `queued: ${JSON.stringify(mine)}`);
    assert.equal(poison.length, 1, 'the given-up notice was copied to the poison queue');
    for (const m of mine) {
      assert.ok(!m.text.includes(joiner) && !m.text.includes('channel-joined'), `${m.queue} carries the key: ${m.text}`);
      assert.equal(JSON.parse(m.text).r, noticeRowKey(key), m.text);
    }
    assert.deepEqual(Object.keys(JSON.parse(poison[0].text)).sort(), ['at', 'kind', 'r', 'reason', 'u']);

    const dir = app.background.tuning.journalDir;
    const lanes = readdirSync(dir).filter((n) => n.startsWith(`${app.prefix}__`) && /__lane\d+$/.test(n));
    assert.ok(lanes.length > 0, 'this instance keeps a journal');
    const journal = lanes.map((n) => readFileSync(join(dir, n), 'utf8')).join('\n');
    assert.ok(journal.includes(noticeRowKey(key)), 'the journal names notices by hash');
    assert.ok(!journal.includes(joiner) && !journal.includes('channel-joined'), `journal: ${journal}`);
  });

  it('still delivers, once, a message an earlier version queued with the key itself', async () => {
    const person = newUserId();
    await makeReachable(app.services.conversations, connector, [person]);
    const key = `reminder:e42:${person}:3600000`;
    const store = app.background.notificationStore;
    await store.create({ userId: person, key, kind: 'reminder', text: 'Tomorrow: Asthma update' }, new Date());
    const q = app.services.storage.queue('notifications');
    // As queued before the hash: the key itself (twice, as a re-run fan-out would).
    for (let i = 0; i < 2; i++) await q.sendMessage(Buffer.from(JSON.stringify({ u: person, k: key })).toString('base64'));
    assert.equal((await settled(person, key))!.status, 'sent');
    await app.services.notifier.notify(person, { text: 'Tomorrow: Asthma update' }, key, 'reminder');
    await sleep(500);
    assert.equal(connector.to(personalConversationId(person)).length, 1, 'exactly once');
  });
});
