// Every page of the tab through axe-core, in the three Teams themes (default, dark, high contrast),
// at desktop (1280×800) and phone (390×844) width, on the demo data, as a coordinator (so Admin
// renders, with facilitation requests and offers) and as a plain member: zero serious or critical
// violations. One browser and one page: each page is opened once per theme and checked at both
// widths (the tab follows the width without a reload). The pages' content is checked (`main`); the
// shell around it (header, navigation) has its own sweep. Also the states that only appear on use:
// the people picker's suggestions and the "cancel my booking" dialog.
import { strict as assert } from 'node:assert';
import type { Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../helpers/testApp.js';
import { launchBrowser } from '../helpers/browser.js';
import { THEMES, VIEWPORTS, axeProblems, describeProblems } from '../helpers/axeCheck.js';
import { assertNothingHiddenOutsideDialogs } from '../helpers/axe.js';
import { DEMO_PEOPLE } from '../../src/seed/people.js';
import { HUBS } from '../../src/domain/people/hubs.js';
import { PROFESSIONS } from '../../src/domain/people/professions.js';

const coordinator = DEMO_PEOPLE.find((p) => p.name === 'Priya Raman')!; // West Kent coordinator, a lead and a facilitator
const member = DEMO_PEOPLE.find((p) => p.name === 'Callum Birch')!; // an HCA: no role, leads nothing, not in the pool

const PAGES: [string, string][] = [
  ['calendar (month)', '/tab/calendar?view=month'],
  ['calendar (week)', '/tab/calendar?view=week'],
  ['calendar (list)', '/tab/calendar?view=list&scope=all'],
  ['event detail', '/tab/calendar/event/demo-asthma-copd-update'],
  ['my bookings', '/tab/bookings'],
  ['channels', '/tab/channels'],
  ['facilitation', '/tab/facilitation'],
  ['notifications', '/tab/settings'],
  ['admin', '/tab/admin'],
  ['privacy', '/tab/privacy'],
];

/**
 * Codes the API speaks that people should never read as a label: hubs and professions
 * ("north-kent", "practice-nurse", "hca"). Addresses (links, feed URLs) may contain them.
 */
const CODES = new RegExp(`(^|[^\\w-])(${[...HUBS, ...PROFESSIONS.filter((p) => p.includes('-') || p === 'hca')].join('|')})(?![\\w-])`);

/** Visible words of the header and the page that are codes, outside links and code blocks. */
async function codesShown(page: Page): Promise<string[]> {
  const texts = (await page.evaluate(`(() => {
    const out = [];
    const walk = document.createTreeWalker(document.getElementById('root'), NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      if (!n.parentElement || n.parentElement.closest('a, code, pre, textarea, script, style') || !n.parentElement.checkVisibility()) continue;
      out.push(n.textContent);
    }
    for (const o of document.querySelectorAll('#root select option:checked')) out.push(o.textContent);
    return out;
  })()`)) as string[];
  return texts.filter((t) => CODES.test(t));
}

/** The page has its heading and nothing is still loading. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction("(() => { const m = document.querySelector('main'); return !!m && !!m.querySelector('h1') && !m.querySelector('.fui-Spinner'); })()", null, { timeout: 20_000 });
}

describe('accessibility of every page (axe-core, three themes, desktop and phone)', function () {
  this.timeout(180_000);
  let app: TestApp;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;

  before(async () => {
    app = await startTestApp({ SEED_DEMO: 'true' });
    browser = await launchBrowser();
    // Less motion, as someone can ask their system for (the tab honours it): no colour is measured mid-fade.
    page = await browser.newPage({ viewport: VIEWPORTS.desktop, reducedMotion: 'reduce' });
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  const url = (who: { id: string; name: string }, path: string, theme: string) => `${app.url}${path}${path.includes('?') ? '&' : '?'}devUser=${who.id}&devName=${encodeURIComponent(who.name)}&theme=${theme}`;

  /** Opens `path` in each theme and checks it at both widths; answers every problem found. */
  async function sweep(who: { id: string; name: string }, name: string, path: string): Promise<string[]> {
    const found: string[] = [];
    for (const theme of THEMES) {
      await page.setViewportSize(VIEWPORTS.desktop);
      await page.goto(url(who, path, theme));
      await settled(page);
      for (const [size, viewport] of Object.entries(VIEWPORTS)) {
        await page.setViewportSize(viewport);
        await settled(page);
        const problems = await axeProblems(page, { include: 'main' });
        if (problems.length) found.push(`${name}, ${theme}, ${size}:\n${describeProblems(problems)}`);
        if (theme === 'default') {
          const codes = await codesShown(page);
          if (codes.length) found.push(`${name}, ${size}: codes shown as words: ${codes.join(' | ')}`);
        }
      }
    }
    return found;
  }

  for (const [who, label] of [
    [coordinator, 'a coordinator'],
    [member, 'a member'],
  ] as const) {
    for (const [name, path] of PAGES) {
      it(`${name} as ${label}`, async () => {
        const found = await sweep(who, name, path);
        assert.deepEqual(found, [], found.join('\n'));
      });
    }
  }

  it('the people picker’s suggestions, in every theme', async () => {
    const found: string[] = [];
    for (const theme of THEMES) {
      await page.setViewportSize(VIEWPORTS.desktop);
      await page.goto(url(coordinator, '/tab/admin', theme));
      await settled(page);
      const box = page.getByRole('form', { name: 'Give someone a role' }).getByRole('combobox', { name: 'Person' });
      await box.click();
      await box.pressSequentially('ow');
      await page.getByRole('option', { name: /Owen Price/ }).waitFor();
      await page.waitForFunction("document.getAnimations().every((a) => a.playState !== 'running')");
      const problems = await axeProblems(page, { include: '[role="listbox"]' });
      if (problems.length) found.push(`people picker, ${theme}:\n${describeProblems(problems)}`);
      await page.keyboard.press('Escape');
    }
    assert.deepEqual(found, [], found.join('\n'));
  });

  it('the "cancel my booking" dialog, in every theme', async () => {
    const found: string[] = [];
    for (const theme of THEMES) {
      await page.setViewportSize(VIEWPORTS.phone);
      await page.goto(url(member, '/tab/bookings', theme));
      await settled(page);
      await page.getByRole('button', { name: /^Cancel my booking for / }).first().click();
      await page.getByRole('alertdialog').waitFor();
      // Measured mid-fade the colours are blends of the backdrop: let the dialog finish appearing.
      await page.waitForFunction("document.getAnimations().every((a) => a.playState !== 'running')");
      const problems = await axeProblems(page, { include: '[role="alertdialog"]' });
      if (problems.length) found.push(`cancel dialog, ${theme}:\n${describeProblems(problems)}`);
      await page.getByRole('button', { name: 'Keep my place' }).click();
      await assertNothingHiddenOutsideDialogs(page, `cancel dialog closed, ${theme}`);
    }
    assert.deepEqual(found, [], found.join('\n'));
  });
});
