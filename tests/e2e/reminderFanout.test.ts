// The bar: 2,000 reminders through a fake Bot Connector that allows 50 requests a second
// and answers 429 above it — all delivered exactly once; then again with two server processes, one
// killed with SIGKILL halfway (in the middle of a send: the classic duplicate window) and restarted
// — still exactly once each; and a reminder fan-out job whose process is killed mid fan-out resumes
// on the other with no duplicate and no gap. At 50/s the 2,000-reminder runs take ~45 s each, so
// `npm test` runs them at 600 (the same paths: rate limit, injected 429s, a kill halfway) and
// `npm run soak` at the full 2,000.
import { strict as assert } from 'node:assert';
import { startTestApp, type TestApp } from '../helpers/testApp.js';
import { FakeConnector, type CapturedActivity } from '../helpers/fakeConnector.js';
import type { FakeRequest } from '../helpers/httpServer.js';
import { TEST_TENANT } from '../helpers/botClient.js';
import { uniquePrefix } from '../helpers/ids.js';
import { sharedAzurite } from '../helpers/rootHooks.js';
import { eventually, makeReachable, personalConversationId, sendsByConversation, sleep } from '../helpers/notifications.js';
import { FANOUT_KIND, fanOutHandlers, fanOutPeople, reminderKey, type FanOutPayload } from '../helpers/fanOut.js';
import { pidOwningPort, startAppProcess, type AppProcess } from '../helpers/processes.js';
import { Storage } from '../../src/storage/storage.js';
import { TableConversationReferenceStore } from '../../src/storage/conversationReferenceStore.js';
import { TableNotificationStore, type NotificationRecord } from '../../src/storage/notificationStore.js';
import { TableJobStore } from '../../src/storage/jobStore.js';
import { DurableScheduler } from '../../src/jobs/durableScheduler.js';
import { systemClock } from '../../src/domain/ports.js';

const ALLOWED_RPS = 50;
const REMINDERS = process.env.SOAK === '1' ? 2000 : 600;
const COUNT = REMINDERS.toLocaleString('en-GB');
const DAY = 86_400_000;

/** Shortened timeouts so a killed process's work is picked up within seconds. */
const CRASH_TUNING = {
  visibilitySeconds: 6,
  sendTimeoutMs: 2000,
  claimTtlMs: 4000,
  heartbeatMs: 1000,
  instanceStaleMs: 3500,
  leaseTtlMs: 3000,
  jobLeaseMs: 3000,
  jobVisibilitySeconds: 5,
  pollIdleMs: 200,
  schedulerTickMs: 200,
};

const isSend = (req: FakeRequest) => req.method === 'POST' && /\/activities/.test(req.path);

function assertExactlyOnce(connector: FakeConnector, people: readonly string[]): void {
  const counts = sendsByConversation(connector);
  const missing = people.filter((p) => !counts.has(personalConversationId(p)));
  const doubled = people.filter((p) => (counts.get(personalConversationId(p)) ?? 0) > 1);
  assert.deepEqual({ missing: missing.length, doubled: doubled.length }, { missing: 0, doubled: 0 }, `missing ${missing.slice(0, 3)} doubled ${doubled.slice(0, 3)}`);
  assert.equal(connector.sent.length, people.length, 'nothing else was sent');
}

function busiestSecond(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i] - sorted[j] >= 1000) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

async function readAll(store: TableNotificationStore, people: readonly string[], key: (userId: string) => string): Promise<NotificationRecord[]> {
  const out: NotificationRecord[] = [];
  for (let i = 0; i < people.length; i += 50) {
    const batch = await Promise.all(people.slice(i, i + 50).map((p) => store.get(p, key(p))));
    out.push(...batch.filter((r): r is NotificationRecord => !!r));
  }
  return out;
}

/**
 * Every reminder settles: sent, or "unconfirmed" — a request its process had already put on the wire
 * (its crash journal says it left) when it died. Teams may or may not have that one, and sending it
 * again could double it, so it is never resent (src/jobs/notificationWorker.ts). A process has two
 * send lanes, so a kill leaves at most two such. Nobody gets two messages; nobody is left out but
 * such a send; a notice left pending or lost times out here.
 */
