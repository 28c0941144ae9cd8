// /api/health follows storage: Azurite stopped → 503 within a second; restarted → ok again,
// without restarting the app.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAzurite, type EmbeddedAzurite } from '../../src/storage/azurite.js';
import { startTestApp, api, type TestApp } from '../helpers/testApp.js';

describe('health follows storage', () => {
  let azurite: EmbeddedAzurite;
  let app: TestApp;
  const dir = mkdtempSync(join(tmpdir(), 'vc-health-'));

  before(async () => {
    azurite = await startAzurite({ location: dir });
    app = await startTestApp({ AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString });
  });
  after(async () => {
    await app?.close();
    await azurite?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports ok, then 503 within a second of Azurite stopping, then ok after it restarts', async () => {
    const ok = await api(app, '/api/health');
    assert.equal(ok.status, 200);
    assert.deepEqual(Object.keys(ok.body).sort(), ['status', 'storage']);

    const ports = azurite.ports;
    await azurite.stop();
    const started = Date.now();
    const down = await api(app, '/api/health');
    assert.equal(down.status, 503);
    assert.equal(down.body.status, 'unavailable');
    assert.equal(down.body.storage.ok, false);
    assert.ok(Date.now() - started < 1000, `took ${Date.now() - started} ms`);

    // A request that needs storage answers 503 with a readable message, not 500.
    const me = await api(app, '/api/me', { user: 'someone' });
    assert.equal(me.status, 503);
    assert.match(me.body.error.message, /unavailable/i);

    azurite = await startAzurite({ location: dir, ports });
    let recovered = false;
    for (let i = 0; i < 50 && !recovered; i++) {
      recovered = (await api(app, '/api/health')).status === 200;
      if (!recovered) await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(recovered, 'health recovered');
    assert.equal((await api(app, '/api/me', { user: 'someone' })).status, 200);
  });
});
