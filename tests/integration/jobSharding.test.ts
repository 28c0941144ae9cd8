// Jobs spread over partitions (job rows by a hash of the key, due rows by minute and the same
// shard) on Azurite: a wave of jobs due together lands on many partitions and each runs exactly
// once; rows the first layout wrote (PartitionKey `job` / `due`) are still found, run, and moved
// into their shards by the lease holder.
import { strict as assert } from 'node:assert';
import { odata } from '@azure/data-tables';
import type { JobHandler } from '../../src/domain/ports.js';
import { startTestApp, type TestApp } from '../helpers/testApp.js';
import { eventually, sleep } from '../helpers/notifications.js';
import { uniquePrefix } from '../helpers/ids.js';
import { StorageCalls } from '../helpers/storageCalls.js';
import { SHARDS, TableJobStore, dueRowKey, duePartition, jobPartition } from '../../src/storage/jobStore.js';
import { DurableScheduler } from '../../src/jobs/durableScheduler.js';
import { systemClock } from '../../src/domain/ports.js';
import { encodeKey } from '../../src/storage/keys.js';
import { listAll } from '../../src/storage/etag.js';

const FAST = { pollIdleMs: 100, schedulerTickMs: 100, jobRetryBaseMs: 200, jobLeaseMs: 1500, leaseTtlMs: 1500, heartbeatMs: 300, jobVisibilitySeconds: 2, jobConcurrency: 16 };

describe('jobs spread over partitions', function () {
  this.timeout(60_000);
  const runs = new Map<string, number>();
  let app: TestApp;
  const prefix = uniquePrefix();
  const handlers = (): Record<string, JobHandler> => ({
    'test.count': async (_payload, job) => {
      runs.set(job.key, (runs.get(job.key) ?? 0) + 1);
    },
  });

  before(async () => {
    app = await startTestApp({ STORAGE_PREFIX: prefix }, { background: FAST, jobHandlers: handlers });
  });
  after(async () => {
    await app?.close();
  });

  it('puts a wave of jobs due together on many partitions and runs each exactly once', async () => {
    const calls = new StorageCalls().attach(app.services.storage);
    const dueAt = new Date(Date.now() + 1500);
    const keys = Array.from({ length: 240 }, (_, i) => `event-reminders:wave-${i}:3600000`);
    await Promise.all(keys.map((key) => app.services.scheduler.schedule({ key, kind: 'test.count', dueAt, payload: {} })));
    await eventually(async () => keys.filter((k) => runs.get(k) === 1).length, (n) => n === keys.length, 30_000, 'every job ran');
    await sleep(500);
    assert.deepEqual(keys.filter((k) => runs.get(k) !== 1), [], 'each exactly once');

    const jobPartitions = new Set(keys.map(jobPartition));
    const duePartitions = new Set(keys.map((k) => duePartition(dueAt, k)));
    assert.equal(jobPartitions.size, SHARDS, 'job rows over every shard');
    assert.equal(duePartitions.size, SHARDS, 'due rows over the minute’s shards');
    // What storage actually saw: entities per Jobs partition for the wave.
    const perPartition = new Map<string, number>();
    for (const c of calls.calls) if (c.table === 'Jobs' && c.partition && (c.partition.startsWith('job') || c.partition.startsWith('due'))) perPartition.set(c.partition, (perPartition.get(c.partition) ?? 0) + c.entities);
    const total = [...perPartition.values()].reduce((a, b) => a + b, 0);
    const hottest = Math.max(...perPartition.values());
    assert.ok(hottest / total < 0.1, `the hottest Jobs partition took ${hottest} of ${total} entity operations`);
    const old = calls.calls.filter((c) => c.table === 'Jobs' && (c.partition === 'job' || c.partition === 'due'));
    assert.ok(old.length <= 4 && old.every((c) => c.op === 'query'), `the first layout’s partitions see only the once-a-minute check (${old.length} calls)`);
    assert.equal((await app.background.jobStore.counts()).scheduled, 0, 'no due rows left');
  });

  /** A job as the first layout wrote it: job row in `job`, due row in `due`. */
  const writeLegacy = async (key: string, dueAt: Date, version: string) => {
    const table = app.services.storage.table('jobs');
    const rk = dueRowKey(dueAt, key);
    await table.createEntity({ partitionKey: 'due', rowKey: rk, version });
    await table.createEntity({ partitionKey: 'job', rowKey: encodeKey(key), kind: 'test.count', payload: '{}', dueAt, version, status: 'scheduled', dueRow: rk, attempts: 0, updatedAt: new Date() });
  };

  it('finds jobs the first layout wrote, and moves one into its shard when it is scheduled again', async () => {
    // A store and scheduler of their own (no lease holder moving rows meanwhile).
    const store = new TableJobStore(app.services.storage.table('jobs'));
    const scheduler = new DurableScheduler(store, systemClock);
    await writeLegacy('legacy:found', new Date(Date.now() + 3_600_000), 'v1');
    await writeLegacy('legacy:rescheduled', new Date(Date.now() + 3_600_000), 'v1');
    assert.equal((await store.get('legacy:found'))?.legacy, true, 'found in the old partition');
    await scheduler.cancel('legacy:found');
    assert.equal(await store.get('legacy:found'), null, 'cancelled where it was');

    await scheduler.schedule({ key: 'legacy:rescheduled', kind: 'test.count', dueAt: new Date(Date.now() + 300), payload: {} });
    const now = (await store.get('legacy:rescheduled'))!;
    assert.equal(now.legacy, undefined, 'now in its shard');
    const table = app.services.storage.table('jobs');
    assert.equal(await table.getEntity('job', encodeKey('legacy:rescheduled')).then(() => 'there', () => 'gone'), 'gone');
    await eventually(async () => runs.get('legacy:rescheduled') ?? 0, (n) => n === 1, 10_000, 'ran once, from its shard');
  });

  it('runs old-layout jobs that are due and moves the waiting ones into their shards after an upgrade', async () => {
    await app.close();
    // The previous version left these behind.
    await writeLegacy('legacy:now', new Date(), 'v-now');
    await writeLegacy('legacy:later', new Date(Date.now() + 60_000), 'v-later');
    app = await startTestApp({ STORAGE_PREFIX: prefix }, { background: FAST, jobHandlers: handlers });
    await eventually(async () => runs.get('legacy:now') ?? 0, (n) => n === 1, 10_000, 'the due one ran');
    await eventually(() => app.background.jobStore.get('legacy:later'), (j) => !!j && !j.legacy, 10_000, 'the waiting one moved into its shard');
    const table = app.services.storage.table('jobs');
    await eventually(async () => (await listAll(table.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${'job'} or PartitionKey eq ${'due'}` } }))).length, (n) => n === 0, 10_000, 'nothing left in the old partitions');
    const moved = (await app.background.jobStore.get('legacy:later'))!;
    assert.equal(moved.version, 'v-later', 'same job, same version');
    assert.equal(moved.dueAt.getTime() > Date.now(), true);
    assert.equal((await app.background.jobStore.counts()).scheduled, 1, 'its due row moved with it');
    await app.services.scheduler.schedule({ key: 'legacy:later', kind: 'test.count', dueAt: new Date(), payload: {} });
    await eventually(async () => runs.get('legacy:later') ?? 0, (n) => n === 1, 10_000, 'moved job ran');
    await sleep(300);
    assert.deepEqual([runs.get('legacy:now'), runs.get('legacy:later')], [1, 1], 'each once');
  });
});
