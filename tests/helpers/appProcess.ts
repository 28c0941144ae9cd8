// One server instance as its own OS process, for tests that kill instances with SIGKILL. Started by
// tests/helpers/processes.ts with the storage, prefix and tunings in its environment; prints one
// JSON line when ready; exits when its parent goes away.
import { loadConfig } from '../../src/config.js';
import { startApp } from '../../src/app.js';
import { createLogger } from '../../src/logging.js';
import { fanOutHandlers } from './fanOut.js';

process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();

const config = loadConfig({
  ...process.env,
  PORT: '0',
  HOST: '127.0.0.1',
  AUTH_MODE: 'dev',
  GRAPH_MODE: 'off',
  BOT_OPENID_METADATA_URL: 'http://127.0.0.1:9/botframework',
  AAD_OPENID_METADATA_URL: 'http://127.0.0.1:9/aad',
  AZURE_AUTHORITY_HOST: 'http://127.0.0.1:9',
});
const tuning = JSON.parse(process.env.TEST_BACKGROUND_TUNING ?? '{}') as Record<string, number>;
const app = await startApp(config, {
  logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'warn'),
  background: tuning,
  jobHandlers: (services) => fanOutHandlers(() => services.notifier),
});
process.stdout.write(JSON.stringify({ ready: true, pid: process.pid, instanceId: app.background.tuning.instanceId, url: app.url }) + '\n');
process.on('SIGTERM', () => {
  void app.close().finally(() => process.exit(0));
});
