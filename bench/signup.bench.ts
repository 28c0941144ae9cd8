// Contended sign-ups: many people booking one event at once, through the app's group commit
// (EventsService → per-event seat line → one transaction per batch), compared in the same run
// with (1) raw single-row inserts into Azurite — the store's own write rate — and (2) a
// read-modify-write with ETag retry on the event's counter row (the Employee Training template's
// approach, made safe). Prints sign-ups per second and the ratios.
import { randomUUID } from 'node:crypto';
import { TableClient, type TableEntityResult } from '@azure/data-tables';
import { startAzurite } from '../src/storage/azurite.js';
import { startTestApp } from '../tests/helpers/testApp.js';
import { RecordingScheduler } from '../tests/helpers/events.js';
import { throughput, runBench } from './stats.js';

const N = Number(process.env.BENCH_N ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const CAPACITY = 100;

async function main() {
  const azurite = await startAzurite({ inMemory: true });
  const admin = randomUUID();
  const app = await startTestApp({ AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString, ADMIN_AAD_OBJECT_IDS: admin }, { scheduler: () => new RecordingScheduler() });
  const actor = await app.services.people.actor({ id: admin, name: 'Bench Admin' });
  const start = new Date(Date.now() + 30 * 86_400_000);
  const newEvent = async () =>
    (await app.services.events.create(actor, { title: 'Bench', category: 'plt', hub: 'east-kent', start: start.toISOString(), end: new Date(start.getTime() + 3_600_000).toISOString(), location: 'Bench', capacity: CAPACITY }))[0].id;

  const raw = TableClient.fromConnectionString(azurite.connectionString, app.services.storage.tableName('events'), { allowInsecureConnection: true });

  // (1) Raw single-row inserts: one registration-shaped row per person in one partition, no counter, no checks.
  const rawRun = async () => {
    const pk = 'raw-' + randomUUID();
    return throughput(async (i) => {
      await raw.createEntity({ partitionKey: pk, rowKey: `r:${i}`, userId: randomUUID(), name: 'Bench Person', status: 'booked', ticket: 0, joinedAt: new Date(), attended: false, inviteToken: 'x' });
    }, N, CONCURRENCY);
  };

  // (2) Read-modify-write with ETag retry on a counter row, then the registration row.
  const rmwRun = async () => {
    const pk = 'rmw-' + randomUUID();
    await raw.createEntity({ partitionKey: pk, rowKey: 'event', booked: 0, waitlisted: 0, capacity: CAPACITY });
    let retries = 0;
    const perSecond = await throughput(async (i) => {
      for (let attempt = 0; ; attempt++) {
        const head = (await raw.getEntity(pk, 'event')) as TableEntityResult<{ booked: number; waitlisted: number; capacity: number }>;
        const full = head.booked >= head.capacity;
        try {
          await raw.updateEntity({ partitionKey: pk, rowKey: 'event', booked: head.booked + (full ? 0 : 1), waitlisted: head.waitlisted + (full ? 1 : 0), capacity: head.capacity }, 'Replace', { etag: head.etag });
        } catch (e) {
          if ((e as { statusCode?: number }).statusCode !== 412) throw e;
          retries++;
          await new Promise((r) => setTimeout(r, Math.random() * Math.min(100, 5 * 2 ** attempt)));
          continue;
        }
        await raw.createEntity({ partitionKey: pk, rowKey: `r:${i}`, status: full ? 'waitlisted' : 'booked' });
        return;
      }
    }, Math.min(N, 300), CONCURRENCY);
    return { perSecond, retries };
  };

  // (3) The app: sign-ups through the events service (group commit per event, ETag-guarded transactions).
  const appRun = async (concurrency: number) => {
    const id = await newEvent();
    const perSecond = await throughput(async () => {
      await app.services.events.signUp({ id: randomUUID(), name: 'Bench Person', guest: false, roles: [] }, id);
    }, N, concurrency);
    const seats = (await app.services.eventRepository.get(id))!.seats;
    if (seats.booked !== CAPACITY || seats.booked + seats.waitlisted !== N) throw new Error(`wrong counts: ${JSON.stringify(seats)}`);
    return perSecond;
  };

  // Warm up every path, then interleave two rounds so drift on a shared machine hits all alike.
  await raw.createEntity({ partitionKey: 'warm', rowKey: 'w', x: 1 }).catch(() => undefined);
  await appRun(CONCURRENCY);
  const results = { raw: [] as number[], rmw: [] as number[], app: [] as number[], appWide: [] as number[], retries: 0 };
  for (let round = 0; round < 2; round++) {
    results.raw.push(await rawRun());
    const rmw = await rmwRun();
    results.rmw.push(rmw.perSecond);
    results.retries += rmw.retries;
    results.app.push(await appRun(CONCURRENCY));
    results.appWide.push(await appRun(Math.min(N, 500)));
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const [rawRate, rmwRate, appRate, appWide] = [mean(results.raw), mean(results.rmw), mean(results.app), mean(results.appWide)];
  console.log(`sign-ups: ${N} per run for one ${CAPACITY}-seat event, ${CONCURRENCY} concurrent callers (and ${Math.min(N, 500)} for the wide run)`);
  console.log(`raw single-row inserts        ${rawRate.toFixed(0)} /s`);
  console.log(`read-modify-write + ETag retry ${rmwRate.toFixed(0)} /s (${results.retries} retries over ${2 * Math.min(N, 300)} sign-ups)`);
  console.log(`group commit (app)            ${appRate.toFixed(0)} /s at ${CONCURRENCY} callers, ${appWide.toFixed(0)} /s at ${Math.min(N, 500)}`);
  console.log(`RATIO signups/raw-writes = ${(appRate / rawRate).toFixed(2)}`);
  console.log(`RATIO signups/rmw-etag = ${(appRate / rmwRate).toFixed(2)}`);
  console.log(`RATIO signups(${Math.min(N, 500)} callers)/raw-writes = ${(appWide / rawRate).toFixed(2)}`);
  await app.close();
  await azurite.stop();
}

runBench(main);
