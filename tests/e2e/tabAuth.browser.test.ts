// The tab's sign-in (src/tab/auth.ts): dev mode sends the x-dev-user headers; with Entra sign-in
// the Teams SSO token comes through @microsoft/teamsfx, which is loaded only when the tab is framed
// by a host (Teams) — never in dev mode or in a top-level page, so the first load stays small.
import { strict as assert } from 'node:assert';
import { startTestApp, type TestApp } from '../helpers/testApp.js';
import { browserPerTest } from '../helpers/browser.js';
import { PLAYGROUND_USER_ID } from '../../src/seed/people.js';

const TEAMSFX_CHUNK = /\/tab\/assets\/index\.esm2017-[\w-]+\.js$/;

describe('tab sign-in in Chromium', function () {
  this.timeout(60_000);
  const tab = browserPerTest();

  describe('dev mode', () => {
    let app: TestApp;
    before(async () => {
      app = await startTestApp({ SEED_DEMO: 'true' });
    });
    after(async () => {
      await app?.close();
    });

    it('calls the API as the dev user and never loads TeamsFx', async () => {
      const scripts: string[] = [];
      const meHeaders: Record<string, string>[] = [];
      tab.page.on('request', (req) => {
        if (req.resourceType() === 'script') scripts.push(req.url());
        if (req.url().endsWith('/api/me')) meHeaders.push(req.headers());
      });
      await tab.page.goto(`${app.url}/tab/calendar?devUser=${PLAYGROUND_USER_ID}&devName=Sam%20Okafor`);
      await tab.page.getByTestId('signed-in-user').getByText('Sam Okafor').waitFor();
      assert.equal(meHeaders[0]?.['x-dev-user'], PLAYGROUND_USER_ID);
      assert.equal(meHeaders[0]?.authorization, undefined);
      assert.deepEqual(scripts.filter((u) => TEAMSFX_CHUNK.test(u)), []);
    });
  });

  describe('Entra sign-in', () => {
    let app: TestApp;
    before(async () => {
      app = await startTestApp({ AUTH_MODE: 'entra', AAD_APP_CLIENT_ID: '11111111-2222-4333-8444-555555555555', AAD_APP_TENANT_ID: '66666666-7777-4888-9999-000000000000' });
    });
    after(async () => {
      await app?.close();
    });

    it('outside Teams says it cannot sign in, without loading TeamsFx', async () => {
      const scripts: string[] = [];
      tab.page.on('request', (req) => {
        if (req.resourceType() === 'script') scripts.push(req.url());
      });
      await tab.page.goto(`${app.url}/tab/calendar`);
      await tab.page.getByText(/Teams could not sign you in/).waitFor();
      assert.deepEqual(scripts.filter((u) => TEAMSFX_CHUNK.test(u)), []);
    });

    it('framed by a host, takes the SSO token through TeamsFx (loaded then, as its own chunk)', async () => {
      const teamsfx = tab.page.waitForRequest((req) => TEAMSFX_CHUNK.test(req.url()), { timeout: 20_000 });
      // A stand-in host page on the app's origin: the tab inside it asks its host for a token.
      await tab.page.goto(`${app.url}/api/health`);
      await tab.page.setContent(`<iframe title="tab" src="${app.url}/tab/calendar" style="width:800px;height:600px"></iframe>`);
      assert.match((await teamsfx).url(), TEAMSFX_CHUNK);
    });
  });
});
