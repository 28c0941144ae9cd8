// The Facilitation tab and the coordinators' admin sections in Chromium: a lead requests a
// facilitator, the facilitator accepts from "My offers" and edits their availability, and a
// coordinator manages the pool and reads the dashboard.
import { strict as assert } from 'node:assert';
import { startTestApp, api, type TestApp } from '../helpers/testApp.js';
import { browserPerTest } from '../helpers/browser.js';
import { addFacilitator, londonSession, makeChannel, person } from '../helpers/facilitation.js';
import type { Channel } from '../../src/domain/channels/channel.js';
import { DateTime } from 'luxon';
import { TestClock } from '../helpers/events.js';

describe('facilitation tab in Chromium', function () {
  this.timeout(90_000);
  let app: TestApp;
  const tab = browserPerTest();
  let channel: Channel;
  const coordinator = person('Cora Coordinator');
  const lead = person('Leah Lead');
  const fran = person('Fran Facilitator');
  const gus = person('Gus Facilitator');
  const hal = person('Hal Newcomer');
  const session = londonSession(2, '14:00', '16:00', 3);

  const open = (who: { id: string; name: string }, path: string) => tab.page.goto(`${app.url}${path}${path.includes('?') ? '&' : '?'}devUser=${who.id}&devName=${encodeURIComponent(who.name)}`);

  before(async () => {
    app = await startTestApp({ ADMIN_AAD_OBJECT_IDS: coordinator.id });
    channel = await makeChannel(app, [lead.id], { name: 'Practice Nursing Browser' });
    for (const p of [lead, fran, gus, hal]) await api(app, '/api/me', { user: p.id, name: p.name });
    await addFacilitator(app, coordinator.id, fran, { skills: ['practice-nurse'], avail_tue: '09:00-17:00', maxPerMonth: 5 });
    await addFacilitator(app, coordinator.id, gus, { avail_tue: '13:00-17:00', maxPerMonth: 5 }, ['east-kent']);
    // One request made beforehand, so each test has something to show on its own.
    const earlier = londonSession(2, '10:00', '11:00', 4);
    const made = await api(app, '/api/facilitation-requests', { method: 'POST', user: lead.id, name: lead.name, body: { channelId: channel.id, start: earlier.start, end: earlier.end, format: 'observe' } });
    assert.equal(made.status, 201, made.text);
  });
  after(async () => {
    await app?.close();
  });

  it('lets a lead request a facilitator and see who was offered and why', async () => {
    await open(lead, '/tab/facilitation');
    // A lead with requests sees them first; the form opens from its button.
    await tab.page.getByTestId('facilitation-request').first().waitFor();
    await tab.page.getByRole('button', { name: 'Request a facilitator' }).click();
    const form = tab.page.getByRole('form', { name: 'Request a facilitator' });
    await form.waitFor();
    assert.equal(await form.getByRole('combobox', { name: 'Channel' }).inputValue(), channel.id);
    await form.getByLabel('Date').fill(session.date);
    await form.getByLabel('Starts (UK time)').fill('14:00');
    await form.getByLabel('Ends (UK time)').fill('16:00');
    await form.getByLabel('What would help').selectOption('co-facilitate');
    await form.getByLabel('Topic').fill('Wound care case review');
    await form.getByRole('button', { name: 'Send request' }).click();
    await tab.page.getByText(/Request sent for Practice Nursing Browser: offered to Fran Facilitator until/).waitFor();
    const card = tab.page.getByTestId('facilitation-request').first();
    await card.getByText('Why Fran Facilitator:').waitFor();
    await card.getByText('free Tue 14:00–16:00').waitFor();
    assert.equal(await card.getByRole('button', { name: /Cancel request for Practice Nursing Browser/ }).count(), 1);
    // The status reads once, in words: "Offered" and who is being asked — not "offered offered to…".
    assert.match(await card.getByTestId('request-status').innerText(), /^Waiting for Fran Facilitator to answer, until /);
    assert.doesNotMatch(await card.innerText(), /offered offered/i);
  });

  it('lets the facilitator accept from My offers (where they land), the card changing at once, then edit their availability', async () => {
    // A facilitator with an offer waiting opens on their offers, not on "My requests".
    await open(fran, '/tab/facilitation');
    const accept = tab.page.getByRole('button', { name: /^Accept: Practice Nursing Browser/ }).first();
    await accept.waitFor();
    assert.equal(await tab.page.getByRole('tab', { name: /My offers/ }).getAttribute('aria-selected'), 'true');
    const when = (await accept.getAttribute('aria-label'))!.replace(/^Accept: Practice Nursing Browser, /, '');
    const card = tab.page.getByTestId('facilitation-request').filter({ hasText: when });
    await accept.click();
    await card.getByText('Accepted: you are confirmed. Add it to your calendar.').waitFor();
    // The answered offer shows no Accept or Decline any more, straight away.
    assert.equal(await card.getByRole('button', { name: /^(Accept|Decline):/ }).count(), 0);
    await card.getByText('You are facilitating.').waitFor();
    await tab.page.getByRole('link', { name: /^Add to calendar/ }).first().waitFor();
    const mine = (await api(app, '/api/facilitation-requests?mine=true', { user: lead.id, name: lead.name })).body.items;
    assert.equal(mine.filter((r: { status: string; facilitatorId?: string }) => r.status === 'confirmed' && r.facilitatorId === fran.id).length, 1);

    await tab.page.getByRole('tab', { name: 'My availability' }).click();
    const form = tab.page.getByRole('form', { name: 'My availability' });
    await form.getByLabel('Thursday').fill('10:00-12:00');
    await form.getByRole('switch', { name: 'Pause new offers' }).check();
    await form.getByRole('button', { name: 'Save availability' }).click();
    await tab.page.getByText('Saved. New offers are paused.').waitFor();
    const me = (await api(app, '/api/facilitators/me', { user: fran.id, name: fran.name })).body;
    assert.deepEqual(me.availability, [
      { day: 'tue', from: '09:00', to: '17:00' },
      { day: 'thu', from: '10:00', to: '12:00' },
    ]);
    assert.equal(me.paused, true);
    // A bad range is refused with the reason, and nothing changes.
    await form.getByLabel('Friday').fill('17:00-09:00');
    await form.getByRole('button', { name: 'Save availability' }).click();
    await tab.page.getByText(/end must be after the start/).waitFor();
    assert.deepEqual((await api(app, '/api/facilitators/me', { user: fran.id, name: fran.name })).body, me);
  });

  it('tells someone who neither leads nor facilitates what facilitation is and how to take part', async () => {
    await open(hal, '/tab/facilitation?section=availability');
    await tab.page.getByTestId('facilitation-intro').waitFor();
    await tab.page.getByText(/ask your hub coordinator to add you to the facilitator pool/).waitFor();
    assert.equal(await tab.page.getByText(/You do not lead/).count(), 0);
    assert.equal(await tab.page.getByRole('tab').filter({ hasText: /My (requests|offers|availability)/ }).count(), 0, 'no sections that do not apply');
  });

  it('lets a coordinator add and remove facilitators and read the dashboard', async () => {
    await open(coordinator, '/tab/admin');
    const pool = tab.page.getByRole('table', { name: 'Facilitator pool' });
    await pool.getByRole('cell', { name: /^Fran Facilitator/ }).waitFor();
    const form = tab.page.getByRole('form', { name: 'Add a facilitator' });
    // By name: nobody types an object id.
    await form.getByRole('combobox', { name: 'Facilitator' }).click();
    await form.getByRole('combobox', { name: 'Facilitator' }).pressSequentially('hal new');
    await tab.page.getByRole('option', { name: /Hal Newcomer/ }).click();
    await form.getByRole('combobox', { name: 'Hubs' }).click();
    await tab.page.getByRole('menuitemcheckbox', { name: 'West Kent' }).click();
    await tab.page.keyboard.press('Escape');
    await form.getByRole('button', { name: 'Add to the pool' }).click();
    await tab.page.getByText(/Hal Newcomer is in the pool for West Kent/).waitFor();
    await pool.getByRole('cell', { name: 'Hal Newcomer', exact: true }).waitFor();
    await tab.page.getByRole('button', { name: 'Remove Hal Newcomer' }).click();
    await tab.page.getByText('Hal Newcomer removed from the pool. Any offer they held has moved on.').waitFor();
    assert.equal((await api(app, '/api/facilitators/me', { user: hal.id, name: hal.name })).status, 404);

    const load = tab.page.getByRole('table', { name: 'Load per facilitator' });
    await load.getByText(/Fran Facilitator/).waitFor();
    assert.match(await tab.page.getByTestId('median-time-to-confirm').innerText(), /\d+ (min|h|days)/);
  });

  it('fits a phone-width screen', async () => {
    await tab.page.setViewportSize({ width: 360, height: 740 });
    await open(lead, '/tab/facilitation');
    await tab.page.getByTestId('facilitation-request').first().waitFor();
    const overflow = (await tab.page.evaluate('document.documentElement.scrollWidth - window.innerWidth')) as number;
    if (overflow > 0) {
      const wide = await tab.page.evaluate(`[...document.querySelectorAll('main *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 5).map((e) => e.tagName + '.' + e.className.toString().slice(0, 40) + ' ' + Math.round(e.getBoundingClientRect().right))`);
      assert.fail(`page is ${overflow}px wider than the screen: ${JSON.stringify(wide)}`);
    }
  });
});

