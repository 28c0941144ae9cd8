// Reminder fan-out against Teams' rate: N reminders (one fan-out job; 10,000 by default, about
// 3½ minutes) through the queued notifier to a fake Bot Connector that allows 50 requests a second
// and answers 429 above it. Prints the achieved send rate as a fraction of the allowed rate
// (goal ≥ 0.95), the duplicates and the lost (goal 0 and 0).
import { startAzurite } from '../src/storage/azurite.js';
import { startTestApp } from '../tests/helpers/testApp.js';
import { FakeConnector } from '../tests/helpers/fakeConnector.js';
import { TEST_TENANT } from '../tests/helpers/botClient.js';
import { makeReachable, sendsByConversation } from '../tests/helpers/notifications.js';
import { FANOUT_KIND, fanOutHandlers, fanOutPeople } from '../tests/helpers/fanOut.js';

const N = Number(process.env.BENCH_N ?? 10_000);
const ALLOWED = 50;

/** BENCH_LANES and BENCH_SAFETY try other send lanes / rate safety margins without editing code. */
function tuningFromEnv() {
  return {
    ...(process.env.BENCH_LANES ? { sendLanes: Number(process.env.BENCH_LANES) } : {}),
    ...(process.env.BENCH_SAFETY ? { rateSafety: Number(process.env.BENCH_SAFETY) } : {}),
  };
}

async function main() {
  const azurite = await startAzurite({ inMemory: true });
  const connector = await FakeConnector.start();
  connector.limitRate(ALLOWED);
  const app = await startTestApp(
    { AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString, HOME_TENANT_ID: TEST_TENANT },
    { background: { pollIdleMs: 100, schedulerTickMs: 100, ...tuningFromEnv() }, jobHandlers: (s) => fanOutHandlers(() => s.notifier) },
  );
  const people = fanOutPeople('bench', N);
  await makeReachable(app.services.conversations, connector, people);

  const t0 = performance.now();
  await app.services.scheduler.schedule({ key: 'event.reminders:bench', kind: FANOUT_KIND, dueAt: new Date(), payload: { eventId: 'bench', offsetMs: 3600_000, seed: 'bench', count: N } });
  // Until all are sent, or nothing more arrives for a minute (then the rest count as lost).
  for (let seen = -1, since = Date.now(); connector.sent.length < N && Date.now() - since < 60_000; ) {
    if (connector.sent.length !== seen) [seen, since] = [connector.sent.length, Date.now()];
    await new Promise((r) => setTimeout(r, 200));
  }
  const elapsed = (performance.now() - t0) / 1000;
  await new Promise((r) => setTimeout(r, 2000));

  const first = connector.sent[0].at;
  const last = connector.sent[connector.sent.length - 1].at;
  const achieved = (connector.sent.length - 1) / ((last - first) / 1000);
  const byConversation = sendsByConversation(connector);
  const duplicates = [...byConversation.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
  const lost = N - byConversation.size;
  console.log(`reminders: ${N}, fake connector allows ${ALLOWED}/s`);
  console.log(`sent ${connector.sent.length} in ${((last - first) / 1000).toFixed(1)} s of sending (${elapsed.toFixed(1)} s from scheduling the job); 429s ${connector.throttled}`);
  console.log(`RATIO achieved/allowed send rate = ${(achieved / ALLOWED).toFixed(3)}   (goal ≥ 0.95)`);
  console.log(`DUPLICATES = ${duplicates}   LOST = ${lost}   (goal 0 and 0)`);
  if (process.env.BENCH_DEBUG) {
    // Sends per second of the run, to see where pacing falls short of the allowed rate.
    const perSecond = new Map<number, number>();
    for (const s of connector.sent) {
      const second = Math.floor((s.at - first) / 1000);
      perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
    }
    console.log([...perSecond].map(([k, v]) => `${k}:${v}`).join(' '));
  }

  await app.close();
  await connector.close();
  await azurite.stop();
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
