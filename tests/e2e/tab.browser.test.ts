// The tab in Chromium: opens in dev mode as a demo person, shows who is signed in (from /api/me),
// navigates, follows the theme, and fits a phone-width screen.
import { strict as assert } from 'node:assert';
import { startTestApp, type TestApp } from '../helpers/testApp.js';
import { browserPerTest } from '../helpers/browser.js';
import { assertNothingHiddenOutsideDialogs } from '../helpers/axe.js';
import { DEMO_PEOPLE, PLAYGROUND_USER_ID } from '../../src/seed/people.js';

describe('tab in Chromium', function () {
  this.timeout(60_000);
  let app: TestApp;
  const tab = browserPerTest();

  before(async () => {
    app = await startTestApp({ SEED_DEMO: 'true' });
  });
  after(async () => {
    await app?.close();
  });

  it('shows the signed-in person from /api/me and the coordinator’s sections', async () => {
    await tab.page.goto(`${app.url}/tab/calendar?devUser=${PLAYGROUND_USER_ID}&devName=Sam%20Okafor`);
    await tab.page.getByTestId('signed-in-user').getByText('Sam Okafor').waitFor();
    assert.match(await tab.page.getByTestId('signed-in-user').innerText(), /Hub coordinator for all of Kent & Medway/, 'role and hub by name, not code');
    const nav = tab.page.getByRole('navigation', { name: 'Virtual Café sections' });
    for (const name of ['Calendar', 'My bookings', 'Channels', 'Facilitation', 'Admin']) {
      assert.equal(await nav.getByRole('link', { name, exact: true }).count(), 1, name);
    }
    assert.equal(await nav.getByRole('link', { name: 'Calendar', exact: true }).getAttribute('aria-current'), 'page');
    await nav.getByRole('link', { name: 'Channels', exact: true }).click();
    await tab.page.waitForURL(/\/tab\/channels$/);
    // The page's code arrives on first use: wait for it, then there is exactly one h1.
    await tab.page.getByRole('heading', { level: 1 }).first().waitFor();
    assert.equal(await tab.page.getByRole('heading', { level: 1 }).count(), 1);
  });

  it('lets a coordinator grant a role from the admin page, choosing the person by name', async () => {
    await tab.page.goto(`${app.url}/tab/admin?devUser=${PLAYGROUND_USER_ID}&devName=Sam%20Okafor`);
    const form = tab.page.getByRole('form', { name: 'Give someone a role' });
    const person = form.getByRole('combobox', { name: 'Person' });
    await person.click();
    await person.pressSequentially('owen pr');
    await tab.page.getByRole('option', { name: /Owen Price/ }).click();
    await form.getByRole('checkbox', { name: 'Organiser' }).check();
    await form.getByRole('checkbox', { name: 'East Kent' }).check();
    await form.getByRole('button', { name: 'Save roles' }).click();
    await form.getByText('Saved: Owen Price is now organiser for East Kent.').waitFor();
    const owen = DEMO_PEOPLE.find((p) => p.name === 'Owen Price')!.id;
    assert.deepEqual(await app.services.roles.list(owen), [{ role: 'organiser', hubs: ['east-kent'] }]);
    // The list of role holders shows them by name, in words.
    await tab.page.getByRole('table', { name: 'Who holds roles' }).getByRole('row', { name: /Owen Price.*Organiser for East Kent/ }).waitFor();
  });

  it('shows my data and erases it after confirming', async () => {
    const id = '0d0d0d0d-1111-4222-8333-444444444444';
    await app.services.profiles.save({ userId: id, name: 'Vic Private', guest: false, profession: 'hca', hub: 'east-kent', pcn: 'Dover Town PCN', organisation: 'Buckland Medical Centre', updatedAt: new Date() });
    await tab.page.goto(`${app.url}/tab/calendar?devUser=${id}&devName=Vic%20Private`);
    await tab.page.getByRole('link', { name: 'Your data' }).click();
    await tab.page.getByRole('button', { name: 'Show my data' }).click();
    await tab.page.getByLabel('Your data as JSON').getByText(/Buckland Medical Centre/).waitFor();
    await tab.page.getByRole('button', { name: 'Erase my data…' }).click();
    await tab.page.getByRole('dialog').getByRole('button', { name: 'Erase my data' }).click();
    await tab.page.getByText('Your data has been erased.').waitFor();
    await assertNothingHiddenOutsideDialogs(tab.page, 'after erasing');
    assert.equal(await app.services.profiles.get(id), null);
  });

  it('keeps the dev user for the session and hides Admin from a member', async () => {
    await tab.page.goto(`${app.url}/tab/bookings?devUser=member-123&devName=Morgan%20Member`);
    await tab.page.getByTestId('signed-in-user').getByText('Morgan Member').waitFor();
    assert.equal(await tab.page.getByRole('navigation', { name: 'Virtual Café sections' }).getByRole('link', { name: 'Admin' }).count(), 0);
    await tab.page.goto(`${app.url}/tab/calendar`);
    await tab.page.getByTestId('signed-in-user').getByText('Morgan Member').waitFor();
  });

  it('asks who to act as when dev mode has no user yet', async () => {
    await tab.page.goto(`${app.url}/tab/calendar`);
    await tab.page.getByRole('button', { name: 'Continue' }).waitFor();
    await tab.page.getByLabel('Name').fill('Nadia Haddad');
    await tab.page.getByRole('button', { name: 'Continue' }).click();
    await tab.page.getByTestId('signed-in-user').getByText('Nadia Haddad').waitFor();
  });

  it('follows a dark theme and fits a phone-width screen', async () => {
    await tab.page.setViewportSize({ width: 360, height: 740 });
    await tab.page.goto(`${app.url}/tab/calendar?devUser=member-9&devName=Phone%20User&theme=dark`);
    await tab.page.getByTestId('signed-in-user').waitFor();
    assert.equal(await tab.page.locator('[data-theme="dark"]').count(), 1);
    const overflow = (await tab.page.evaluate('document.documentElement.scrollWidth - window.innerWidth')) as number;
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
  });
});