async function settledOnce(store: TableNotificationStore, connector: FakeConnector, people: readonly string[], key: (userId: string) => string, timeoutMs: number): Promise<NotificationRecord[]> {
  const records = await eventually(
    () => readAll(store, people, key),
    (rs) => rs.length === people.length && rs.every((r) => r.status === 'sent' || r.status === 'unconfirmed'),
    timeoutMs,
    'every reminder sent or unconfirmed',
  );
  await sleep(CRASH_TUNING.visibilitySeconds * 1000 + 1500); // anything left behind would have surfaced by now
  const counts = sendsByConversation(connector);
  const unconfirmed = new Set(records.filter((r) => r.status === 'unconfirmed').map((r) => r.userId));
  assert.ok(unconfirmed.size <= 2, `${unconfirmed.size} unconfirmed (at most one per send lane)`);
  assert.deepEqual(people.filter((p) => (counts.get(personalConversationId(p)) ?? 0) > 1), [], 'nobody twice');
  const missing = people.filter((p) => !counts.has(personalConversationId(p)));
  assert.deepEqual(missing.filter((p) => !unconfirmed.has(p)), [], 'nobody left out but a send on the wire at the kill');
  assert.equal(connector.sent.length, people.length - missing.length, 'nothing else was sent');
  return records;
}

