// A sign-up from a card, end to end: the `event.signup` Universal Action through the full bot
// (token-free dev bot, identity, roles, seat line, group commit, per-person card) against a bare
// echo invoke handler on the same server, adapter and process. Latency ratios p50/p99, measured in
// this run, one request at a time and with 16 at once.
import { randomUUID } from 'node:crypto';
import { ActivityHandler, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { Request, Response } from 'restify';
import { startAzurite } from '../src/storage/azurite.js';
import { startTestApp } from '../tests/helpers/testApp.js';
import { FakeConnector } from '../tests/helpers/fakeConnector.js';
import { BotClient } from '../tests/helpers/botClient.js';
import { RecordingScheduler } from '../tests/helpers/events.js';
import { messagesHandler } from '../src/teams/adapter.js';
import { percentile, runBench } from './stats.js';

const N = Number(process.env.BENCH_N ?? 400);

/** Answers every invoke with a small static card: the cost of the SDK and HTTP alone. */
class EchoInvokeBot extends ActivityHandler {
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: `echo ${String((context.activity.value as { action?: { verb?: string } })?.action?.verb)}` }] } } };
  }
}

async function main() {
  const azurite = await startAzurite({ inMemory: true });
  const connector = await FakeConnector.start();
  const admin = randomUUID();
  const app = await startTestApp({ AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString, ADMIN_AAD_OBJECT_IDS: admin }, { scheduler: () => new RecordingScheduler() });
  const echo = new EchoInvokeBot();
  const echoHandler = messagesHandler(app.edge, app.config, app.services.logger, (context) => echo.run(context));
  app.server.post('/bench/echo', async (req: Request, res: Response) => echoHandler(req, res));

  const actor = await app.services.people.actor({ id: admin, name: 'Bench Admin' });
  const start = new Date(Date.now() + 30 * 86_400_000);
  const newEvent = async (capacity: number) =>
    (await app.services.events.create(actor, { title: 'Bench PLT', category: 'plt', hub: 'east-kent', start: start.toISOString(), end: new Date(start.getTime() + 3_600_000).toISOString(), location: 'Canterbury', capacity }))[0].id;

  const bot = new BotClient(app.url, connector);
  const invoke = (path: string, eventId: string) => async () => {
    const person = { id: randomUUID(), name: 'Bench Person' };
    const activity = bot.activity(person, 'personal', { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'event.signup', data: { eventId } } } });
    const t0 = performance.now();
    const res = await fetch(app.url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    const body = (await res.json()) as { statusCode?: number };
    if (res.status !== 200 || body.statusCode !== 200) throw new Error(`${path} answered ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
    return performance.now() - t0;
  };

  async function measure(label: string, concurrency: number) {
    const eventId = await newEvent(N / 2); // half booked, half waitlisted
    const signup = invoke('/api/messages', eventId);
    const baseline = invoke('/bench/echo', eventId);
    for (let i = 0; i < 30; i++) {
      await signup();
      await baseline();
    }
    const run = async (fn: () => Promise<number>) => {
      const out: number[] = [];
      let next = 0;
      await Promise.all(Array.from({ length: concurrency }, async () => {
        while (next++ < N) out.push(await fn());
      }));
      return out;
    };
    // Alternate rounds so machine noise falls on both alike.
    const s: number[] = [];
    const e: number[] = [];
    for (let round = 0; round < 4; round++) {
      s.push(...(await run(signup)).slice(0, N / 4));
      e.push(...(await run(baseline)).slice(0, N / 4));
    }
    console.log(`${label}: event.signup p50 ${percentile(s, 50).toFixed(2)} ms, p99 ${percentile(s, 99).toFixed(2)} ms | echo invoke p50 ${percentile(e, 50).toFixed(2)} ms, p99 ${percentile(e, 99).toFixed(2)} ms`);
    return { p50: percentile(s, 50) / percentile(e, 50), p99: percentile(s, 99) / percentile(e, 99) };
  }

  const one = await measure('1 at a time', 1);
  const many = await measure('16 at once', 16);
  console.log(`RATIO signup/echo p50 (1 at a time) = ${one.p50.toFixed(2)}`);
  console.log(`RATIO signup/echo p99 (1 at a time) = ${one.p99.toFixed(2)}`);
  console.log(`RATIO signup/echo p50 (16 at once) = ${many.p50.toFixed(2)}`);
  console.log(`RATIO signup/echo p99 (16 at once) = ${many.p99.toFixed(2)}`);

  await app.close();
  await connector.close();
  await azurite.stop();
}

runBench(main);
