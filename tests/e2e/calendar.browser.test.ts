// The calendar as a busy clinician meets it, in Chromium: it opens on "For you" (my profession and
// events open to everyone, my hub and all of Kent & Medway) with one control for everything; a
// search box; a booking button per event in the week view; cancelling asks and says what happens to
// the place; on a phone the first event and its button are in sight without scrolling.
import { strict as assert } from 'node:assert';
import { startTestApp, api, type TestApp } from '../helpers/testApp.js';
import { browserPerTest } from '../helpers/browser.js';
import { assertNothingHiddenOutsideDialogs } from '../helpers/axe.js';
import { newUserId } from '../helpers/ids.js';
import { DateTime } from 'luxon';

describe('calendar for a busy clinician, in Chromium', function () {
  this.timeout(90_000);
  let app: TestApp;
  const tab = browserPerTest();
  const admin = newUserId();
  const hca = newUserId(); // a West Kent healthcare assistant
  const other = newUserId();
  // Monday of the week after next, London: every event below falls in that one week.
  const monday = DateTime.now().setZone('Europe/London').plus({ days: 14 }).startOf('week').toISODate()!;
  const day = (n: number) => new Date(Date.parse(`${monday}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  const ids: Record<string, string> = {};

  const open = (path: string) => tab.page.goto(`${app.url}${path}${path.includes('?') ? '&' : '?'}devUser=${hca}&devName=${encodeURIComponent('Harriet HCA')}`);
  const titles = async () => (await tab.page.getByRole('list', { name: 'Events' }).getByRole('link').allInnerTexts()).sort();

  before(async () => {
    app = await startTestApp({ ADMIN_AAD_OBJECT_IDS: admin });
    await api(app, '/api/me', { user: hca, name: 'Harriet HCA' });
    await app.services.profiles.save({ userId: hca, name: 'Harriet HCA', guest: false, profession: 'hca', hub: 'west-kent', pcn: 'Sevenoaks PCN', organisation: 'Amherst Medical Practice', updatedAt: new Date() });
    const create = async (key: string, body: Record<string, unknown>) => {
      const res = await api(app, '/api/events', { method: 'POST', user: admin, name: 'Ada Admin', body: { category: 'plt', capacity: 20, location: 'Maidstone', ...body } });
      assert.equal(res.status, 201, res.text);
      ids[key] = res.body.id;
    };
    await create('hca', { title: 'HCA wound care basics', hub: 'west-kent', professions: ['hca'], start: `${day(0)}T09:30`, end: `${day(0)}T11:00` });
    await create('all', { title: 'Safeguarding update for everyone', description: 'Level 3 refresher', hub: 'kent-medway', professions: [], start: `${day(1)}T13:00`, end: `${day(1)}T14:00` });
    await create('east', { title: 'East Kent open forum', hub: 'east-kent', professions: [], start: `${day(2)}T13:00`, end: `${day(2)}T14:00` });
    await create('para', { title: 'Paramedic ECG interpretation', hub: 'west-kent', professions: ['paramedic'], start: `${day(3)}T13:00`, end: `${day(3)}T14:00` });
    await create('small', { title: 'Small group spirometry', hub: 'west-kent', professions: [], capacity: 1, start: `${day(4)}T10:00`, end: `${day(4)}T11:00` });
    // Harriet holds the one place; someone waits for it.
    await api(app, `/api/events/${ids.small}/registrations`, { method: 'POST', user: hca, name: 'Harriet HCA' });
    await api(app, `/api/events/${ids.small}/registrations`, { method: 'POST', user: other, name: 'Wes Waiting' });
  });
  after(async () => {
    await app?.close();
  });

  it('opens on "For you": my profession and events open to all, my hub and all of Kent & Medway; one control shows everything', async () => {
    await open(`/tab/calendar?view=list&date=${monday}`);
    await tab.page.getByTestId('for-you').getByText('Events for healthcare assistants (HCA) and events open to everyone, in West Kent and across Kent & Medway.').waitFor();
    assert.equal(await tab.page.getByRole('button', { name: 'For you' }).getAttribute('aria-pressed'), 'true');
    await tab.page.getByRole('link', { name: 'HCA wound care basics' }).waitFor();
    assert.deepEqual(await titles(), ['HCA wound care basics', 'Safeguarding update for everyone', 'Small group spirometry']);

    await tab.page.getByRole('button', { name: 'All events' }).click();
    await tab.page.waitForURL(/scope=all/);
    await tab.page.getByRole('link', { name: 'Paramedic ECG interpretation' }).waitFor();
    assert.deepEqual(await titles(), ['East Kent open forum', 'HCA wound care basics', 'Paramedic ECG interpretation', 'Safeguarding update for everyone', 'Small group spirometry']);
    assert.equal(await tab.page.getByRole('button', { name: 'All events' }).getAttribute('aria-pressed'), 'true');
  });

  it('finds events with the search box', async () => {
    await open(`/tab/calendar?view=list&date=${monday}&scope=all`);
    await tab.page.getByRole('link', { name: 'East Kent open forum' }).waitFor();
    await tab.page.getByRole('searchbox', { name: 'Search events' }).fill('level 3');
    await tab.page.getByRole('link', { name: 'East Kent open forum' }).waitFor({ state: 'detached' });
    assert.deepEqual(await titles(), ['Safeguarding update for everyone']);
    await tab.page.getByRole('searchbox', { name: 'Search events' }).fill('knitting');
    await tab.page.getByText('No events match “knitting” here.').waitFor();
  });

  it('gives every event in the week view its own booking button named after it', async () => {
    await open(`/tab/calendar?view=week&date=${monday}&scope=all`);
    await tab.page.getByRole('link', { name: /HCA wound care basics/ }).waitFor();
    for (const [title, words] of [
      ['HCA wound care basics', 'Sign up'],
      ['Safeguarding update for everyone', 'Sign up'],
      ['East Kent open forum', 'Sign up'],
      ['Paramedic ECG interpretation', 'Sign up'],
      ['Small group spirometry', 'Cancel my booking'],
    ]) {
      assert.equal(await tab.page.getByRole('button', { name: `${words} for ${title}`, exact: true }).count(), 1, `${words} for ${title}`);
    }
    // Booking from the week view: the button changes where it stands, and says what happened beside it.
    await tab.page.getByRole('button', { name: 'Sign up for East Kent open forum' }).click();
    await tab.page.getByText('You’re booked on “East Kent open forum”.').waitFor();
    await tab.page.getByRole('button', { name: 'Cancel my booking for East Kent open forum' }).waitFor();
  });

  it('asks before cancelling, and says the place goes to the first on the waitlist', async () => {
    await open(`/tab/calendar?view=list&date=${monday}`);
    await tab.page.getByRole('button', { name: 'Cancel my booking for Small group spirometry' }).click();
    const dialog = tab.page.getByRole('alertdialog', { name: 'Cancel your place on “Small group spirometry”?' });
    await dialog.getByText('Your place goes to the first person on the waitlist, who is told at once.').waitFor();
    await dialog.getByRole('button', { name: 'Keep my place' }).click();
    await dialog.waitFor({ state: 'detached' });
    await assertNothingHiddenOutsideDialogs(tab.page, 'after "Keep my place"');
    assert.equal((await api(app, `/api/events/${ids.small}`, { user: hca })).body.myStatus, 'booked', 'nothing changed');
    await tab.page.getByRole('button', { name: 'Cancel my booking for Small group spirometry' }).click();
    await dialog.getByRole('button', { name: 'Cancel my booking' }).click();
    await tab.page.getByText('Your booking is cancelled. Your place has gone to the first person on the waitlist.').waitFor();
    await assertNothingHiddenOutsideDialogs(tab.page, 'after cancelling from the calendar');
    assert.equal((await api(app, `/api/events/${ids.small}`, { user: other })).body.myStatus, 'booked');
    await tab.page.getByRole('button', { name: 'Join the waitlist for Small group spirometry' }).waitFor();
  });

  it('shows the first event and its button without scrolling on a phone, filters tucked away', async () => {
    await tab.page.setViewportSize({ width: 390, height: 844 });
    await open(`/tab/calendar?date=${monday}`);
    const first = tab.page.getByRole('button', { name: 'Sign up for HCA wound care basics' });
    await first.waitFor();
    const box = (await first.boundingBox())!;
    assert.ok(box.y + box.height <= 844, `the first event's button is at ${Math.round(box.y)}–${Math.round(box.y + box.height)} px, below the fold`);
    assert.equal(await tab.page.getByLabel('Category').count(), 0, 'filters behind a button');
    await tab.page.getByRole('button', { name: 'Filters' }).click();
    await tab.page.getByLabel('Category').waitFor();
    const overflow = (await tab.page.evaluate('document.documentElement.scrollWidth - window.innerWidth')) as number;
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
  });
});
