// The real tab build (dist/tab, made by `npm run build` before the tests) as the whole app serves
// it: every script of the calendar's first load goes out compressed and immutable, index.html
// preloads the calendar's chunks and is revalidated, no source map is built or served, and the
// calendar's first load stays within its budget on the wire (issue #13: 150 KB of JS and CSS,
// headers included).
import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { startTestApp, type TestApp } from '../helpers/testApp.js';
import { rawGet } from '../helpers/rawHttp.js';
import { projectRoot } from '../../src/paths.js';

const BUDGET_BYTES = 150 * 1024;
const BROWSER = { 'accept-encoding': 'gzip, deflate, br, zstd' };

describe('the built tab over HTTP', function () {
  this.timeout(60_000);
  let app: TestApp;
  let html: string;

  before(async () => {
    app = await startTestApp();
    const index = await rawGet(`${app.url}/tab/calendar`, BROWSER);
    assert.equal(index.headers['content-encoding'], 'br');
    html = brotliDecompressSync(index.body).toString();
  });
  after(async () => {
    await app?.close();
  });

  const firstLoad = () => [...new Set([...html.matchAll(/(?:src|href)="(\/tab\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]))];

  it('preloads the calendar page chunk from index.html, which is revalidated on every load', async () => {
    assert.match(html, /<link rel="modulepreload"[^>]*href="\/tab\/assets\/CalendarPage-[\w-]+\.js"/);
    const index = await rawGet(`${app.url}/tab/calendar`, BROWSER);
    assert.equal(index.headers['cache-control'], 'no-cache');
    assert.equal(index.headers.vary, 'Accept-Encoding');
    assert.equal(index.headers['x-content-type-options'], 'nosniff', 'the security headers still apply');
  });

  it('sends every first-load script compressed, immutable, and within the budget on the wire', async () => {
    const files = firstLoad();
    assert.ok(files.length >= 2, `entry and preloads in ${html}`);
    let wire = 0;
    let raw = 0;
    for (const file of files) {
      const r = await rawGet(`${app.url}${file}`, BROWSER);
      assert.equal(r.status, 200, file);
      assert.equal(r.headers['content-encoding'], 'br', file);
      assert.equal(r.headers['cache-control'], 'public, max-age=31536000, immutable', file);
      assert.equal(r.headers.vary, 'Accept-Encoding', file);
      wire += r.headerBytes + r.body.length;
      raw += brotliDecompressSync(r.body).length;
    }
    assert.ok(wire <= BUDGET_BYTES, `calendar first load is ${(wire / 1024).toFixed(1)} KB compressed (${(raw / 1024).toFixed(0)} KB raw) over ${files.length} files; budget ${BUDGET_BYTES / 1024} KB`);
  });

  it('builds no source maps and serves none', async () => {
    const assets = readdirSync(join(projectRoot(), 'dist', 'tab', 'assets'));
    assert.deepEqual(assets.filter((f) => f.endsWith('.map')), []);
    const entry = firstLoad().find((f) => /\/index-[\w-]+\.js$/.test(f));
    assert.ok(entry, 'the entry script');
    const map = await rawGet(`${app.url}${entry}.map`, BROWSER);
    assert.equal(map.status, 404);
    assert.doesNotMatch(map.body.toString(), /sourcesContent/);
  });
});
