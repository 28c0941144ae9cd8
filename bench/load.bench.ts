// Load test with autocannon against the running app (its own Node process, as in production) on
// one Azurite: the calendar (GET /api/events, 60 events over 60 days) and sign-ups (POST
// /api/events/{id}/registrations, a new person each time, spread over the 60 events), each at 10
// connections, interleaved in halves with its storage baseline at the same concurrency from this
// process: the same 60-entity partition query, and raw single-row inserts.
// Goal (issue #14) for the calendar: ≥ 0.3 of the query's rate, 0 errors, nothing over 5 s.
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { TableClient, odata } from '@azure/data-tables';
import { startAzurite } from '../src/storage/azurite.js';
import { listAll } from '../src/storage/etag.js';
import { startServerProcess } from '../tests/helpers/serverProcesses.js';
import { runBench } from './stats.js';
import { CALENDAR_EVENTS, seedCalendar } from './calendarData.js';

const CONNECTIONS = 10;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);

interface Run {
  requests: number;
  seconds: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  non2xx: number;
}

/** `concurrency` callers of `fn` for `seconds`; latencies in ms. */
async function loop(fn: () => Promise<void>, concurrency: number, seconds: number): Promise<Run> {
  const latencies: number[] = [];
  let errors = 0;
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const s = performance.now();
        try {
          await fn();
        } catch {
          errors++;
        }
        latencies.push(performance.now() - s);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)];
  return { requests: latencies.length, seconds: (performance.now() - t0) / 1000, p50: at(50), p99: at(99), max: latencies[latencies.length - 1], errors, non2xx: 0 };
}

async function cannon(options: autocannon.Options): Promise<Run> {
  const r = await autocannon({ connections: CONNECTIONS, duration: SECONDS / 2, timeout: 10, ...options });
  return { requests: r.requests.total, seconds: r.duration, p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max, errors: r.errors + r.timeouts, non2xx: r.non2xx };
}

const sum = (a: Run, b: Run): Run => ({
  requests: a.requests + b.requests,
  seconds: a.seconds + b.seconds,
  p50: Math.max(a.p50, b.p50),
  p99: Math.max(a.p99, b.p99),
  max: Math.max(a.max, b.max),
  errors: a.errors + b.errors,
  non2xx: a.non2xx + b.non2xx,
});
const rate = (r: Run) => r.requests / r.seconds;
const line = (label: string, r: Run) =>
  `${label.padEnd(34)} ${rate(r).toFixed(0).padStart(5)} req/s  p50 ${r.p50.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms  max ${r.max.toFixed(0)} ms  errors ${r.errors}  non-2xx ${r.non2xx}  (${r.requests} in ${r.seconds.toFixed(1)} s)`;

async function main() {
  const azurite = await startAzurite({ inMemory: true });
  const admin = randomUUID();
  const prefix = 'load' + randomUUID().slice(0, 6).replace(/-/g, '');
  const server = await startServerProcess({ AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString, STORAGE_PREFIX: prefix, ADMIN_AAD_OBJECT_IDS: admin });
  try {
    const { ids, reader } = await seedCalendar(server, { user: admin, name: 'Bench Admin' });
    const readers = [reader.user, ...Array.from({ length: 49 }, () => randomUUID())];
    const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)];

    const meta = TableClient.fromConnectionString(azurite.connectionString, `${prefix}Meta`, { allowInsecureConnection: true });
    const events = TableClient.fromConnectionString(azurite.connectionString, `${prefix}Events`, { allowInsecureConnection: true });
    await Promise.all(Array.from({ length: CALENDAR_EVENTS }, (_, i) => meta.createEntity({ partitionKey: 'bench60', rowKey: String(i).padStart(3, '0'), eventId: ids[i], title: `PLT afternoon ${i + 1}`, start: new Date(), booked: i })));
    const query = async () => void (await listAll(meta.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${'bench60'}` } })));
    const insert = async () => void (await events.createEntity({ partitionKey: 'raw-load', rowKey: `r:${randomUUID()}`, userId: randomUUID(), name: 'Bench Person', status: 'booked', ticket: 1, joinedAt: new Date(), attended: false, inviteToken: 'x' }));

    const calendar = () =>
      cannon({
        url: server.url,
        requests: [{ method: 'GET', path: '/api/events', setupRequest: (req) => ({ ...req, headers: { ...req.headers, 'x-dev-user': pick(readers), 'x-dev-name': 'Bench Reader' } }) }],
      });
    const signups = () =>
      cannon({
        url: server.url,
        requests: [{ method: 'POST', setupRequest: (req) => ({ ...req, path: `/api/events/${pick(ids)}/registrations`, headers: { ...req.headers, 'x-dev-user': randomUUID(), 'x-dev-name': 'Bench Person' } }) }],
      });

    // Warm up, then A B A B in halves.
    await loop(query, CONNECTIONS, 1);
    await autocannon({ url: server.url, connections: 2, duration: 1, headers: { 'x-dev-user': reader.user } , requests: [{ method: 'GET', path: '/api/events' }] });
    const cal1 = await calendar();
    const q1 = await loop(query, CONNECTIONS, SECONDS / 2);
    const cal2 = await calendar();
    const q2 = await loop(query, CONNECTIONS, SECONDS / 2);
    const s1 = await signups();
    const i1 = await loop(insert, CONNECTIONS, SECONDS / 2);
    const s2 = await signups();
    const i2 = await loop(insert, CONNECTIONS, SECONDS / 2);

    const cal = sum(cal1, cal2);
    const q = sum(q1, q2);
    const s = sum(s1, s2);
    const ins = sum(i1, i2);
    console.log(`${CONNECTIONS} connections, ${SECONDS} s each (two halves, interleaved with the baseline); server in its own process`);
    console.log(line('GET /api/events (autocannon)', cal));
    console.log(line('one 60-entity partition query', q));
    console.log(line('POST registrations (autocannon)', s));
    console.log(line('raw single-row inserts', ins));
    console.log(`RATIO calendar rate / query rate at ${CONNECTIONS} concurrent = ${(rate(cal) / rate(q)).toFixed(2)}   (goal ≥ 0.3, 0 errors, nothing over 5 s: errors ${cal.errors + cal.non2xx}, max ${cal.max.toFixed(0)} ms)`);
    console.log(`RATIO sign-up rate / raw insert rate at ${CONNECTIONS} concurrent = ${(rate(s) / rate(ins)).toFixed(2)}   (errors ${s.errors + s.non2xx}, max ${s.max.toFixed(0)} ms)`);
  } finally {
    await server.stop();
    await azurite.stop();
  }
}

runBench(main);
