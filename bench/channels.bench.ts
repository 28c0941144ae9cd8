// Channel joins on Azurite: how many joins a second one hot channel takes (one instance, whose
// joins are group-committed in process; and two instances racing on the channel's count row), and
// joins spread over fifteen channels — each as a ratio of plain single-row inserts into the same
// store, measured in this run (goal for two instances on one channel: ≥ 0.6). Also the directory
// read (one query, counts on the channel rows) against one partition query of the same 15 rows.
import { randomUUID } from 'node:crypto';
import { odata } from '@azure/data-tables';
import { startAzurite } from '../src/storage/azurite.js';
import { Storage } from '../src/storage/storage.js';
import { TableMembershipRepository } from '../src/storage/membershipRepository.js';
import { TableChannelRepository } from '../src/storage/channelRepository.js';
import { listAll } from '../src/storage/etag.js';
import { DEMO_CHANNELS } from '../src/seed/channels.js';
import { percentile, throughput, timeCalls, runBench } from './stats.js';
import { READ_CACHE_TTL_MS } from '../src/storage/readCache.js';

const TOTAL = Number(process.env.BENCH_N ?? 300);
const CONCURRENCY = 32;

async function main() {
  const azurite = await startAzurite({ inMemory: true });
  const storage = new Storage({ connectionString: azurite.connectionString }, 'bench' + randomUUID().slice(0, 6));
  await storage.ensure();
  const table = storage.table('channelMembers');
  const one = new TableMembershipRepository(table);
  const two = new TableMembershipRepository(table);
  const join = (repo: TableMembershipRepository, channelId: string) => async () => {
    await repo.addMember({ channelId, userId: randomUUID(), guest: false, joinedAt: new Date() });
  };

  // Interleaved: inserts, then each kind of join, twice over (fresh channels each round).
  const insertRate = () => throughput(async () => void (await storage.table('meta').createEntity({ partitionKey: 'bench', rowKey: randomUUID() })), TOTAL, CONCURRENCY);
  const rates = { inserts: [] as number[], hot: [] as number[], raced: [] as number[], spread: [] as number[] };
  const counted: number[] = [];
  for (let round = 0; round < 2; round++) {
    rates.inserts.push(await insertRate());
    rates.hot.push(await throughput(join(one, `hot-one-${round}`), TOTAL, CONCURRENCY));
    rates.raced.push(await throughput((i) => join(i % 2 ? one : two, `hot-two-${round}`)(), TOTAL, CONCURRENCY));
    rates.inserts.push(await insertRate());
    rates.spread.push(await throughput((i) => join(one, DEMO_CHANNELS[i % DEMO_CHANNELS.length].id)(), TOTAL, CONCURRENCY));
    counted.push(await one.count(`hot-one-${round}`), await two.count(`hot-two-${round}`));
  }
  if (counted.some((n) => n !== TOTAL)) throw new Error(`counts drifted: ${counted.join(', ')}`);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const [inserts, hot, raced, spread] = [mean(rates.inserts), mean(rates.hot), mean(rates.raced), mean(rates.spread)];

  const channels = new TableChannelRepository(storage.table('channels'), one);
  for (const c of DEMO_CHANNELS) await channels.create({ ...c, memberCount: 0 });
  READ_CACHE_TTL_MS.channels = 0; // every read goes to storage
  await channels.list(); // rows of the first version are reconciled once
  await new Promise((r) => setTimeout(r, 1000));
  const directory = await timeCalls(async () => void (await channels.list()), 100);
  const query = await timeCalls(async () => void (await listAll(storage.table('channels').listEntities({ queryOptions: { filter: odata`PartitionKey eq ${'channel'}` } }))), 100);

  console.log(`${TOTAL} joins each, ${CONCURRENCY} at a time; counts exact (${counted.join(', ')})`);
  console.log(`inserts ${inserts.toFixed(0)}/s · one hot channel ${hot.toFixed(0)}/s · two instances on it ${raced.toFixed(0)}/s · 15 channels ${spread.toFixed(0)}/s`);
  console.log(`RATIO hot-channel joins/inserts = ${(hot / inserts).toFixed(2)}`);
  console.log(`RATIO two-instance hot joins/inserts = ${(raced / inserts).toFixed(2)}   (goal ≥ 0.6)`);
  console.log(`RATIO spread joins/inserts = ${(spread / inserts).toFixed(2)}`);
  console.log(`RATIO directory/one-query p50 = ${(percentile(directory, 50) / percentile(query, 50)).toFixed(2)}   (directory cache off; GET /api/channels over HTTP: paths.bench.ts)`);
  await azurite.stop();
}

runBench(main);
