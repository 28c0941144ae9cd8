// `npm run screenshots`: pictures of the running app for the README, made from the real thing.
// Builds the tab (SCREENSHOTS_NO_BUILD=1 to use dist/tab as is), starts the built app with demo data
// on a free loopback port (scripts/demoApp.ts), and with Debian's Chromium writes to
// docs/screenshots/:
//   calendar-{light,dark}.png      the PLT calendar at desktop width, as a demo coordinator
//   calendar-phone-{light,dark}.png the calendar at phone width
//   admin-{light,dark}.png          the hub administration page
//   event-card-{light,dark}.png     the bot's event card, as the bot answers it over the Bot Framework
//                                   protocol, rendered by the adaptivecards library's browser build
//                                   with a Teams-like host config (scripts/teamsCardHost.ts)
// SCREENSHOTS_ALL=1 also writes every page in high contrast, for looking over (not for the README).
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { startDemoApp } from './demoApp.js';
import { cardPage, cardStyles, hostConfig, type CardTheme } from './teamsCardHost.js';
import { projectRoot } from '../src/paths.js';
import { DEMO_PEOPLE } from '../src/seed/people.js';
import { launchBrowser } from './chromium.js';

const require = createRequire(import.meta.url);
const OUT = join(projectRoot(), 'docs', 'screenshots');
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

// A coordinator of West Kent with a profile (Priya Raman in the demo data): sees Admin and the
// organiser's tools, and has a hub the calendar can be "for".
const COORDINATOR = DEMO_PEOPLE.find((p) => p.roles?.some((r) => r.role === 'coordinator') && !p.noProfile)!;
// A health care assistant with no role, who books places.
const MEMBER = DEMO_PEOPLE.find((p) => p.profession === 'hca' && !p.roles)!;

const who = (p: { id: string; name: string }) => `devUser=${encodeURIComponent(p.id)}&devName=${encodeURIComponent(p.name)}`;

async function settle(page: Page): Promise<void> {
  // Skeletons gone, fonts and layout done.
  await page.waitForFunction('!document.querySelector(\'[data-testid="page-skeleton"], [data-testid="loading"]\')', undefined, { timeout: 30_000 });
  await page.evaluate('document.fonts.ready');
  await page.waitForTimeout(300);
}

async function shootPage(page: Page, url: string, file: string, heading: string | RegExp): Promise<void> {
  await page.goto(url);
  await page.getByRole('heading', { level: 1, name: heading }).first().waitFor({ timeout: 60_000 });
  await settle(page);
  await page.screenshot({ path: join(OUT, file) });
  console.log(`wrote docs/screenshots/${file}`);
}

/** The event card exactly as the bot answers `event.refresh` for this person (Universal Actions). */
async function eventCard(appUrl: string, person: { id: string; name: string }, eventId: string): Promise<unknown> {
  const tenantId = '72f988bf-0000-4000-8000-00000000c0de';
  const activity = {
    id: randomUUID(),
    type: 'invoke',
    name: 'adaptiveCard/action',
    timestamp: new Date().toISOString(),
    // Nothing is sent back through it: an invoke's answer is the HTTP response.
    serviceUrl: 'http://127.0.0.1:9/',
    channelId: 'msteams',
    from: { id: `29:${person.id}`, name: person.name, aadObjectId: person.id },
    conversation: { id: `a:personal-${person.id}`, conversationType: 'personal', tenantId },
    recipient: { id: '28:virtual-cafe-bot', name: 'Virtual Café' },
    locale: 'en-GB',
    channelData: { tenant: { id: tenantId } },
    value: { action: { type: 'Action.Execute', verb: 'event.refresh', data: { eventId } }, trigger: 'manual' },
  };
  const res = await fetch(`${appUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  const body = (await res.json()) as { type?: string; value?: unknown };
  if (body.type !== 'application/vnd.microsoft.card.adaptive') throw new Error(`event.refresh answered ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
  return body.value;
}

async function shootCard(page: Page, card: unknown, theme: CardTheme, file: string): Promise<void> {
  await page.setViewportSize({ width: 520, height: 400 });
  await page.setContent(cardPage(theme));
  await page.addStyleTag({ path: require.resolve('adaptivecards/dist/adaptivecards.css') });
  await page.addStyleTag({ content: cardStyles(theme) });
  await page.addScriptTag({ path: require.resolve('adaptivecards/dist/adaptivecards.min.js') });
  // The tests already validate every card; here the parser's own complaints are just echoed.
  const problems = (await page.evaluate(
    `(() => {
      const card = new AdaptiveCards.AdaptiveCard();
      card.hostConfig = new AdaptiveCards.HostConfig(${JSON.stringify(hostConfig(theme))});
      const context = new AdaptiveCards.SerializationContext();
      card.parse(${JSON.stringify(card)}, context);
      document.getElementById('card').appendChild(card.render());
      const events = [];
      for (let i = 0; i < context.eventCount; i++) events.push(context.getEventAt(i).message);
      return events;
    })()`,
  )) as string[];
  if (problems.length) console.warn(`card parser: ${problems.join('; ')}`);
  await page.evaluate('document.fonts.ready');
  await page.locator('body').screenshot({ path: join(OUT, file) });
  console.log(`wrote docs/screenshots/${file}`);
}

async function main(): Promise<void> {
  if (process.env.SCREENSHOTS_NO_BUILD !== '1') {
    const build = spawnSync('npm', ['run', '--silent', 'build:tab'], { cwd: projectRoot(), stdio: 'inherit' });
    if (build.status !== 0) throw new Error('npm run build:tab failed');
  }
  mkdirSync(OUT, { recursive: true });
  const demo = await startDemoApp();
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: DESKTOP, colorScheme: 'light' });
    const themes = process.env.SCREENSHOTS_ALL === '1' ? (['default', 'dark', 'contrast'] as const) : (['default', 'dark'] as const);
    for (const theme of themes) {
      const suffix = theme === 'default' ? 'light' : theme;
      await page.setViewportSize(DESKTOP);
      await shootPage(page, `${demo.url}/tab/calendar?${who(COORDINATOR)}&theme=${theme}`, `calendar-${suffix}.png`, 'PLT calendar');
      await shootPage(page, `${demo.url}/tab/admin?${who(COORDINATOR)}&theme=${theme}`, `admin-${suffix}.png`, 'Hub administration');
      await page.setViewportSize(PHONE);
      await shootPage(page, `${demo.url}/tab/calendar?${who(MEMBER)}&theme=${theme}`, `calendar-phone-${suffix}.png`, 'PLT calendar');
    }

    // The card of the first upcoming event with places, as the member sees it.
    const events = (await (await fetch(`${demo.url}/api/events`, { headers: { 'x-dev-user': MEMBER.id } })).json()) as { items: { id: string; capacity: number | null; booked: number; status: string }[] };
    const event = events.items.find((e) => e.status === 'scheduled' && (e.capacity === null || e.booked < e.capacity)) ?? events.items[0];
    const card = await eventCard(demo.url, MEMBER, event.id);
    const cardPageTab = await browser.newPage();
    for (const theme of ['light', 'dark'] as const) await shootCard(cardPageTab, card, theme, `event-card-${theme}.png`);
  } finally {
    await browser.close();
    await demo.close();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
