// The built app with demo data on a free loopback port and its own in-memory Azurite, for the tab
// benchmark (bench/tab.bench.ts) and the screenshots (scripts/screenshots.ts). Nothing is written to
// disk; close() stops both. The tab must be built (npm run build:tab) first.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../src/config.js';
import { startApp, type RunningApp } from '../src/app.js';
import { startAzurite } from '../src/storage/azurite.js';
import { projectRoot } from '../src/paths.js';
import { createLogger } from '../src/logging.js';

export interface DemoApp {
  url: string;
  app: RunningApp;
  close(): Promise<void>;
}

export async function startDemoApp(port = 0): Promise<DemoApp> {
  const tabDir = join(projectRoot(), 'dist', 'tab');
  if (!existsSync(join(tabDir, 'index.html'))) throw new Error('The tab is not built: run "npm run build:tab" first.');
  const azurite = await startAzurite({ inMemory: true });
  try {
    const config = loadConfig({
      PORT: String(port),
      HOST: '127.0.0.1',
      AUTH_MODE: 'dev',
      SEED_DEMO: 'true',
      GRAPH_MODE: 'off',
      LOG_LEVEL: 'silent',
      AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
    });
    const app = await startApp(config, { tabDir, logger: createLogger('silent') });
    return {
      url: app.url,
      app,
      close: async () => {
        await app.close();
        await azurite.stop();
      },
    };
  } catch (e) {
    await azurite.stop();
    throw e;
  }
}
