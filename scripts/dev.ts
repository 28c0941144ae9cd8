// `npm run dev`: the whole app locally — embedded Azurite with data in .azurite/, demo data on first
// start, bot + API + tab on one port, and the Agents Playground to chat with the bot. Ctrl-C stops all.
import { ConfigError, loadConfig } from '../src/config.js';
import { startApp, type RunningApp } from '../src/app.js';
import { freePort } from '../src/storage/azurite.js';
import { startPlayground, type Playground } from './playground.js';
import { PLAYGROUND_USER_ID, DEMO_PEOPLE } from '../src/seed/people.js';

const PLAYGROUND_PORT = 56150;

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(undefined, {
      envFile: 'local',
      defaults: { SEED_DEMO: 'true', LOG_LEVEL: 'warn' },
      // Local runs are always an anonymous bot with dev sign-in, on loopback.
      overrides: { AUTH_MODE: 'dev', BOT_ID: '', BOT_PASSWORD: '', HOST: '127.0.0.1' },
    });
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }

  console.log('Starting the Virtual Café (embedded Azurite, demo data)…');
  const app: RunningApp = await startApp(config);
  const playgroundPort = (await isFree(PLAYGROUND_PORT)) ? PLAYGROUND_PORT : await freePort();
  let playground: Playground | undefined;
  try {
    playground = await startPlayground(`${app.url}/api/messages`, playgroundPort);
  } catch (e) {
    console.error(`The Agents Playground did not start: ${e instanceof Error ? e.message : e}`);
  }

  const me = DEMO_PEOPLE.find((p) => p.id === PLAYGROUND_USER_ID)!;
  const tabUrl = `${app.url}/tab/calendar?devUser=${encodeURIComponent(me.id)}&devName=${encodeURIComponent(me.name)}`;
  console.log('');
  console.log('  Virtual Café is running');
  if (playground) console.log(`  Agents Playground (chat with the bot): ${playground.url}`);
  console.log(`  Tab (as ${me.name}, demo coordinator):  ${tabUrl}`);
  console.log(`  Bot endpoint:                          ${app.url}/api/messages`);
  console.log(`  Health:                                ${app.url}/api/health`);
  console.log('  Data is kept in .azurite/ — delete it to start again with fresh demo data.');
  console.log('  Press Ctrl-C to stop.');

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    await playground?.stop();
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  playground?.process.once('exit', () => {
    if (!stopping) console.error('The Agents Playground stopped; the app keeps running.');
  });
}

async function isFree(port: number): Promise<boolean> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
