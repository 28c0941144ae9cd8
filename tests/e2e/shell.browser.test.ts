// The tab's shell in Chromium: addresses (an event's own link, "Page not found", /tab itself), the
// Admin page for someone without the role, the navigation on a phone, the first load (identity
// and the calendar's events requested together, a skeleton meanwhile), theme link colours, and
// axe-core on the shell in the three themes at desktop and phone width.
import { strict as assert } from 'node:assert';
import type { Page } from 'playwright-core';
import { startTestApp, api, type TestApp } from '../helpers/testApp.js';
import { browserPerTest } from '../helpers/browser.js';
import { assertNoSeriousAxe, THEMES, VIEWPORTS } from '../helpers/axe.js';
import { PLAYGROUND_USER_ID } from '../../src/seed/people.js';

const COORDINATOR = `devUser=${PLAYGROUND_USER_ID}&devName=Sam%20Okafor`;
const MEMBER_ID = '0e0e0e0e-1111-4222-8333-444444444444';
const MEMBER = `devUser=${MEMBER_ID}&devName=Mo%20Member`;
const NAV = { name: 'Virtual Café sections' };

const signedIn = (page: Page) => page.getByTestId('signed-in-user').waitFor();

describe('tab shell in Chromium', function () {
  this.timeout(90_000);
  let app: TestApp;
  let eventId: string;
  let eventTitle: string;
  const tab = browserPerTest();

  before(async () => {
    app = await startTestApp({ SEED_DEMO: 'true' });
    await app.services.profiles.save({ userId: MEMBER_ID, name: 'Mo Member', guest: false, profession: 'hca', hub: 'west-kent', pcn: 'The Ridge PCN', organisation: 'Lenham Surgery', updatedAt: new Date() });
    const events = await api(app, '/api/events', { user: MEMBER_ID });
    assert.ok(events.body.items.length > 0, 'demo events');
    ({ id: eventId, title: eventTitle } = events.body.items[0]);
  });
  after(async () => {
    await app?.close();
  });

  describe('addresses', () => {
    it('opens one event at /tab/events/{id}, a link people can share, under the Calendar section', async () => {
      await tab.page.goto(`${app.url}/tab/events/${encodeURIComponent(eventId)}?${MEMBER}`);
      await tab.page.getByRole('heading', { level: 1, name: eventTitle }).waitFor();
      assert.equal(await tab.page.getByRole('navigation', NAV).getByRole('link', { name: 'Calendar', exact: true }).getAttribute('aria-current'), 'page');
      assert.equal(await tab.page.title(), 'Event · Virtual Café');
    });

    it('says "Page not found" for an unknown /tab/ address, with a way back to the calendar', async () => {
      for (const path of ['/tab/nowhere', '/tab/calendar/nonsense', '/tab/events/a/b', '/tab/events/']) {
        await tab.page.goto(`${app.url}${path}?${MEMBER}`);
        await tab.page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
        assert.equal(await tab.page.getByRole('heading', { name: 'PLT calendar' }).count(), 0, `${path} is not the calendar`);
      }
      assert.equal(await tab.page.title(), 'Page not found · Virtual Café');
      await tab.page.getByRole('link', { name: 'Go to the PLT calendar' }).click();
      await tab.page.waitForURL(/\/tab\/calendar$/);
      await tab.page.getByRole('heading', { level: 1, name: 'PLT calendar' }).waitFor();
    });

    it('sends /tab itself to the calendar, keeping the address query', async () => {
      await tab.page.goto(`${app.url}/tab?${MEMBER}&view=list`);
      await tab.page.waitForURL(/\/tab\/calendar\?.*view=list/);
      await tab.page.getByRole('heading', { level: 1, name: 'PLT calendar' }).waitFor();
    });

    it('keeps every section address working', async () => {
      const pages: [string, RegExp][] = [
        ['/tab/calendar', /PLT calendar/],
        ['/tab/bookings', /./],
        ['/tab/channels', /./],
        ['/tab/facilitation', /./],
        ['/tab/settings', /./],
        ['/tab/privacy', /./],
        ['/tab/admin', /Hub administration/],
      ];
      for (const [path, heading] of pages) {
        await tab.page.goto(`${app.url}${path}?${COORDINATOR}`);
        await tab.page.getByRole('heading', { level: 1, name: heading }).first().waitFor();
        assert.equal(await tab.page.getByRole('heading', { name: 'Page not found' }).count(), 0, path);
      }
    });

    it('tells someone who is not a coordinator what the Admin page is and who to ask', async () => {
      await tab.page.goto(`${app.url}/tab/admin?${MEMBER}`);
      await tab.page.getByRole('heading', { level: 1, name: 'Hub administration' }).waitFor();
      const text = await tab.page.getByRole('main').innerText();
      assert.match(text, /for hub coordinators/);
      assert.match(text, /ask a coordinator of West Kent/);
      assert.equal(await tab.page.getByRole('navigation', NAV).getByRole('link', { name: 'Admin' }).count(), 0, 'not offered in the navigation');
    });
  });

  describe('on a phone', () => {
    it('shows the sections that fit, unclipped, and the rest under "More"', async () => {
      await tab.page.setViewportSize(VIEWPORTS.phone);
      await tab.page.goto(`${app.url}/tab/calendar?${COORDINATOR}`);
      await signedIn(tab.page);
      const nav = tab.page.getByRole('navigation', NAV);
      const more = nav.getByRole('button', { name: 'More' });
      await more.waitFor();
      // Every link left in the bar is whole: not cut by the bar, not wider than its box.
      const clipped = (await tab.page.evaluate(`(() => {
        return [...document.querySelectorAll('[data-testid="nav-list"] a')].filter((a) => a.offsetParent !== null).map((a) => {
          const r = a.getBoundingClientRect();
          const list = a.closest('ul').getBoundingClientRect();
          return { text: a.textContent, cut: a.scrollWidth > a.clientWidth + 1 || r.right > list.right + 1 || r.right > window.innerWidth };
        }).filter((x) => x.cut).map((x) => x.text);
      })()`)) as string[];
      assert.deepEqual(clipped, []);
      const inBar = await nav.getByTestId('nav-list').getByRole('link').filter({ visible: true }).allInnerTexts();
      assert.ok(inBar.includes('Calendar'), `current section stays in the bar: ${inBar}`);

      assert.equal(await more.getAttribute('aria-expanded'), 'false');
      await more.click();
      assert.equal(await more.getAttribute('aria-expanded'), 'true');
      const inMore = await nav.locator(`#${await more.getAttribute('aria-controls')}`).getByRole('link').allInnerTexts();
      const all = ['Calendar', 'My bookings', 'Channels', 'Facilitation', 'Notifications', 'Admin'];
      assert.deepEqual([...inBar, ...inMore].sort(), [...all].sort(), 'each section once, in the bar or under More');

      await tab.page.keyboard.press('Escape');
      assert.equal(await more.getAttribute('aria-expanded'), 'false');
      assert.equal(await tab.page.evaluate('document.activeElement.textContent'), 'More', 'focus back on the button');

      await more.click();
      await nav.getByRole('link', { name: 'Admin' }).click();
      await tab.page.waitForURL(/\/tab\/admin$/);
      await tab.page.getByRole('heading', { level: 1, name: 'Hub administration' }).waitFor();
      assert.equal(await more.getAttribute('aria-expanded'), 'false', 'closed after choosing');
      const overflow = (await tab.page.evaluate('document.documentElement.scrollWidth - window.innerWidth')) as number;
      assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
    });

    it('keeps the header to one compact row', async () => {
      await tab.page.setViewportSize(VIEWPORTS.phone);
      await tab.page.goto(`${app.url}/tab/calendar?${COORDINATOR}`);
      await signedIn(tab.page);
      const header = (await tab.page.locator('header').boundingBox())!;
      assert.ok(header.height <= 56, `header is ${header.height}px tall`);
    });
  });

  describe('first load', () => {
    it('asks for /api/me and the calendar’s events together, showing a skeleton meanwhile', async () => {
      const started = new Map<string, number>();
      const finished = new Map<string, number>();
      const eventsRequests: string[] = [];
      tab.page.on('request', (r) => {
        const path = new URL(r.url()).pathname;
        if (path === '/api/events') eventsRequests.push(r.url());
        if (!started.has(path)) started.set(path, Date.now());
      });
      tab.page.on('requestfinished', (r) => {
        const path = new URL(r.url()).pathname;
        if (!finished.has(path)) finished.set(path, Date.now());
      });
      // Hold /api/me back: if the events request waited for it, it could not start until after.
      await tab.page.route('**/api/me', async (route) => {
        await new Promise((r) => setTimeout(r, 1500));
        await route.continue();
      });
      await tab.page.goto(`${app.url}/tab/calendar?${MEMBER}&view=list`);
      await tab.page.getByTestId('page-skeleton').waitFor();
      assert.equal(await tab.page.locator('.fui-Spinner').count(), 0, 'a skeleton, not a spinner');
      await tab.page.getByRole('heading', { level: 1, name: 'PLT calendar' }).waitFor();
      await tab.page.getByRole('list', { name: 'Events' }).waitFor();

      assert.ok(started.has('/api/me') && started.has('/api/events'), [...started.keys()].join(', '));
      assert.ok(started.get('/api/events')! < finished.get('/api/me')!, 'the events request went out before /api/me answered');
      assert.equal(eventsRequests.length, 1, `the calendar used the early answer instead of asking again: ${eventsRequests.join(' ')}`);
    });
  });

  describe('themes', () => {
    it('draws plain links in the theme’s link colour, never the browser’s blue', async () => {
      const expected = { default: 'rgb(79, 82, 178)', dark: 'rgb(127, 133, 245)', contrast: 'rgb(255, 255, 0)' };
      for (const theme of THEMES) {
        await tab.page.goto(`${app.url}/tab/calendar?${MEMBER}&theme=${theme}`);
        await signedIn(tab.page);
        const colour = await tab.page.getByRole('link', { name: 'Your data' }).evaluate('getComputedStyle(document.querySelector(\'[data-testid="signed-in-user"] a\')).color');
        assert.equal(colour, expected[theme], theme);
      }
    });

    it('honours prefers-reduced-motion: no transition or animation takes longer than an instant', async () => {
      await tab.page.emulateMedia({ reducedMotion: 'reduce' });
      await tab.page.goto(`${app.url}/tab/calendar?${COORDINATOR}`);
      await tab.page.getByRole('heading', { name: 'PLT calendar' }).waitFor();
      // Every element's longest transition and animation, in seconds (Fluent's buttons fade 100 ms otherwise).
      const longest = (await tab.page.evaluate(`(() => {
        const seconds = (list) => Math.max(0, ...list.split(',').map((t) => (t.trim().endsWith('ms') ? parseFloat(t) / 1000 : parseFloat(t)) || 0));
        return Math.max(0, ...[...document.querySelectorAll('*')].map((e) => { const c = getComputedStyle(e); return Math.max(seconds(c.transitionDuration), seconds(c.animationDuration)); }));
      })()`)) as number;
      assert.ok(longest <= 0.001, `something still moves for ${longest}s`);
    });

    for (const [size, viewport] of Object.entries(VIEWPORTS)) {
      it(`has no serious or critical axe-core violations in the shell at ${size} width, in every theme`, async () => {
        // As someone who asked for less motion (the tab honours it); axe also waits for the page to be still.
        await tab.page.emulateMedia({ reducedMotion: 'reduce' });
        await tab.page.setViewportSize(viewport);
        for (const theme of THEMES) {
          // The shell's own pages whole, and the shell around a page.
          await tab.page.goto(`${app.url}/tab/nowhere?${COORDINATOR}&theme=${theme}`);
          await tab.page.getByRole('heading', { name: 'Page not found' }).waitFor();
          await assertNoSeriousAxe(tab.page, `not-found page, ${theme}, ${size}`);
          await tab.page.goto(`${app.url}/tab/admin?${MEMBER}&theme=${theme}`);
          await tab.page.getByRole('heading', { name: 'Hub administration' }).waitFor();
          await assertNoSeriousAxe(tab.page, `admin without the role, ${theme}, ${size}`);
          await tab.page.goto(`${app.url}/tab/calendar?${COORDINATOR}&theme=${theme}`);
          await tab.page.getByRole('heading', { name: 'PLT calendar' }).waitFor();
          await assertNoSeriousAxe(tab.page, `header and navigation, ${theme}, ${size}`, { include: '[data-testid="shell-top"]' });
          const more = tab.page.getByRole('navigation', NAV).getByRole('button', { name: 'More' });
          if (await more.isVisible()) {
            await more.click();
            await assertNoSeriousAxe(tab.page, `"More" open, ${theme}, ${size}`, { include: '[data-testid="shell-top"]' });
          }
        }
      });
    }
  });
});
