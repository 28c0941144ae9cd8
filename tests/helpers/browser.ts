// Debian's Chromium driven by playwright-core, with the flags that keep it off the network.
import { chromium, type Browser, type Page } from 'playwright-core';
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install Debian's chromium package (.ci/run does).`);
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-quic', '--no-first-run', '--disable-sync'],
  });
}

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
