// The feedback ask through the real job system (durable scheduler on Tables + Storage Queues, the
// queued notifier, a fake Bot Connector): FEEDBACK_AFTER the end, each attendee gets exactly one
// feedback card — with two instances running, after the instance that scheduled it restarted, and
// when the job runs again because attendance was recorded late (only the person added is asked).
import { strict as assert } from 'node:assert';
import { startTestApp, api, type TestApp } from '../helpers/testApp.js';
import { FakeConnector } from '../helpers/fakeConnector.js';
import { TEST_TENANT } from '../helpers/botClient.js';
import { newUserId, uniquePrefix } from '../helpers/ids.js';
import { eventually, makeReachable, personalConversationId, sleep } from '../helpers/notifications.js';
import { TestClock, eventBody } from '../helpers/events.js';
import { feedbackAskJobKey } from '../../src/services/feedback/keys.js';

const FAST = { pollIdleMs: 100, schedulerTickMs: 100, retryBaseMs: 200, jobRetryBaseMs: 200, leaseTtlMs: 1500, heartbeatMs: 300, jobLeaseMs: 1500, jobVisibilitySeconds: 2 };

describe('feedback ask through the durable scheduler', function () {
  this.timeout(90_000);
  const prefix = uniquePrefix();
  const clock = new TestClock(new Date('2027-01-15T10:00:00Z'));
  const organiser = newUserId();
  const apps: TestApp[] = [];
  let connector: FakeConnector;

  const start = async () => {
    const app = await startTestApp({ STORAGE_PREFIX: prefix, ADMIN_AAD_OBJECT_IDS: `${organiser}:east-kent`, HOME_TENANT_ID: TEST_TENANT, FEEDBACK_AFTER: '30m' }, { clock, background: FAST });
    apps.push(app);
    return app;
  };

  before(async () => {
    connector = await FakeConnector.start();
  });
  after(async () => {
    for (const a of apps) await a.close();
    await connector?.close();
  });

  /** Feedback cards each person's 1:1 chat received. */
  const asked = (people: string[]) => people.map((p) => connector.sent.filter((s) => s.conversationId === personalConversationId(p) && /How was “Spirometry refresher”\?/.test(JSON.stringify(s.activity))).length);

  it('asks each attendee exactly once across two instances, a restart and a second run', async () => {
    const [first, second] = [await start(), await start()];
    const people = Array.from({ length: 6 }, () => newUserId());
    const [absent, late, ...came] = people;
    await makeReachable(first.services.conversations, connector, people);
    const made = await api(first, '/api/events', { method: 'POST', user: organiser, name: 'Olu Organiser', body: eventBody({ title: 'Spirometry refresher', capacity: 10 }) });
    assert.equal(made.status, 201, made.text);
    const id = made.body.id;
    for (const who of people) assert.equal((await api(second, `/api/events/${id}/registrations`, { method: 'POST', user: who, name: 'Pat Person' })).status, 201);
    const job = await first.background.jobStore.get(feedbackAskJobKey(id));
    assert.equal(job?.dueAt.toISOString(), '2027-02-10T17:00:00.000Z');

    clock.set('2027-02-10T16:40:00Z'); // after the end, before the ask
    assert.equal((await api(second, `/api/events/${id}/attendance`, { method: 'PUT', user: organiser, body: { attended: came } })).status, 200);
    // The instance that scheduled the ask stops; a new one starts. The ask is in Tables, not in a process.
    await first.close();
    const third = await start();
    await sleep(500);
    assert.deepEqual(asked(people), [0, 0, 0, 0, 0, 0], 'nobody asked before FEEDBACK_AFTER');

    clock.set('2027-02-10T17:00:30Z');
    await connector.waitFor(() => asked(came).every((n) => n === 1), 20_000);
    await eventually(() => third.background.jobStore.get(feedbackAskJobKey(id)), (j) => j === null, 10_000, 'the ask job is done');
    await sleep(1500);
    assert.deepEqual(asked(people), [0, 0, 1, 1, 1, 1], 'each attendee once; nobody who did not come');

    // The organiser adds someone the next morning: the ask runs again, for them only.
    clock.set('2027-02-11T09:00:00Z');
    assert.equal((await api(third, `/api/events/${id}/attendance`, { method: 'PUT', user: organiser, body: { attended: [...came, late] } })).status, 200);
    await connector.waitFor(() => asked([late])[0] === 1, 20_000);
    await eventually(() => second.background.jobStore.get(feedbackAskJobKey(id)), (j) => j === null, 10_000, 'the second run is done');
    await sleep(1500);
    assert.deepEqual(asked(people), [0, 1, 1, 1, 1, 1], 'still once each');
    assert.equal(asked([absent])[0], 0);
  });
});