describe(`${COUNT} reminders at Teams’ rate`, function () {
  this.timeout(400_000);
  this.slow(60_000);

  describe('one server', () => {
    let app: TestApp;
    let connector: FakeConnector;
    after(async () => {
      await app?.close();
      await connector?.close();
    });

    it('delivers every reminder exactly once, never above 50 requests a second, through 429s', async () => {
      connector = await FakeConnector.start();
      connector.limitRate(ALLOWED_RPS);
      app = await startTestApp({ HOME_TENANT_ID: TEST_TENANT }, { background: { pollIdleMs: 200, schedulerTickMs: 200 }, jobHandlers: (s) => fanOutHandlers(() => s.notifier) });
      const people = fanOutPeople('solo', REMINDERS);
      await makeReachable(app.services.conversations, connector, people);
      // On top of the fake's own limit, a few 429s with Retry-After: 1 arrive mid-run.
      let sends = 0;
      const inject = new Set([0.15, 0.45, 0.75].map((f) => Math.round(f * REMINDERS)));
      connector.interceptor = (req) => (isSend(req) && inject.has(++sends) ? { status: 429, headers: { 'retry-after': '1' }, body: { error: { code: 'Throttled' } } } : undefined);

      const payload: FanOutPayload = { eventId: 'evt-solo', offsetMs: DAY, seed: 'solo', count: people.length };
      await app.services.scheduler.schedule({ key: `event.reminders:evt-solo:${DAY}`, kind: FANOUT_KIND, dueAt: new Date(), payload: { ...payload } });

      await connector.waitFor(() => connector.sent.length >= people.length, 300_000);
      await sleep(2000);
      assertExactlyOnce(connector, people);

      const sendTimes = connector.requests.filter((r) => r.method === 'POST' && /\/activities/.test(r.path)).map((r) => r.at);
      const busiest = busiestSecond(sendTimes);
      const first = connector.sent[0].at;
      const last = connector.sent[connector.sent.length - 1].at;
      const rate = (people.length - 1) / ((last - first) / 1000);
      console.log(`      ${people.length} sent in ${((last - first) / 1000).toFixed(1)} s (${rate.toFixed(1)}/s, ${(rate / ALLOWED_RPS).toFixed(2)} of allowed); busiest second ${busiest}; 429s from the rate limit ${connector.throttled}, injected ${inject.size}`);
      // Arrival times are stamped by a fake sharing this process's event loop, so a busy machine
      // bunches them; what Teams would see is how often it had to say 429.
      assert.ok(connector.throttled <= people.length * 0.02, `${connector.throttled} requests answered 429 by the rate limit`);

      const records = await readAll(app.background.notificationStore, people, (p) => reminderKey('evt-solo', p, DAY));
      assert.equal(records.length, people.length);
      assert.deepEqual([...new Set(records.map((r) => r.status))], ['sent']);
      assert.equal(records.filter((r) => r.throttled > 0).length, inject.size + connector.throttled, 'each 429 was retried');
    });
  });

  describe('two server processes, one killed with SIGKILL', () => {
    let connector: FakeConnector;
    let storage: Storage;
    const procs: AppProcess[] = [];
    let env: Record<string, string>;

    beforeEach(async () => {
      connector = await FakeConnector.start();
      connector.limitRate(ALLOWED_RPS);
      const azurite = await sharedAzurite();
      const prefix = uniquePrefix();
      storage = new Storage({ connectionString: azurite.connectionString }, prefix);
      await storage.ensure();
      env = { AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString, STORAGE_PREFIX: prefix, HOME_TENANT_ID: TEST_TENANT, LOG_LEVEL: 'warn' };
    });
    afterEach(async () => {
      for (const p of procs.splice(0)) {
        p.kill('SIGTERM');
        await Promise.race([p.exited, sleep(8000)]);
        p.kill('SIGKILL');
      }
      await connector?.close();
    });

    const schedulerOn = (s: Storage) => new DurableScheduler(new TableJobStore(s.table('jobs')), systemClock);

    it(`still delivers each of ${COUNT} reminders exactly once when a process dies mid-send and restarts`, async () => {
      const people = fanOutPeople('crash', REMINDERS);
      await makeReachable(new TableConversationReferenceStore(storage.table('conversationRefs')), connector, people);
      procs.push(...(await Promise.all([startAppProcess(env, CRASH_TUNING), startAppProcess(env, CRASH_TUNING)])));
      let killed: { proc: AppProcess; conversationId: string; at: number } | undefined;
      // Halfway, the instance whose message the connector has just accepted dies before it hears back.
      connector.onActivity = (captured: CapturedActivity, req: FakeRequest) => {
        if (killed || connector.sent.length < people.length / 2 || !req.remotePort) return;
        const pid = pidOwningPort(req.remotePort, procs.map((p) => p.pid));
        const proc = procs.find((p) => p.pid === pid);
        if (!proc) return;
        proc.kill('SIGKILL');
        killed = { proc, conversationId: captured.conversationId, at: Date.now() };
      };
      await schedulerOn(storage).schedule({
        key: `event.reminders:evt-crash:${DAY}`,
        kind: FANOUT_KIND,
        dueAt: new Date(),
        payload: { eventId: 'evt-crash', offsetMs: DAY, seed: 'crash', count: people.length } satisfies FanOutPayload as unknown as Record<string, unknown>,
      });

      const victim = await eventually(async () => killed, (k) => !!k, 120_000, 'a process killed halfway');
      await victim!.proc.exited;
      procs.splice(procs.indexOf(victim!.proc), 1);
      const sentAtKill = connector.sent.length;
      procs.push(await startAppProcess(env, CRASH_TUNING));

      const store = new TableNotificationStore(storage.table('notifications'));
      const records = await settledOnce(store, connector, people, (p) => reminderKey('evt-crash', p, DAY), 300_000);
      console.log(`      killed pid ${victim!.proc.pid} after ${sentAtKill} sends; ${connector.sent.length} sent in all; 429s ${connector.throttled}`);
      // The send that was in flight when its process died is "unconfirmed": delivered once, never resent.
      const inFlight = records.find((r) => personalConversationId(r.userId) === victim!.conversationId);
      assert.equal(inFlight?.status, 'unconfirmed', 'the killed send reads as unconfirmed');
    });

    it('resumes a reminder fan-out whose process was killed in the middle of it, with no duplicate and no gap', async () => {
      const people = fanOutPeople('resume', 300);
      await makeReachable(new TableConversationReferenceStore(storage.table('conversationRefs')), connector, people);
      procs.push(...(await Promise.all([startAppProcess(env, CRASH_TUNING), startAppProcess(env, CRASH_TUNING)])));
      const jobs = new TableJobStore(storage.table('jobs'));
      const key = `event.reminders:evt-resume:${DAY}`;
      await schedulerOn(storage).schedule({
        key,
        kind: FANOUT_KIND,
        dueAt: new Date(),
        payload: { eventId: 'evt-resume', offsetMs: DAY, seed: 'resume', count: people.length, delayMs: 25 } satisfies FanOutPayload as unknown as Record<string, unknown>,
      });
      // Learn which process runs the fan-out…
      const running = await eventually(() => jobs.get(key), (j) => j?.status === 'running', 30_000, 'fan-out running');
      const runner = procs.find((p) => p.instanceId === running!.runner)!;
      assert.ok(runner, 'runner is one of ours');
      // …and kill it while it is still notifying people (and in the middle of one of its sends).
      let killedAt: number | undefined;
      connector.onActivity = (_captured, req) => {
        if (killedAt || connector.sent.length < 40 || !req.remotePort) return;
        if (pidOwningPort(req.remotePort, [runner.pid]) !== runner.pid) return;
        runner.kill('SIGKILL');
        killedAt = connector.sent.length;
      };
      await eventually(async () => killedAt, (k) => k !== undefined, 60_000, 'runner killed');
      await runner.exited;
      procs.splice(procs.indexOf(runner), 1);
      assert.ok(killedAt! < people.length / 2, 'killed well before the fan-out could have finished');
      procs.push(await startAppProcess(env, CRASH_TUNING));

      const store = new TableNotificationStore(storage.table('notifications'));
      await settledOnce(store, connector, people, (p) => reminderKey('evt-resume', p, DAY), 90_000);
      console.log(`      runner killed after ${killedAt} of ${people.length} sends; fan-out resumed elsewhere`);
      await eventually(() => jobs.get(key), (j) => j === null, 10_000, 'fan-out job completed');
    });
  });
});
