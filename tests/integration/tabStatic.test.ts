// The tab's static files over HTTP, against a folder made for each case: the encoding the browser
// accepts is sent from the precompressed copies, hashed assets are immutable and the rest is
// revalidated, and nothing outside the build's public files leaves the server — source maps only in
// dev mode, never dot-folders (Vite's manifest), never the .br/.gz copies by name, never a path
// out of the folder. (tests/e2e/tabAssets.test.ts checks the real build through the whole app.)
import { strict as assert } from 'node:assert';
import { mkdtemp, mkdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import restify, { type Server } from 'restify';
import { tabStaticHandler } from '../../src/api/tabStatic.js';
import type { Config } from '../../src/config.js';
import { rawGet } from '../helpers/rawHttp.js';

const SCRIPT = Buffer.from(`console.log(${JSON.stringify('x'.repeat(4000))});\n`);

async function buildFolder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tab-static-'));
  await mkdir(join(dir, 'assets'));
  await mkdir(join(dir, '.vite'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body><div id="root"></div></body></html>');
  await writeFile(join(dir, 'assets', 'app-abc123.js'), SCRIPT);
  await writeFile(join(dir, 'assets', 'app-abc123.js.br'), brotliCompressSync(SCRIPT));
  await writeFile(join(dir, 'assets', 'app-abc123.js.gz'), gzipSync(SCRIPT));
  await writeFile(join(dir, 'assets', 'tiny-def456.js'), 'export{};');
  await writeFile(join(dir, 'assets', 'app-abc123.js.map'), '{"version":3,"sources":["secret.tsx"]}');
  await writeFile(join(dir, '.vite', 'manifest.json'), '{}');
  await writeFile(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return dir;
}

async function serve(dir: string, authMode: 'entra' | 'dev'): Promise<{ url: string; server: Server }> {
  const server = restify.createServer({ handleUncaughtExceptions: false });
  const handler = tabStaticHandler(dir, { authMode, aadAppClientId: 'client-id' } as Config);
  server.get('/tab', handler);
  server.get('/tab/*', handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, server };
}

describe('tab static files', () => {
  let dir: string;
  let prod: { url: string; server: Server };
  let dev: { url: string; server: Server };

  before(async () => {
    dir = await buildFolder();
    prod = await serve(dir, 'entra');
    dev = await serve(dir, 'dev');
  });
  after(async () => {
    prod?.server.close();
    dev?.server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('sends the brotli copy to a browser that accepts it, else gzip, else the file itself', async () => {
    const br = await rawGet(`${prod.url}/tab/assets/app-abc123.js`, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    assert.equal(br.status, 200);
    assert.equal(br.headers['content-encoding'], 'br');
    assert.deepEqual(brotliDecompressSync(br.body), SCRIPT);
    assert.ok(br.body.length < SCRIPT.length / 10, 'the compressed copy, not the file');

    const gz = await rawGet(`${prod.url}/tab/assets/app-abc123.js`, { 'accept-encoding': 'gzip, deflate' });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.deepEqual(gunzipSync(gz.body), SCRIPT);

    const none = await rawGet(`${prod.url}/tab/assets/app-abc123.js`, {});
    assert.equal(none.headers['content-encoding'], undefined);
    assert.deepEqual(none.body, SCRIPT);

    for (const r of [br, gz, none]) {
      assert.equal(r.headers.vary, 'Accept-Encoding');
      assert.equal(Number(r.headers['content-length']), r.body.length, 'a length, not chunked');
      assert.match(String(r.headers['content-type']), /^text\/javascript/);
    }
  });

  it('honours q-values: br;q=0 refuses brotli, identity;q=1 with gzip;q=0 gets the file', async () => {
    assert.equal((await rawGet(`${prod.url}/tab/assets/app-abc123.js`, { 'accept-encoding': 'br;q=0, gzip;q=0.8' })).headers['content-encoding'], 'gzip');
    assert.equal((await rawGet(`${prod.url}/tab/assets/app-abc123.js`, { 'accept-encoding': 'gzip;q=0, identity' })).headers['content-encoding'], undefined);
    assert.equal((await rawGet(`${prod.url}/tab/assets/app-abc123.js`, { 'accept-encoding': '*' })).headers['content-encoding'], 'br');
  });

  it('sends a small file with no compressed copy as it is', async () => {
    const r = await rawGet(`${prod.url}/tab/assets/tiny-def456.js`, { 'accept-encoding': 'br, gzip' });
    assert.equal(r.status, 200);
    assert.equal(r.headers['content-encoding'], undefined);
    assert.equal(r.body.toString(), 'export{};');
  });

  it('caches hashed assets for a year and revalidates everything else', async () => {
    const asset = await rawGet(`${prod.url}/tab/assets/app-abc123.js`, { 'accept-encoding': 'br' });
    assert.equal(asset.headers['cache-control'], 'public, max-age=31536000, immutable');
    const icon = await rawGet(`${prod.url}/tab/favicon.svg`, {});
    assert.equal(icon.headers['cache-control'], 'no-cache');
    assert.ok(icon.headers.etag, 'an ETag to revalidate with');
    assert.equal((await rawGet(`${prod.url}/tab/favicon.svg`, { 'if-none-match': String(icon.headers.etag) })).status, 304);
  });

  it('serves index.html for every page address, compressed, revalidated, with the auth mode written in', async () => {
    for (const path of ['/tab', '/tab/calendar', '/tab/events/abc', '/tab/no/such/page']) {
      const r = await rawGet(`${prod.url}${path}`, { 'accept-encoding': 'br' });
      assert.equal(r.status, 200, path);
      assert.equal(r.headers['content-encoding'], 'br', path);
      assert.equal(r.headers['cache-control'], 'no-cache', path);
      assert.equal(r.headers.vary, 'Accept-Encoding', path);
      assert.match(brotliDecompressSync(r.body).toString(), /<meta name="virtual-cafe-auth" content="entra">/, path);
    }
    const gz = await rawGet(`${prod.url}/tab/calendar`, { 'accept-encoding': 'gzip' });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    const again = await rawGet(`${prod.url}/tab/calendar`, { 'accept-encoding': 'gzip', 'if-none-match': String(gz.headers.etag) });
    assert.equal(again.status, 304);
    const plain = await rawGet(`${prod.url}/tab/calendar`, { 'accept-encoding': 'identity' });
    assert.notEqual(plain.headers.etag, gz.headers.etag, 'each encoding has its own ETag');
  });

  it('never serves source maps outside dev mode', async () => {
    const prodMap = await rawGet(`${prod.url}/tab/assets/app-abc123.js.map`, {});
    assert.equal(prodMap.status, 404);
    assert.doesNotMatch(prodMap.body.toString(), /secret\.tsx/);
    assert.equal((await rawGet(`${dev.url}/tab/assets/app-abc123.js.map`, {})).status, 200, 'dev mode (loopback only) may debug with them');
  });

  it('never serves dot-folders, the compressed copies by name, or anything outside the folder', async () => {
    for (const path of ['/tab/.vite/manifest.json', '/tab/assets/app-abc123.js.br', '/tab/assets/app-abc123.js.gz', '/tab/..%2F..%2Fetc%2Fpasswd.txt', '/tab/assets/%2e%2e/%2e%2e/package.json', '/tab/assets/missing-000.js']) {
      const r = await rawGet(`${prod.url}${path}`, {});
      assert.equal(r.status, 404, path);
    }
  });

  it('picks up a rebuilt index.html without a restart', async () => {
    const before = await rawGet(`${prod.url}/tab/calendar`, {});
    await writeFile(join(dir, 'index.html'), '<!doctype html><html><head><title>rebuilt</title></head><body></body></html>');
    // A rebuild always moves the modification time on; make sure it differs here too.
    const later = new Date(Date.now() + 5000);
    await utimes(join(dir, 'index.html'), later, later);
    const after = await rawGet(`${prod.url}/tab/calendar`, {});
    assert.match(after.body.toString(), /<title>rebuilt<\/title>/);
    assert.notEqual(after.headers.etag, before.headers.etag);
  });

  it('answers 503 with a hint until the tab is built', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'tab-unbuilt-'));
    const unbuilt = await serve(empty, 'entra');
    try {
      const r = await rawGet(`${unbuilt.url}/tab/calendar`, {});
      assert.equal(r.status, 503);
      assert.match(r.body.toString(), /npm run build/);
    } finally {
      unbuilt.server.close();
      await rm(empty, { recursive: true, force: true });
    }
  });
});
