// After the event, in the tab (issue #18), on the demo history, in Chromium: My bookings → past
// events → "Give feedback" (the dialog, sending, changing it), the CPD record in my regulator's
// terms with the reflection and a certificate PDF; the feedback results on a past event's roster,
// return rate first; a hub's insights on the Admin page with charts and their tables. axe-core finds
// no serious or critical problem in any of it, in the three themes (desktop and phone for pages).
import { strict as assert } from 'node:assert';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { startTestApp, api, type TestApp } from '../helpers/testApp.js';
import { launchBrowser } from '../helpers/browser.js';
import { THEMES, VIEWPORTS, axeProblems, describeProblems } from '../helpers/axeCheck.js';
import { DEMO_PEOPLE } from '../../src/seed/people.js';

// Sam Okafor: the Playground user, a Kent & Medway coordinator, who came to three past sessions
// (answered one, the facilitation skills session still to answer).
const sam = DEMO_PEOPLE.find((p) => p.name === 'Sam Okafor')!;
const ASKED = 'Facilitation skills: holding a virtual group';

/** No animation running inside `selector` (elsewhere a loading skeleton may pulse on). */
const still = (page: Page, selector = 'body') =>
  page.waitForFunction(`(() => { const within = document.querySelector(${JSON.stringify(selector)}); return document.getAnimations().every((a) => a.playState !== 'running' || !within || !within.contains(a.effect && a.effect.target)); })()`);

