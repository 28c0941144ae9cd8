// Tiny JSON HTTP server helper for the local fakes (loopback only).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/paths.js';

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: unknown;
  rawBody: string;
  /** The client's TCP port (tests use it to tell which process sent a request). */
  remotePort?: number;
}

export interface FakeResponse {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export type FakeHandler = (req: FakeRequest) => Promise<FakeResponse | undefined> | FakeResponse | undefined;

export interface RunningFake {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

/** The test-only loopback certificate (trusted by the test process via NODE_EXTRA_CA_CERTS, see .mocharc.cjs). */
export function loopbackTls() {
  const dir = join(projectRoot(), 'tests', 'fixtures', 'tls');
  return { key: readFileSync(join(dir, 'loopback-key.pem')), cert: readFileSync(join(dir, 'loopback-cert.pem')) };
}

export async function startFakeServer(handler: FakeHandler, options: { tls?: boolean } = {}): Promise<RunningFake> {
  const listener = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const rawBody = Buffer.concat(chunks).toString('utf8');
    let body: unknown = rawBody;
    if ((req.headers['content-type'] ?? '').includes('json') && rawBody) {
      try {
        body = JSON.parse(rawBody);
      } catch {
        body = rawBody;
      }
    } else if ((req.headers['content-type'] ?? '').includes('x-www-form-urlencoded')) {
      body = Object.fromEntries(new URLSearchParams(rawBody));
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let out: FakeResponse | undefined;
    try {
      out = await handler({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body, rawBody, remotePort: req.socket.remotePort });
    } catch (e) {
      out = { status: 500, body: { error: String(e) } };
    }
    out ??= { status: 404, body: { error: { code: 'NotFound', message: `fake: no route ${req.method} ${url.pathname}` } } };
    res.statusCode = out.status ?? 200;
    for (const [k, v] of Object.entries(out.headers ?? {})) res.setHeader(k, v);
    if (out.body === undefined) res.end();
    else if (typeof out.body === 'string') res.end(out.body);
    else {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(out.body));
    }
  };
  const server: Server = options.tls ? createTlsServer(loopbackTls(), listener) : createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
