// The durable job scheduler on Azurite: due times in Tables, one lease holder queueing due work,
// every instance consuming; moving, cancelling, retrying, giving up, and taking over a dead run.
import { strict as assert } from 'node:assert';
import type { JobHandler } from '../../src/domain/ports.js';
import { startTestApp, type TestApp } from '../helpers/testApp.js';
import { eventually, sleep } from '../helpers/notifications.js';
import { uniquePrefix } from '../helpers/ids.js';
import { TableJobStore } from '../../src/storage/jobStore.js';
import { DueJobMover, STALE_DUE_AFTER_MS, type JobMessage } from '../../src/jobs/durableScheduler.js';
import type { WorkQueue } from '../../src/jobs/workQueue.js';
import { createLogger } from '../../src/logging.js';

const FAST = { pollIdleMs: 100, schedulerTickMs: 100, jobRetryBaseMs: 200, jobLeaseMs: 1500, leaseTtlMs: 1500, heartbeatMs: 300, jobVisibilitySeconds: 2 };

interface Run {
  key: string;
  at: number;
  payload: Record<string, unknown>;
  instance: string;
}

describe('durable job scheduler', function () {
  this.timeout(30_000);
  const runs: Run[] = [];
  let failuresLeft = 0;
  let app: TestApp;
  const prefix = uniquePrefix();

  const handlers = (instance: () => string): Record<string, JobHandler> => ({
    'test.record': async (payload, job) => {
      runs.push({ key: job.key, at: Date.now(), payload, instance: instance() });
    },
    'test.flaky': async (payload, job) => {
      runs.push({ key: job.key, at: Date.now(), payload, instance: instance() });
      if (failuresLeft-- > 0) throw new Error('not yet');
    },
    'test.always-fails': async () => {
      throw new Error('broken');
    },
  });

  async function start(): Promise<TestApp> {
    const started: TestApp = await startTestApp({ STORAGE_PREFIX: prefix }, { background: FAST, jobHandlers: () => handlers(() => started.background.tuning.instanceId) });
    return started;
  }

  before(async () => {
    app = await start();
  });
  after(async () => {
    await app?.close();
  });

  const runsOf = (key: string) => runs.filter((r) => r.key === key);

  it('runs a job at its due time, once, with its payload', async () => {
    const dueAt = new Date(Date.now() + 700);
    await app.services.scheduler.schedule({ key: 'test:due', kind: 'test.record', dueAt, payload: { eventId: 'e1', n: 2 } });
    await sleep(300);
    assert.equal(runsOf('test:due').length, 0, 'not before it is due');
    await eventually(async () => runsOf('test:due').length, (n) => n === 1, 5000, 'job ran');
    const [run] = runsOf('test:due');
    assert.ok(run.at >= dueAt.getTime(), 'not early');
    assert.deepEqual(run.payload, { eventId: 'e1', n: 2 });
    await eventually(() => app.background.jobStore.get('test:due'), (j) => j === null, 3000, 'done jobs leave no row');
    await sleep(500);
    assert.equal(runsOf('test:due').length, 1);
  });

  it('moves a job when its key is scheduled again, and drops it when cancelled', async () => {
    await app.services.scheduler.schedule({ key: 'test:moved', kind: 'test.record', dueAt: new Date(Date.now() + 400), payload: { v: 1 } });
    const later = new Date(Date.now() + 1500);
    await app.services.scheduler.schedule({ key: 'test:moved', kind: 'test.record', dueAt: later, payload: { v: 2 } });
    await app.services.scheduler.schedule({ key: 'test:cancelled', kind: 'test.record', dueAt: new Date(Date.now() + 400), payload: {} });
    await app.services.scheduler.cancel('test:cancelled');
    await app.services.scheduler.cancel('test:never-existed');
    await eventually(async () => runsOf('test:moved').length, (n) => n === 1, 5000, 'moved job ran');
    assert.ok(runsOf('test:moved')[0].at >= later.getTime());
    assert.deepEqual(runsOf('test:moved')[0].payload, { v: 2 });
    await sleep(600);
    assert.equal(runsOf('test:moved').length, 1);
    assert.equal(runsOf('test:cancelled').length, 0);
    assert.equal((await app.background.jobStore.due(new Date(Date.now() + 86400_000), 100)).length, 0, 'no due rows left');
  });

  it('keeps jobs far in the future in Tables, not on the queue', async () => {
    await app.services.scheduler.schedule({ key: 'test:next-month', kind: 'test.record', dueAt: new Date(Date.now() + 30 * 86400_000), payload: {} });
    await sleep(400);
    const job = await app.background.jobStore.get('test:next-month');
    assert.equal(job?.status, 'scheduled');
    assert.equal((await app.background.summary()).jobs.scheduled, 1);
    await app.services.scheduler.cancel('test:next-month');
  });

  it('retries a failing job with backoff until it succeeds', async () => {
    failuresLeft = 2;
    await app.services.scheduler.schedule({ key: 'test:flaky', kind: 'test.flaky', dueAt: new Date(), payload: {} });
    await eventually(async () => runsOf('test:flaky').length, (n) => n === 3, 10_000, 'three runs');
    await eventually(() => app.background.jobStore.get('test:flaky'), (j) => j === null, 5000, 'row gone after success');
    const gaps = runsOf('test:flaky').slice(1).map((r, i) => r.at - runsOf('test:flaky')[i].at);
    assert.ok(gaps.every((g) => g >= 90), `backed off: ${gaps}`);
  });

  it('gives up after its tries, keeps the job as failed and puts a copy on the poison queue', async () => {
    await app.close();
    app = await startTestApp({ STORAGE_PREFIX: prefix }, { background: { ...FAST, jobMaxAttempts: 2 }, jobHandlers: () => handlers(() => app.background.tuning.instanceId) });
    await app.services.scheduler.schedule({ key: 'test:broken', kind: 'test.always-fails', dueAt: new Date(), payload: {} });
    await app.services.scheduler.schedule({ key: 'test:unknown', kind: 'test.no-such-kind', dueAt: new Date(), payload: {} });
    const broken = await eventually(() => app.background.jobStore.get('test:broken'), (j) => j?.status === 'failed', 10_000, 'given up');
    assert.equal(broken?.attempts, 2);
    assert.match(broken?.lastError ?? '', /broken/);
    await eventually(() => app.background.jobStore.get('test:unknown'), (j) => j?.status === 'failed', 5000, 'unknown kind given up');
    const summary = await eventually(() => app.background.summary(), (s) => s.deadLettered.jobs >= 2, 5000, 'dead letters counted');
    assert.equal(summary.jobs.failed, 2);
    // Scheduling the key again brings it back.
    await app.services.scheduler.schedule({ key: 'test:broken', kind: 'test.record', dueAt: new Date(), payload: {} });
    await eventually(async () => runsOf('test:broken').length, (n) => n === 1, 5000, 'rescheduled job ran');
  });

  it('lets one instance schedule at a time, and another take over when it stops', async () => {
    const second = await start();
    try {
      await sleep(400);
      assert.equal([app.background.isLeader, second.background.isLeader].filter(Boolean).length, 1, 'exactly one leader');
      const leader = app.background.isLeader ? app : second;
      const other = leader === app ? second : app;
      await leader.close();
      await eventually(async () => other.background.isLeader, (l) => l, 5000, 'takeover');
      await other.services.scheduler.schedule({ key: 'test:after-takeover', kind: 'test.record', dueAt: new Date(), payload: {} });
      await eventually(async () => runsOf('test:after-takeover').length, (n) => n === 1, 5000, 'ran after takeover');
      app = other;
    } finally {
      if (app !== second) await second.close();
    }
  });

  it('runs again a job whose runner died mid-run (its lease lapsed)', async () => {
    const store = app.background.jobStore;
    await store.put(
      { key: 'test:orphan', kind: 'test.record', payload: { x: 1 }, dueAt: new Date(), version: 'v-orphan', status: 'running', runner: 'dead-host:1:x', leaseUntil: Date.now() - 1, attempts: 1, updatedAt: new Date() },
      null,
    );
    await app.services.storage.queue('jobs').sendMessage(Buffer.from(JSON.stringify({ k: 'test:orphan', v: 'v-orphan' })).toString('base64'));
    await eventually(async () => runsOf('test:orphan').length, (n) => n === 1, 5000, 'orphan ran');
    assert.equal(runsOf('test:orphan')[0].instance, app.background.tuning.instanceId);
  });

  it('keeps a due row whose job row is still being written, and drops one nothing will claim once it is stale', async () => {
    // A store and mover of their own on a clock years ahead, so the app's lease holder never finds these rows due.
    const store = new TableJobStore(app.services.storage.table('jobs'));
    const dueAt = new Date(Date.now() + 5 * 365 * 86400_000);
    const clock = { now: () => new Date(dueAt.getTime() + 1000) };
    const sent: JobMessage[] = [];
    const queue = { send: async (m: JobMessage) => void sent.push(m) } as unknown as WorkQueue<JobMessage>;
    const mover = new DueJobMover(store, queue, clock, createLogger('silent'));
    const dueKeys = async () => (await store.due(clock.now(), 100)).map((e) => e.key).filter((k) => k.startsWith('test:half-'));

    // schedule() half-way: its due row is written, its job row not yet (the lease holder's tick fell in between).
    const dueRow = await store.putDue(dueAt, 'test:half-scheduled', 'v1');
    assert.equal(await mover.moveDue(), 0);
    assert.deepEqual(await dueKeys(), ['test:half-scheduled'], 'the due row is kept for the job row on its way');
    await store.put({ key: 'test:half-scheduled', kind: 'test.record', payload: {}, dueAt, version: 'v1', status: 'scheduled', dueRow, attempts: 0, updatedAt: new Date() }, null);
    assert.equal(await mover.moveDue(), 1, 'queued once its job row is there');
    assert.deepEqual(sent, [{ k: 'test:half-scheduled', v: 'v1' }]);
    assert.deepEqual(await dueKeys(), []);
    // A second due row for the version already queued is of no use to anyone: dropped at once.
    await store.putDue(dueAt, 'test:half-scheduled', 'v1');
    assert.equal(await mover.moveDue(), 0);
    assert.deepEqual(await dueKeys(), []);

    // A due row no job row will ever match (its writer died between the two writes) goes once it is old.
    await store.putDue(dueAt, 'test:half-orphan', 'v9');
    await mover.moveDue();
    assert.deepEqual(await dueKeys(), ['test:half-orphan']);
    await new DueJobMover(store, queue, clock, createLogger('silent'), { wallNow: () => Date.now() + STALE_DUE_AFTER_MS + 1 }).moveDue();
    assert.deepEqual(await dueKeys(), [], 'stale due row dropped');
    assert.equal(sent.length, 1);
    await store.remove({ key: 'test:half-scheduled' });
  });

  it('refuses malformed jobs', async () => {
    const s = app.services.scheduler;
    await assert.rejects(s.schedule({ key: '', kind: 'test.record', dueAt: new Date(), payload: {} }), /key/);
    await assert.rejects(s.schedule({ key: 'k', kind: 'Bad Kind!', dueAt: new Date(), payload: {} }), /kind/);
    await assert.rejects(s.schedule({ key: 'k', kind: 'test.record', dueAt: new Date('nope'), payload: {} }), /due/);
    await assert.rejects(s.schedule({ key: 'k', kind: 'test.record', dueAt: new Date(), payload: { big: 'x'.repeat(40_000) } }), /payload/);
  });
});