describe('after the event in the tab (feedback, CPD, certificates, results, insights)', function () {
  this.timeout(240_000);
  let app: TestApp;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;

  before(async () => {
    app = await startTestApp({ SEED_DEMO: 'true' });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: VIEWPORTS.desktop });
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  const url = (path: string, theme = 'default') => `${app.url}${path}${path.includes('?') ? '&' : '?'}devUser=${sam.id}&devName=${encodeURIComponent(sam.name)}&theme=${theme}`;

  /** Checks `include` at both widths, once the page has done `ready`. */
  async function sweep(name: string, path: string, include: string, ready: () => Promise<unknown>): Promise<string[]> {
    const found: string[] = [];
    for (const theme of THEMES) {
      await page.setViewportSize(VIEWPORTS.desktop);
      await page.goto(url(path, theme));
      await ready();
      for (const [size, viewport] of Object.entries(VIEWPORTS)) {
        await page.setViewportSize(viewport);
        await ready();
        const problems = await axeProblems(page, { include });
        if (problems.length) found.push(`${name}, ${theme}, ${size}:\n${describeProblems(problems)}`);
      }
    }
    return found;
  }

  const bookingsReady = async () => {
    await page.getByRole('list', { name: 'Events I attended' }).waitFor();
    await page.getByTestId('cpd-summary').waitFor();
    await page.getByText(/Evidence of learning|Total/).first().waitFor();
  };

  it('lists my past events, takes my feedback from the tab, and lets me change it', async () => {
    await page.goto(url('/tab/bookings'));
    const attended = page.getByRole('list', { name: 'Events I attended' });
    await attended.waitFor();
    assert.match(await attended.innerText(), /Asthma reviews that change outcomes/);
    // One answered already (from the seed), one not.
    await page.getByRole('button', { name: 'Change my feedback on Asthma reviews that change outcomes' }).waitFor();
    await page.getByRole('button', { name: `Give feedback on ${ASKED}` }).click();
    const dialog = page.getByRole('dialog', { name: `How was “${ASKED}”?` });
    await dialog.getByRole('radio', { name: /^4 — / }).waitFor();
    // Nothing chosen: told, nothing sent.
    await dialog.getByRole('button', { name: 'Send feedback' }).click();
    await dialog.getByText('Choose a rating from 1 to 5.').waitFor();
    await dialog.getByRole('radio', { name: /^4 — / }).check();
    await dialog.getByLabel('What was most useful?').fill('Handling the dominant voice');
    await dialog.getByLabel('How will you use this in your practice?').fill('Open each café with a check-in round.');
    await dialog.getByLabel(/NMC Code/).selectOption('promote-professionalism');
    await dialog.getByRole('button', { name: 'Send feedback' }).click();
    await page.getByText(`Thank you — your feedback on “${ASKED}” is saved.`, { exact: false }).waitFor();
    await page.getByRole('button', { name: `Change my feedback on ${ASKED}` }).waitFor();
    const mine = await api(app, '/api/events/demo-past-facilitation-skills/feedback/me', { user: sam.id });
    assert.equal(mine.body.feedback.rating, 4);
    assert.equal(mine.body.feedback.codeTheme, 'promote-professionalism');
    // The reflection is in my CPD record at once.
    await page.getByRole('table', { name: 'Evidence of learning' }).getByText('Open each café with a check-in round.', { exact: false }).waitFor();

    // Opened again it shows my answer; a change replaces it.
    await page.getByRole('button', { name: `Change my feedback on ${ASKED}` }).click();
    const again = page.getByRole('dialog', { name: `How was “${ASKED}”?` });
    await again.getByLabel('What was most useful?').waitFor();
    assert.equal(await again.getByLabel('What was most useful?').inputValue(), 'Handling the dominant voice');
    assert.ok(await again.getByRole('radio', { name: /^4 — / }).isChecked());
    await again.getByRole('radio', { name: /^5 — / }).check();
    await again.getByRole('button', { name: 'Save my changes' }).click();
    await page.getByText(`Your feedback on “${ASKED}” is updated.`, { exact: false }).waitFor();
    assert.equal((await api(app, '/api/events/demo-past-facilitation-skills/feedback/me', { user: sam.id })).body.feedback.rating, 5);
  });

  it('shows my CPD record per regulator and downloads a certificate and the record as PDFs', async () => {
    await page.goto(url('/tab/bookings'));
    await bookingsReady();
    // Sam has no profession on file: NMC by default, switchable.
    assert.match(await page.getByRole('heading', { name: /^My CPD record/ }).innerText(), /NMC/);
    assert.match(await page.getByTestId('cpd-summary').innerText(), /of 35 hours/);
    await page.getByLabel('Regulator').selectOption('gphc');
    await page.getByRole('heading', { name: 'My CPD record (GPhC)' }).waitFor();
    assert.match(await page.getByTestId('cpd-summary').innerText(), /of 4 entries/);

    const certificate = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download the certificate for Asthma reviews that change outcomes' }).click();
    const file = await certificate;
    assert.match(file.suggestedFilename(), /^certificate-.+\.pdf$/);
    assert.equal((await readFile((await file.path())!)).subarray(0, 5).toString(), '%PDF-');

    const record = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download my record (PDF)' }).click();
    const pdf = await record;
    assert.equal(pdf.suggestedFilename(), 'cpd-record-gphc.pdf');
    assert.equal((await readFile((await pdf.path())!)).subarray(0, 5).toString(), '%PDF-');
  });

  it('shows a past event’s feedback on its roster: return rate first, ratings, comments without names', async () => {
    await page.goto(url('/tab/calendar/event/demo-past-asthma-review/roster'));
    const rate = page.getByTestId('feedback-return-rate');
    await rate.waitFor();
    // The API's own figures (one computation).
    const summary = (await api(app, '/api/events/demo-past-asthma-review/feedback', { user: sam.id })).body;
    assert.match(await rate.innerText(), new RegExp(`${summary.responses} of ${summary.attended} attended`));
    const comments = page.getByRole('list', { name: 'Comments' });
    assert.match(await comments.innerText(), /More time on spirometry/);
    assert.doesNotMatch(await comments.innerText(), /Sam|Okafor|Lucy|Fenwick/);
  });

  it('shows a hub’s insights on the Admin page with charts, tables and CSV, for a chosen period', async () => {
    await page.goto(url('/tab/admin'));
    const card = page.locator('[aria-labelledby="admin-insights"]');
    await card.getByTestId('insights-events').waitFor();
    await card.getByTestId('insights-charts').locator('svg').first().waitFor();
    // The charts keep tooltips mounted in portals: none of them may lay a box over the page (a
    // full-height portal once hid the whole Admin page behind the theme's background).
    const covering = await page.evaluate(
      `[...document.querySelectorAll('[data-portal-node]')].map((n) => n.getBoundingClientRect()).filter((r) => r.height > innerHeight / 2 || r.width * r.height > (innerWidth * innerHeight) / 4).length`,
    );
    assert.equal(covering, 0, 'no portal covers the page');
    const hub = card.getByLabel('Hub', { exact: true });
    await hub.selectOption('east-kent');
    assert.equal(await hub.inputValue(), 'east-kent');
    await card.getByLabel('Period', { exact: true }).selectOption('custom');
    // London days, as the tab reckons them.
    const londonDay = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date(ms));
    const today = londonDay(Date.now());
    const from = londonDay(Date.now() - 60 * 86_400_000);
    const answered = page.waitForResponse((r) => r.url().includes(`/api/hubs/east-kent/insights?from=${from}&to=${today}`));
    await card.getByLabel('From', { exact: true }).fill(from);
    await answered;
    await card.locator('[data-testid="insights"][aria-busy="false"]').waitFor();
    const want = (await api(app, `/api/hubs/east-kent/insights?from=${from}&to=${today}`, { user: sam.id })).body;
    assert.ok(want.events >= 1, 'east Kent held the asthma review in the last 60 days');
    assert.match(await card.getByTestId('insights-events').innerText(), new RegExp(`${want.events}$`));
    const table = card.getByRole('table', { name: 'Places and attendance' });
    assert.deepEqual(
      (await table.locator('td').allInnerTexts()).map((t) => t.trim()),
      [want.placesOffered, want.booked, want.waitlisted, want.attended].map(String),
      'the table shows the API’s figures',
    );
    const csv = page.waitForEvent('download');
    await card.getByRole('button', { name: 'Export CSV' }).click();
    const text = await readFile((await (await csv).path())!, 'utf8');
    assert.match(text, new RegExp(`^Places offered,${want.placesOffered}\\r?$`, 'm'), 'the CSV has the same figures');
  });

  it('has no serious accessibility problem in the new parts, in three themes, desktop and phone', async () => {
    const found = [
      ...(await sweep('my bookings (past events, CPD)', '/tab/bookings', 'main', bookingsReady)),
      ...(await sweep('roster with feedback', '/tab/calendar/event/demo-past-asthma-review/roster', 'main', () => page.getByTestId('feedback-return-rate').waitFor())),
      ...(await sweep('admin insights', '/tab/admin', '[aria-labelledby="admin-insights"]', async () => {
        await page.getByTestId('insights-charts').locator('svg').first().waitFor();
        await still(page, '[aria-labelledby="admin-insights"]');
      })),
    ];
    // The feedback dialog, open.
    for (const theme of THEMES) {
      await page.setViewportSize(VIEWPORTS.phone);
      await page.goto(url('/tab/bookings', theme));
      await page.getByRole('button', { name: /^Change my feedback on Asthma/ }).click();
      await page.getByRole('dialog').getByLabel('What was most useful?').waitFor();
      await still(page);
      const problems = await axeProblems(page, { include: '[role="dialog"]' });
      if (problems.length) found.push(`feedback dialog, ${theme}:\n${describeProblems(problems)}`);
      await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    }
    assert.deepEqual(found, [], found.join('\n'));
  });
});
