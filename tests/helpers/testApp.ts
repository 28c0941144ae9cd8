// Starts the whole app in-process on a free loopback port against the shared test Azurite, with a
// fresh table prefix so every test app starts empty.
import { loadConfig, type Env } from '../../src/config.js';
import { startApp, type AppOptions, type RunningApp } from '../../src/app.js';
import { sharedAzurite } from './rootHooks.js';
import { uniquePrefix } from './ids.js';
import { createLogger } from '../../src/logging.js';

export interface TestApp extends RunningApp {
  prefix: string;
}

export async function startTestApp(env: Env = {}, options: AppOptions = {}): Promise<TestApp> {
  const azurite = await sharedAzurite();
  const prefix = env.STORAGE_PREFIX ?? uniquePrefix();
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    AUTH_MODE: 'dev',
    AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
    STORAGE_PREFIX: prefix,
    LOG_LEVEL: 'silent',
    GRAPH_MODE: 'off',
    // Never reach the real Bot Framework or Entra endpoints from tests.
    BOT_OPENID_METADATA_URL: 'http://127.0.0.1:9/botframework',
    AAD_OPENID_METADATA_URL: 'http://127.0.0.1:9/aad',
    AZURE_AUTHORITY_HOST: 'http://127.0.0.1:9',
    GRAPH_BASE_URL: 'http://127.0.0.1:9/graph',
    ...env,
  });
  const logger = options.logger ?? createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
  const app = await startApp(config, { ...options, logger });
  return Object.assign(app, { prefix });
}

/** fetch against the test app with dev-mode identity headers. */
export async function api(
  app: { url: string },
  path: string,
  init: { method?: string; user?: string; name?: string; email?: string; tenant?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: any; headers: Headers; text: string }> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.user) headers['x-dev-user'] = init.user;
  if (init.name) headers['x-dev-name'] = encodeURIComponent(init.name);
  if (init.email) headers['x-dev-email'] = init.email;
  if (init.tenant) headers['x-dev-tenant'] = init.tenant;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(app.url + path, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body) });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON */
  }
  return { status: res.status, body, headers: res.headers, text };
}
