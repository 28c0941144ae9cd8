// What people on an event hear without asking, through the real job system (durable scheduler on
// Tables + Storage Queues) and the queued notifier: cancellations and changes once each, even when
// the fan-out is cut short (the safety-net job finishes it); reminders at each REMINDER_OFFSETS
// offset, to those booked at that moment only.
import { strict as assert } from 'node:assert';
import { startTestApp, api, type TestApp } from '../helpers/testApp.js';
import { FakeConnector } from '../helpers/fakeConnector.js';
import { TEST_TENANT } from '../helpers/botClient.js';
import { newUserId } from '../helpers/ids.js';
import { eventually, makeReachable, personalConversationId } from '../helpers/notifications.js';
import { TestClock, eventBody } from '../helpers/events.js';
import { tellRegistrantsKey } from '../../src/services/events/keys.js';
import type { Notifier } from '../../src/domain/ports.js';

const FAST = { pollIdleMs: 100, schedulerTickMs: 100, retryBaseMs: 200, jobRetryBaseMs: 200 };

describe('events: news and reminders through the job system', function () {
  this.timeout(60_000);
  let app: TestApp;
  let connector: FakeConnector;
  const clock = new TestClock(new Date('2027-01-15T10:00:00Z'));
  const admin = newUserId();
  /** Refuses one notice to this person once, as a storage blip would. */
  let flaky: { userId: string; failed: boolean } | undefined;

  before(async () => {
    connector = await FakeConnector.start();
    app = await startTestApp(
      { ADMIN_AAD_OBJECT_IDS: admin, HOME_TENANT_ID: TEST_TENANT },
      {
        clock,
        background: FAST,
        wrapNotifier: (queued): Notifier => ({
          async notify(userId, message, key, kind) {
            if (flaky && flaky.userId === userId && !flaky.failed) {
              flaky.failed = true;
              throw new Error('storage blip');
            }
            await queued.notify(userId, message, key, kind);
          },
        }),
      },
    );
  });
  after(async () => {
    await app?.close();
    await connector?.close();
  });

  async function bookedEvent(title: string, people: number): Promise<{ id: string; people: string[] }> {
    const made = await api(app, '/api/events', { method: 'POST', user: admin, name: 'Ada Admin', body: eventBody({ title, capacity: people - 1 }) });
    assert.equal(made.status, 201, made.text);
    const ids = Array.from({ length: people }, () => newUserId());
    await makeReachable(app.services.conversations, connector, ids);
    for (const id of ids) assert.equal((await api(app, `/api/events/${made.body.id}/registrations`, { method: 'POST', user: id, name: 'Pat Person' })).status, 201);
    return { id: made.body.id, people: ids };
  }

  /** Messages each person's 1:1 chat got (text, summary or card) that mention `pattern`. */
  const told = (people: string[], pattern: RegExp) =>
    people.map((p) => connector.sent.filter((s) => s.conversationId === personalConversationId(p) && pattern.test(JSON.stringify(s.activity))).length);

  it('tells everyone booked or waiting once when an event is cancelled, and drops the safety-net job', async () => {
    const { id, people } = await bookedEvent('Cancelled asthma update', 4);
    const res = await api(app, `/api/events/${id}`, { method: 'DELETE', user: admin, name: 'Ada Admin', body: { reason: 'Speaker unwell' } });
    assert.equal(res.status, 200, res.text);
    await connector.waitFor(() => told(people, /has been cancelled/).every((n) => n === 1), 10_000);
    const event = (await app.services.eventRepository.get(id))!.event;
    await eventually(() => app.background.jobStore.get(tellRegistrantsKey(id, 'cancelled', event.sequence)), (job) => job === null, 5000, 'safety-net job dropped');
    assert.deepEqual(told(people, /has been cancelled/), [1, 1, 1, 1]);
  });

  it('finishes a fan-out cut short: the job tells whoever was missed, nobody twice', async () => {
    const { id, people } = await bookedEvent('Moved spirometry session', 4);
    flaky = { userId: people[2], failed: false };
    const res = await api(app, `/api/events/${id}`, { method: 'PATCH', user: admin, name: 'Ada Admin', body: { start: '2027-02-11T13:30', end: '2027-02-11T16:30' } });
    assert.equal(res.status, 200, res.text);
    await connector.waitFor(() => told(people, /has changed/).filter((n) => n === 1).length === 3, 10_000);
    assert.equal(flaky.failed, true);
    assert.equal(told(people, /has changed/)[2], 0, 'the missed person is not told yet');
    const key = tellRegistrantsKey(id, 'moved', res.body.sequence);
    assert.ok(await app.background.jobStore.get(key), 'the safety-net job is still there');

    clock.set(new Date(clock.now().getTime() + 61_000).toISOString()); // the job falls due
    await connector.waitFor(() => told(people, /has changed/)[2] === 1, 15_000);
    await eventually(() => app.background.jobStore.get(key), (job) => job === null, 5000, 'job done');
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(told(people, /has changed/), [1, 1, 1, 1], 'each person once');
  });

  it('reminds those booked 24 h and 1 h before, once each; not the waitlist, not someone who cancelled', async () => {
    const made = await api(app, '/api/events', { method: 'POST', user: admin, name: 'Ada Admin', body: eventBody({ title: 'Diabetes foot checks', capacity: 2, start: '2027-03-10T13:30', end: '2027-03-10T16:30' }) });
    assert.equal(made.status, 201, made.text);
    const [ann, ben, cat, dev] = Array.from({ length: 4 }, () => newUserId());
    await makeReachable(app.services.conversations, connector, [ann, ben, cat, dev]);
    for (const who of [ann, ben, cat, dev]) await api(app, `/api/events/${made.body.id}/registrations`, { method: 'POST', user: who, name: 'Pat Person' });
    // Ben cancels: Cat (first waiting) is promoted and Dev stays on the waitlist.
    assert.equal((await api(app, `/api/events/${made.body.id}/registrations/me`, { method: 'DELETE', user: ben })).status, 200);

    clock.set('2027-03-09T13:30:30Z'); // 24 h before (GMT in March before the clocks change)
    await connector.waitFor(() => told([ann, cat], /starts tomorrow/).every((n) => n === 1), 15_000);
    clock.set('2027-03-10T12:30:30Z'); // 1 h before
    await connector.waitFor(() => told([ann, cat], /starts in 1 hour/).every((n) => n === 1), 15_000);
    await new Promise((r) => setTimeout(r, 500));
    assert.deepEqual(told([ann, ben, cat, dev], /Reminder:/), [2, 0, 2, 0]);
  });
});
