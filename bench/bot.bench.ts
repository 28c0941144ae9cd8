// The bot's own cost per message: "help" through the full app (identity, roles, routing, card
// rendering, reply) against a bare echo bot on the same server, adapter and fake connector.
// Prints latency ratios (p50, p99) and throughput ratio, measured in this run.
import { ActivityHandler } from 'botbuilder';
import type { Request, Response } from 'restify';
import { startAzurite } from '../src/storage/azurite.js';
import { startTestApp } from '../tests/helpers/testApp.js';
import { FakeConnector } from '../tests/helpers/fakeConnector.js';
import { BotClient } from '../tests/helpers/botClient.js';
import { messagesHandler } from '../src/teams/adapter.js';
import { percentile, timeCalls, runBench } from './stats.js';

const N = Number(process.env.BENCH_N ?? 400);

async function main() {
  const azurite = await startAzurite({ inMemory: true });
  const connector = await FakeConnector.start();
  const app = await startTestApp({ AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString });
  const echo = new ActivityHandler();
  echo.onMessage(async (context, next) => {
    await context.sendActivity(`echo: ${context.activity.text}`);
    await next();
  });
  const echoHandler = messagesHandler(app.edge, app.config, app.services.logger, (context) => echo.run(context));
  app.server.post('/bench/echo', async (req: Request, res: Response) => echoHandler(req, res));

  const bot = new BotClient(app.url, connector);
  const person = { id: '11111111-1111-4111-8111-111111111111', name: 'Bench Person' };
  const post = (path: string) => async () => {
    const activity = bot.activity(person, 'personal', { type: 'message', text: 'help' });
    const res = await fetch(app.url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
    await res.arrayBuffer();
  };

  // Warm both paths (JIT, connections, token caches), then alternate runs to share any drift.
  await timeCalls(post('/api/messages'), 50);
  await timeCalls(post('/bench/echo'), 50);
  const help: number[] = [];
  const baseline: number[] = [];
  for (let round = 0; round < 4; round++) {
    help.push(...(await timeCalls(post('/api/messages'), N / 4)));
    baseline.push(...(await timeCalls(post('/bench/echo'), N / 4)));
  }
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  console.log(`messages: ${N} each, sequential, one connection`);
  console.log(`help   p50 ${percentile(help, 50).toFixed(2)} ms  p99 ${percentile(help, 99).toFixed(2)} ms`);
  console.log(`echo   p50 ${percentile(baseline, 50).toFixed(2)} ms  p99 ${percentile(baseline, 99).toFixed(2)} ms`);
  console.log(`RATIO help/echo p50 = ${(percentile(help, 50) / percentile(baseline, 50)).toFixed(2)}`);
  console.log(`RATIO help/echo p99 = ${(percentile(help, 99) / percentile(baseline, 99)).toFixed(2)}`);
  console.log(`RATIO help/echo throughput = ${(sum(baseline) / sum(help)).toFixed(2)}`);

  await app.close();
  await connector.close();
  await azurite.stop();
}

runBench(main);
