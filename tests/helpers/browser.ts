// Debian's Chromium driven by playwright-core (launch and flags in scripts/chromium.ts, shared with
// the screenshots and the tab benchmark), and mocha hooks for a browser test file.
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../scripts/chromium.js';

export { CHROMIUM_PATH, launchBrowser } from '../../scripts/chromium.js';

/**
 * Mocha hooks for a browser test file: one Chromium for the file and a fresh page for each test,
 * both closed afterwards. Call inside `describe`; tests read `tab.page` (and `tab.browser` for a
 * second person's page).
 */
export function browserPerTest(): { readonly browser: Browser; readonly page: Page } {
  const session = {} as { browser: Browser; page: Page };
  before(async () => {
    session.browser = await launchBrowser();
  });
  beforeEach(async () => {
    session.page = await session.browser.newPage();
  });
  afterEach(async () => {
    await session.page?.close();
  });
  after(async () => {
    await session.browser?.close();
  });
  return session;
}
