// A reminder wave through the durable scheduler on Azurite: 1,000 jobs (PLT afternoons starting
// together, one reminder job each) fall due at the same moment. Every Jobs storage operation is
// counted per partition (a pipeline policy on the app's TableClient); the wave's entity operations
// on the hottest partition are what that partition takes when the wave comes due within one
// second, as it does nationally — printed as a fraction of Azure Tables' 2,000 entities/s per
// partition, for the sharded layout and, from the same calls mapped onto the first layout's two
// partitions (`job`, `due`), for the layout before. Every job must run exactly once.
import { startAzurite } from '../src/storage/azurite.js';
import { startTestApp } from '../tests/helpers/testApp.js';
import { StorageCalls } from '../tests/helpers/storageCalls.js';
import { reminderKey } from '../src/services/events/keys.js';
import { eventually } from '../tests/helpers/notifications.js';
import { runBench } from './stats.js';

const JOBS = Number(process.env.BENCH_N ?? 1000);
const PARTITION_TARGET = 2000;

async function main() {
  const azurite = await startAzurite({ inMemory: true });
  const runs = new Map<string, number>();
  const app = await startTestApp(
    { AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString },
    { background: { pollIdleMs: 100, schedulerTickMs: 200, jobConcurrency: 16 }, jobHandlers: () => ({ 'bench.reminders': async (_p, job) => void runs.set(job.key, (runs.get(job.key) ?? 0) + 1) }) },
  );
  const keys = Array.from({ length: JOBS }, (_, i) => reminderKey(`e${String(i).padStart(6, '0')}`, 3_600_000));
  const dueAt = new Date(Date.now() + 60_000);
  const t0 = performance.now();
  for (let i = 0; i < keys.length; i += 50) await Promise.all(keys.slice(i, i + 50).map((key) => app.services.scheduler.schedule({ key, kind: 'bench.reminders', dueAt, payload: { eventId: key } })));
  const scheduledIn = (performance.now() - t0) / 1000;
  // Count from here: only the wave itself (the scheduler's lease and heartbeats are left out below).
  const calls = new StorageCalls().attach(app.services.storage);
  const wait = dueAt.getTime() - Date.now();
  console.log(`${JOBS} jobs scheduled in ${scheduledIn.toFixed(1)} s, due together in ${(wait / 1000).toFixed(0)} s…`);
  await new Promise((r) => setTimeout(r, Math.max(0, wait)));
  const w0 = performance.now();
  await eventually(async () => keys.filter((k) => runs.get(k) === 1).length, (n) => n === keys.length, 300_000, 'every job ran');
  const waveSeconds = (performance.now() - w0) / 1000;
  await new Promise((r) => setTimeout(r, 1000));
  const twice = keys.filter((k) => (runs.get(k) ?? 0) > 1).length;

  const sharded = new Map<string, number>();
  const first = new Map<string, number>();
  for (const c of calls.calls) {
    if (c.table !== 'Jobs' || !c.partition || c.partition === 'lease' || c.partition === 'instance') continue;
    const old = c.partition.startsWith('job') ? 'job' : c.partition.startsWith('due') ? 'due' : c.partition;
    sharded.set(c.partition, (sharded.get(c.partition) ?? 0) + c.entities);
    first.set(old, (first.get(old) ?? 0) + c.entities);
  }
  // Range reads of the due rows name no single partition: count each row read on its own partition.
  const dueReads = calls.calls.filter((c) => c.table === 'Jobs' && c.op === 'query' && !c.partition).length;
  const hottest = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1])[0] ?? ['-', 0];
  const [hotNew, nNew] = hottest(sharded);
  const [hotOld, nOld] = hottest(first);
  const total = [...sharded.values()].reduce((a, b) => a + b, 0);
  console.log(`wave of ${JOBS} jobs ran in ${waveSeconds.toFixed(1)} s here, each once (${twice} twice); ${total} entity operations on Jobs partitions (+ ${dueReads} range reads of due rows)`);
  console.log(`sharded layout: ${sharded.size} partitions, hottest ${hotNew} with ${nNew} (${(nNew / JOBS).toFixed(1)} per job)`);
  console.log(`first layout (same calls on 'job' and 'due'): hottest ${hotOld} with ${nOld} (${(nOld / JOBS).toFixed(1)} per job)`);
  console.log(`if the wave falls due within one second (1,000 sessions starting together, nationally):`);
  console.log(`RATIO hottest Jobs partition / 2,000 entities/s (sharded) = ${(nNew / PARTITION_TARGET).toFixed(2)}   (goal ≤ 0.5)`);
  console.log(`RATIO hottest Jobs partition / 2,000 entities/s (first layout) = ${(nOld / PARTITION_TARGET).toFixed(2)}`);
  console.log(`DUPLICATES = ${twice}`);
  await app.close();
  await azurite.stop();
}

runBench(main);
