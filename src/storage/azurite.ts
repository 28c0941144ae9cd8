// Embedded Azurite for local runs and tests: a child process serving tables, queues and blobs on
// loopback. The child watches its stdin pipe and exits when the parent goes away, even on kill -9,
// so no orphan keeps the data folder locked.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface AzuriteOptions {
  /** Folder for data; ignored with inMemory. */
  location?: string;
  inMemory?: boolean;
  /** Fixed ports (tests restart Azurite on the same ports); free ports are chosen otherwise. */
  ports?: { blob: number; queue: number; table: number };
  startTimeoutMs?: number;
}

export interface EmbeddedAzurite {
  connectionString: string;
  ports: { blob: number; queue: number; table: number };
  stop(): Promise<void>;
  readonly running: boolean;
}

const ACCOUNT = 'devstoreaccount1';
// Azurite's well-known development key (public, documented; only valid against the emulator).
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export function azuriteConnectionString(ports: { blob: number; queue: number; table: number }): string {
  return [
    'DefaultEndpointsProtocol=http',
    `AccountName=${ACCOUNT}`,
    `AccountKey=${DEV_KEY}`,
    `BlobEndpoint=http://127.0.0.1:${ports.blob}/${ACCOUNT}`,
    `QueueEndpoint=http://127.0.0.1:${ports.queue}/${ACCOUNT}`,
    `TableEndpoint=http://127.0.0.1:${ports.table}/${ACCOUNT}`,
  ].join(';');
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

// Runs inside the child: exit when the parent's end of stdin closes, then hand over to Azurite.
const CHILD_BOOTSTRAP = `
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
const entry = process.argv[1];
process.argv = [process.argv[0], entry, ...process.argv.slice(2)];
require(entry);
`;

export async function startAzurite(options: AzuriteOptions = {}): Promise<EmbeddedAzurite> {
  const ports = options.ports ?? { blob: await freePort(), queue: await freePort(), table: await freePort() };
  const args = [
    '--blobHost', '127.0.0.1', '--blobPort', String(ports.blob),
    '--queueHost', '127.0.0.1', '--queuePort', String(ports.queue),
    '--tableHost', '127.0.0.1', '--tablePort', String(ports.table),
    '--skipApiVersionCheck', '--loose', '--disableTelemetry',
  ];
  if (options.inMemory) args.push('--inMemoryPersistence');
  else {
    const location = options.location ?? '.azurite';
    mkdirSync(location, { recursive: true });
    args.push('--location', location);
  }
  const entry = require.resolve('azurite/dist/src/azurite.js');
  const child = spawn(process.execPath, ['-e', CHILD_BOOTSTRAP, entry, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, AZURITE_ACCOUNTS: undefined },
  });
  let running = true;
  child.on('exit', () => {
    running = false;
  });

  await waitForListening(child, options.startTimeoutMs ?? 30_000);
  return {
    connectionString: azuriteConnectionString(ports),
    ports,
    get running() {
      return running;
    },
    stop: () => stopChild(child),
  };
}

function waitForListening(child: ChildProcess, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const seen = new Set<string>();
    let output = '';
    const timer = setTimeout(() => fail(new Error(`Azurite did not start within ${timeoutMs} ms:\n${output.slice(-2000)}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      for (const m of output.matchAll(/Azurite (Blob|Queue|Table) service is successfully listening/g)) seen.add(m[1]);
      if (seen.size === 3) {
        cleanup();
        resolve();
      }
    };
    const onExit = (code: number | null) => fail(new Error(`Azurite exited early (code ${code}):\n${output.slice(-2000)}`));
    function cleanup() {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      // Keep draining output so the pipe never fills and blocks Azurite.
      child.stdout?.resume();
      child.stderr?.resume();
    }
    function fail(err: Error) {
      cleanup();
      child.kill('SIGKILL');
      reject(err);
    }
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', onExit);
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
