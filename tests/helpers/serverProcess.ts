// A whole app instance in its own Node process, for tests that need independent servers on one
// store (e.g. two instances taking sign-ups for the same event). Configured by environment; prints
// "READY <url>" when listening and stops on SIGTERM or when the parent goes away.
import { loadConfig } from '../../src/config.js';
import { startApp } from '../../src/app.js';
import { createLogger } from '../../src/logging.js';

const config = loadConfig(process.env);
const app = await startApp(config, { logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent') });
process.stdout.write(`READY ${app.url}\n`);
const stop = async () => {
  await app.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.stdin.on('end', () => void stop());
process.stdin.resume();