describe('facilitation tab: sessions that have passed', function () {
  this.timeout(60_000);
  let app: TestApp;
  const tab = browserPerTest();
  const coordinator = person('Cora Coordinator');
  const lead = person('Pat Pastlead');

  before(async () => {
    // The server's clock is two weeks behind, so it takes a request for a session the browser sees as last week.
    app = await startTestApp({ ADMIN_AAD_OBJECT_IDS: coordinator.id }, { clock: new TestClock(new Date(Date.now() - 14 * 86_400_000)) });
    const channel = await makeChannel(app, [lead.id], { name: 'Past Sessions Channel' });
    const day = DateTime.now().setZone('Europe/London').minus({ days: 7 }).toISODate();
    const made = await api(app, '/api/facilitation-requests', { method: 'POST', user: lead.id, name: lead.name, body: { channelId: channel.id, start: `${day}T10:00`, end: `${day}T11:00`, format: 'observe' } });
    assert.equal(made.status, 201, made.text);
  });
  after(async () => {
    await app?.close();
  });

  it('lists a past request under "Past sessions" without "Cancel request"', async () => {
    await tab.page.goto(`${app.url}/tab/facilitation?devUser=${lead.id}&devName=${encodeURIComponent(lead.name)}`);
    await tab.page.getByRole('heading', { name: 'Past sessions', exact: true }).waitFor();
    await tab.page.getByText('No requests coming up.').waitFor();
    const card = tab.page.getByTestId('facilitation-request').filter({ hasText: 'Past Sessions Channel' });
    await card.waitFor();
    assert.equal(await card.getByRole('button', { name: /Cancel request/ }).count(), 0);
  });
});
