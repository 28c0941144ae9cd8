// The tab's notification pieces in Chromium: a member's settings page, and the coordinators'
// delivery counts on the admin page.
import { strict as assert } from 'node:assert';
import { startTestApp, api, type TestApp } from '../helpers/testApp.js';
import { browserPerTest } from '../helpers/browser.js';
import { newUserId } from '../helpers/ids.js';

describe('notifications in the tab (Chromium)', function () {
  this.timeout(60_000);
  let app: TestApp;
  const tab = browserPerTest();
  const coordinator = newUserId();

  before(async () => {
    app = await startTestApp({ ADMIN_AAD_OBJECT_IDS: coordinator });
  });
  after(async () => {
    await app?.close();
  });

  it('lets a member turn reminders off, and shows facilitation as always on', async () => {
    const member = newUserId();
    await tab.page.goto(`${app.url}/tab/settings?devUser=${member}&devName=Mo%20Member`);
    const reminders = tab.page.getByRole('switch', { name: 'Event reminders' });
    await reminders.waitFor();
    assert.equal(await reminders.isChecked(), true);
    assert.equal(await tab.page.getByRole('switch', { name: /Facilitation offers and confirmations \(always on\)/ }).isDisabled(), true);
    assert.equal(await tab.page.getByRole('switch', { name: 'Teams activity feed' }).isChecked(), false, 'the activity feed is off until chosen');
    await reminders.uncheck();
    await tab.page.getByText('Event reminders: off.').waitFor();
    const saved = await api(app, '/api/me/notification-settings', { user: member });
    assert.deepEqual(saved.body.settings, { reminder: false, booking: true, feedback: true, channel: true, facilitation: true, activityFeed: false });
    await tab.page.reload();
    await tab.page.getByRole('switch', { name: 'Event reminders' }).waitFor();
    assert.equal(await tab.page.getByRole('switch', { name: 'Event reminders' }).isChecked(), false, 'kept after reload');
    assert.equal(await tab.page.getByRole('navigation', { name: 'Virtual Café sections' }).getByRole('link', { name: 'Notifications' }).count(), 1, 'in the navigation');
  });

  it('shows coordinators the delivery counts on the admin page', async () => {
    await tab.page.goto(`${app.url}/tab/admin?devUser=${coordinator}&devName=Cora%20Ordinator`);
    const section = tab.page.getByRole('region', { name: 'Notification delivery' }).or(tab.page.locator('[aria-labelledby="admin-notifications"]'));
    await section.getByText('Pending').waitFor();
    for (const label of ['Failed (30 days)', 'Unconfirmed (30 days)', 'Dead letters', 'Scheduled jobs']) assert.equal(await section.getByText(label).count(), 1, label);
    await section.getByRole('button', { name: 'Refresh counts' }).click();
    await section.getByText('Pending').waitFor();
  });
});
