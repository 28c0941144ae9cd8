// The Channels page of the tab in Chromium, on the demo data: search, join with the profile first,
// leave, a lead editing guidelines and seeing members, coordinators deciding a proposal and
// setting leads, and a phone-width screen.
import { strict as assert } from 'node:assert';
import { startTestApp, type TestApp } from '../helpers/testApp.js';
import { browserPerTest } from '../helpers/browser.js';
import { assertNothingHiddenOutsideDialogs } from '../helpers/axe.js';
import { DEMO_PEOPLE, PLAYGROUND_USER_ID } from '../../src/seed/people.js';

describe('channels tab in Chromium', function () {
  this.timeout(90_000);
  let app: TestApp;
  const tab = browserPerTest();
  const hannah = DEMO_PEOPLE.find((p) => p.name === 'Hannah Doyle')!; // leads Practice Nursing
  const as = (id: string, name: string, path = '/tab/channels') => `${app.url}${path}?devUser=${id}&devName=${encodeURIComponent(name)}`;

  before(async () => {
    app = await startTestApp({ SEED_DEMO: 'true' });
  });
  after(async () => {
    await app?.close();
  });

  it('lists and searches the channels, and joins one after the profile is filled in', async () => {
    await tab.page.goto(as(PLAYGROUND_USER_ID, 'Sam Okafor'));
    await tab.page.getByRole('heading', { level: 1, name: 'Communities of Practice' }).waitFor();
    await tab.page.getByRole('heading', { level: 2, name: 'Practice Nursing' }).waitFor();
    assert.equal(await tab.page.getByRole('heading', { level: 2 }).count(), 15);
    await tab.page.getByRole('searchbox', { name: 'Search channels' }).fill('paramedic');
    await tab.page.getByText(/channels? matching “paramedic”/).waitFor();
    assert.equal(await tab.page.getByRole('heading', { level: 2, name: 'Practice Nursing' }).count(), 0);
    assert.equal(await tab.page.getByRole('heading', { level: 2 }).first().innerText(), 'Paramedics in Primary Care', 'best match first');

    await tab.page.getByRole('button', { name: 'Join Paramedics in Primary Care' }).click();
    const dialog = tab.page.getByRole('dialog', { name: 'Tell us about you' });
    await dialog.waitFor();
    await dialog.getByLabel('Profession').selectOption('practice-nurse');
    await dialog.getByLabel('Training hub').selectOption('west-kent');
    await dialog.getByLabel('Primary Care Network (PCN)').fill('The Ridge PCN');
    await dialog.getByLabel('Organisation or practice').fill('Lenham Surgery');
    await dialog.getByRole('button', { name: 'Save and join Paramedics in Primary Care' }).click();
    // The result shows in the card that acted, not in a banner at the top of the page.
    await tab.page.locator('#card-paramedics-in-primary-care').getByText('Thank you. You joined Paramedics in Primary Care').waitFor();
    await assertNothingHiddenOutsideDialogs(tab.page, 'after the profile dialog');
    await tab.page.getByRole('button', { name: 'Leave Paramedics in Primary Care' }).waitFor();
    assert.ok(await app.services.memberships.getMember('paramedics-in-primary-care', PLAYGROUND_USER_ID));
    assert.equal((await app.services.profiles.get(PLAYGROUND_USER_ID))?.organisation, 'Lenham Surgery');

    await tab.page.getByRole('searchbox', { name: 'Search channels' }).fill('paramedic');
    await tab.page.getByRole('button', { name: 'Leave Paramedics in Primary Care' }).click();
    await tab.page.getByText('You have left Paramedics in Primary Care.').waitFor();
    assert.equal(await app.services.memberships.getMember('paramedics-in-primary-care', PLAYGROUND_USER_ID), null);
  });

  it('lets a lead edit their channel’s guidelines and see its members; a member sees no lead controls', async () => {
    await tab.page.goto(as(hannah.id, hannah.name));
    await tab.page.getByRole('button', { name: 'Edit Practice Nursing' }).click();
    const guidelines = tab.page.getByLabel('Guidelines of Practice Nursing');
    await guidelines.fill('Tag posts with a topic, e.g. [immunisations]. No patient data.');
    await tab.page.getByRole('button', { name: 'Save Practice Nursing' }).click();
    await tab.page.getByText('Saved. New members will see this in their welcome.').waitFor();
    assert.equal((await app.services.channels.get('practice-nursing'))?.guidelines, 'Tag posts with a topic, e.g. [immunisations]. No patient data.');

    await tab.page.getByRole('button', { name: 'Members of Practice Nursing' }).click();
    const table = tab.page.getByRole('table', { name: 'Members of Practice Nursing' });
    await table.waitFor();
    const rows = await table.getByRole('row').count();
    assert.equal(rows - 1, (await app.services.channels.get('practice-nursing'))?.memberCount);

    // An approval channel: the join becomes a request; it can be withdrawn.
    await tab.page.getByRole('searchbox', { name: 'Search channels' }).fill('mentoring');
    await tab.page.getByRole('button', { name: 'Ask to join Mentoring and Critical Friends' }).click();
    await tab.page.getByText('Your request to join Mentoring and Critical Friends has gone to its leads.').waitFor();
    await tab.page.getByRole('button', { name: 'Withdraw request for Mentoring and Critical Friends' }).click();
    await tab.page.getByRole('button', { name: 'Ask to join Mentoring and Critical Friends' }).waitFor();
    assert.equal(await app.services.memberships.getRequest('mentoring', hannah.id).then((r) => r?.status ?? null), null, 'withdrawn');

    const member = await tab.browser.newPage();
    await member.goto(as('member-77', 'Morgan Member'));
    await member.getByRole('heading', { level: 2, name: 'Practice Nursing' }).waitFor();
    assert.equal(await member.getByRole('button', { name: /^Edit / }).count(), 0);
    assert.equal(await member.getByRole('button', { name: /^Members of / }).count(), 0);
    await member.close();
  });

  it('lets a coordinator approve a proposal and set a channel’s leads from the admin page', async () => {
    await tab.page.goto(as(PLAYGROUND_USER_ID, 'Sam Okafor', '/tab/admin'));
    await tab.page.getByRole('heading', { name: 'Channel proposals' }).waitFor();
    await tab.page.getByRole('button', { name: 'Approve MSK First Contact Practitioners' }).click();
    await tab.page.getByText('Approved: MSK First Contact Practitioners is ready.').waitFor();
    const made = (await app.services.channels.list()).find((c) => c.name === 'MSK First Contact Practitioners');
    assert.ok(made);
    assert.equal(made.memberCount, 1);

    // Leads are chosen by name: the current ones show as names, a click on one removes it.
    const form = tab.page.getByRole('form', { name: 'Channel leads' });
    await form.getByLabel('Channel', { exact: true }).selectOption('research');
    const chosen = form.getByRole('listbox', { name: 'Chosen: Leads' });
    await chosen.getByRole('option', { name: /Daniel Kowalski/ }).waitFor();
    await chosen.getByRole('option', { name: /Chloe Barnes/ }).click();
    const box = form.getByRole('combobox', { name: 'Leads' });
    await box.click();
    await box.pressSequentially('zara hu');
    await tab.page.getByRole('option', { name: /Zara Hussain/ }).click();
    await form.getByRole('button', { name: 'Save leads' }).click();
    await form.getByText(/Saved: Research in Primary Care has 2 leads\./).waitFor();
    const zara = DEMO_PEOPLE.find((p) => p.name === 'Zara Hussain')!.id;
    const daniel = DEMO_PEOPLE.find((p) => p.name === 'Daniel Kowalski')!.id;
    assert.deepEqual([...(await app.services.channels.get('research'))!.leadIds].sort(), [daniel, zara].sort());
  });

  it('fits a phone-width screen', async () => {
    await tab.page.setViewportSize({ width: 360, height: 740 });
    await tab.page.goto(as('member-78', 'Phone User'));
    await tab.page.getByRole('heading', { level: 2, name: 'Wellbeing Café' }).waitFor();
    const overflow = (await tab.page.evaluate('document.documentElement.scrollWidth - window.innerWidth')) as number;
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
    // The heading wraps onto two lines here; its subtitle starts below it, not on its last line.
    const heading = (await tab.page.getByRole('heading', { level: 1, name: 'Communities of Practice' }).boundingBox())!;
    const subtitle = (await tab.page.getByText(/^Find a channel for your profession/).boundingBox())!;
    assert.ok(subtitle.y >= heading.y + heading.height - 1, `subtitle at ${subtitle.y}, heading ends at ${heading.y + heading.height}`);
  });
});
