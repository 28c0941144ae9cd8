// The calendar and bookings tab in Chromium: month, week and list views with filters; booking,
// waitlisting and cancelling with buttons named after the event; the same states as the cards;
// organisers creating, editing, cancelling and taking the roster; my bookings, CPD and feed link.
import { strict as assert } from 'node:assert';
import { startTestApp, api, type TestApp } from '../helpers/testApp.js';
import { browserPerTest } from '../helpers/browser.js';
import { assertNothingHiddenOutsideDialogs } from '../helpers/axe.js';
import { newUserId } from '../helpers/ids.js';
import { RecordingScheduler, TestClock } from '../helpers/events.js';

/** A London wall-clock date `days` from today, as YYYY-MM-DD. */
const dayFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('calendar and bookings tab in Chromium', function () {
  this.timeout(90_000);
  let app: TestApp;
  const tab = browserPerTest();
  const organiser = newUserId();
  const admin = newUserId();
  const member = newUserId();
  const other = newUserId();
  let openId = '';
  let smallId = '';
  const clock = new TestClock(new Date());

  const as = (user: string, name: string, path: string) => `${app.url}${path}${path.includes('?') ? '&' : '?'}devUser=${user}&devName=${encodeURIComponent(name)}`;

  before(async () => {
    app = await startTestApp({ ADMIN_AAD_OBJECT_IDS: `${organiser}:east-kent,${admin}` }, { scheduler: () => new RecordingScheduler(), clock });
    const create = async (body: Record<string, unknown>) => (await api(app, '/api/events', { method: 'POST', user: organiser, name: 'Olu Organiser', body })).body.id as string;
    const day = dayFromNow(9);
    openId = await create({ title: 'Asthma clinical update', category: 'plt', hub: 'east-kent', professions: ['practice-nurse'], start: `${day}T13:30`, end: `${day}T16:30`, location: 'Canterbury', capacity: 10 });
    smallId = await create({ title: 'Facilitation skills small group', category: 'facilitation-development', hub: 'east-kent', start: `${day}T09:30`, end: `${day}T11:00`, onlineMeetingUrl: 'https://teams.microsoft.com/l/meetup-join/x', capacity: 1 });
    const webinar = await api(app, '/api/events', { method: 'POST', user: admin, name: 'Ada Admin', body: { title: 'Kent-wide webinar', category: 'webinar', hub: 'kent-medway', start: `${dayFromNow(10)}T12:30`, end: `${dayFromNow(10)}T13:30`, onlineMeetingUrl: 'https://teams.microsoft.com/l/meetup-join/y', capacity: null } });
    assert.equal(webinar.status, 201);
    await api(app, `/api/events/${smallId}/registrations`, { method: 'POST', user: other, name: 'Otto Other' });
  });
  after(async () => {
    await app?.close();
  });

  it('books and waitlists from the list with buttons named after the event, showing the card’s states', async () => {
    await tab.page.goto(as(member, 'Mo Member', '/tab/calendar?view=list'));
    const book = tab.page.getByRole('button', { name: 'Sign up for Asthma clinical update' });
    await book.click();
    await tab.page.getByText('You’re booked on “Asthma clinical update”.').waitFor();
    await tab.page.getByRole('button', { name: 'Cancel my booking for Asthma clinical update' }).waitFor();
    await tab.page.getByRole('button', { name: 'Join the waitlist for Facilitation skills small group' }).click();
    await tab.page.getByText(/you’re on the waitlist, #1/).waitFor();
    assert.equal((await api(app, `/api/events/${smallId}`, { user: member })).body.myWaitlistPosition, 1);
    assert.equal((await api(app, `/api/events/${openId}`, { user: member })).body.myStatus, 'booked');
  });

  it('shows an event’s detail with the same state, and cancels from there', async () => {
    await tab.page.goto(as(member, 'Mo Member', `/tab/calendar/event/${openId}`));
    await tab.page.getByRole('heading', { level: 1, name: 'Asthma clinical update' }).waitFor();
    assert.equal(await tab.page.getByTestId('event-state').innerText(), 'Booked');
    await tab.page.getByRole('button', { name: 'Cancel my booking for Asthma clinical update' }).click();
    // Cancelling asks first, and says what happens to the place.
    const dialog = tab.page.getByRole('alertdialog', { name: 'Cancel your place on “Asthma clinical update”?' });
    await dialog.getByText('You can book again while places are left.').waitFor();
    await dialog.getByRole('button', { name: 'Cancel my booking' }).click();
    await tab.page.getByText('Your booking is cancelled.').waitFor();
    await assertNothingHiddenOutsideDialogs(tab.page, 'after cancelling from the event page');
    await tab.page.getByRole('button', { name: 'Sign up for Asthma clinical update' }).waitFor();
    assert.equal((await api(app, `/api/events/${openId}`, { user: member })).body.myStatus, 'none');
  });

  it('shows month and week views, and filters by hub', async () => {
    await tab.page.goto(as(member, 'Mo Member', `/tab/calendar?view=month&date=${dayFromNow(9)}`));
    await tab.page.getByRole('link', { name: /Asthma clinical update/ }).waitFor();
    await tab.page.getByRole('tab', { name: 'Week' }).click();
    await tab.page.getByRole('link', { name: /Asthma clinical update/ }).waitFor();
    await tab.page.goto(as(member, 'Mo Member', `/tab/calendar?view=list&date=${dayFromNow(1)}`));
    await tab.page.getByText('Kent-wide webinar').waitFor();
    await tab.page.getByLabel('Hub').selectOption('east-kent');
    await tab.page.waitForURL(/hub=east-kent/);
    await tab.page.getByText('Asthma clinical update').waitFor();
    await tab.page.getByText('Kent-wide webinar').waitFor({ state: 'detached' });
  });

  it('lets an organiser create, edit and cancel an event, and see the roster with the waitlist', async () => {
    await tab.page.goto(as(organiser, 'Olu Organiser', '/tab/calendar?view=list'));
    await tab.page.getByRole('button', { name: 'Create event' }).click();
    await tab.page.getByLabel('Title').fill('Wound care update');
    await tab.page.getByLabel('Date').fill(dayFromNow(12));
    await tab.page.getByLabel('Starts (UK time)').fill('09:30');
    await tab.page.getByLabel('Ends (UK time)').fill('12:00');
    await tab.page.getByLabel('Venue (if in person)').fill('Ashford Gateway Plus');
    await tab.page.getByLabel('Places').fill('12');
    await tab.page.getByRole('checkbox', { name: 'Practice nurse' }).check();
    await tab.page.getByRole('button', { name: 'Create event' }).click();
    await tab.page.getByRole('heading', { level: 1, name: 'Wound care update' }).waitFor();
    const id = decodeURIComponent(new URL(tab.page.url()).pathname.split('/').pop()!);
    assert.equal((await api(app, `/api/events/${id}`, { user: member })).body.capacity, 12);

    await tab.page.getByRole('button', { name: 'Edit event' }).click();
    await tab.page.getByLabel('Places').fill('0');
    await tab.page.getByRole('button', { name: 'Save changes' }).click();
    await tab.page.getByRole('heading', { level: 1, name: 'Wound care update' }).waitFor();
    assert.equal((await api(app, `/api/events/${id}`, { user: member })).body.capacity, 0);

    await tab.page.getByRole('button', { name: 'Cancel event' }).click();
    await tab.page.getByLabel('Reason (shown to attendees)').fill('Trainer unwell');
    await tab.page.getByRole('button', { name: 'Yes, cancel the event' }).click();
    await tab.page.getByText('Event cancelled.').waitFor();
    // The dialog went with the button that opened it (a cancelled event has none).
    await assertNothingHiddenOutsideDialogs(tab.page, 'after cancelling the event');
    assert.equal((await api(app, `/api/events/${id}`, { user: member })).body.status, 'cancelled');

    await tab.page.goto(as(organiser, 'Olu Organiser', `/tab/calendar/event/${smallId}/roster`));
    await tab.page.getByRole('heading', { name: 'Roster: Facilitation skills small group' }).waitFor();
    await tab.page.getByRole('table', { name: 'Booked' }).getByText('Otto Other').waitFor();
    await tab.page.getByRole('table', { name: 'Waitlist' }).getByText('Mo Member').waitFor();
    const download = tab.page.waitForEvent('download');
    await tab.page.getByRole('button', { name: 'Export CSV' }).click();
    assert.match((await download).suggestedFilename(), /^roster-Facilitation-skills-small-group\.csv$/);
  });

  it('refuses an invalid event with the server’s message, and hides organiser tools from members', async () => {
    await tab.page.goto(as(organiser, 'Olu Organiser', '/tab/calendar/new'));
    await tab.page.getByLabel('Title').fill('Backwards');
    await tab.page.getByLabel('Date').fill(dayFromNow(12));
    await tab.page.getByLabel('Starts (UK time)').fill('12:00');
    await tab.page.getByLabel('Ends (UK time)').fill('10:00');
    await tab.page.getByLabel('Venue (if in person)').fill('Somewhere');
    await tab.page.getByRole('button', { name: 'Create event' }).click();
    await tab.page.getByText('The end must be after the start.').waitFor();
    await tab.page.goto(as(member, 'Mo Member', `/tab/calendar/event/${openId}`));
    await tab.page.getByRole('heading', { level: 1, name: 'Asthma clinical update' }).waitFor();
    assert.equal(await tab.page.getByRole('button', { name: 'Edit event' }).count(), 0);
    assert.equal(await tab.page.getByRole('button', { name: 'Create event' }).count(), 0);
  });

  it('shows my bookings with cancel, my CPD record and my calendar feed link', async () => {
    await tab.page.goto(as(member, 'Mo Member', '/tab/bookings'));
    await tab.page.getByRole('list', { name: 'My bookings' }).getByText('Facilitation skills small group').waitFor();
    assert.match(await tab.page.getByRole('list', { name: 'My bookings' }).innerText(), /Waitlist #1/);
    await tab.page.getByTestId('cpd-summary').waitFor();
    assert.match(await tab.page.getByTestId('cpd-summary').innerText(), /Total 0 h/);
    const url = await tab.page.getByTestId('feed-url').innerText();
    assert.match(url, /\/api\/calendar\/[A-Za-z0-9_-]{32,}\.ics$/);
    // A real link, and subscribe links: Outlook on the web's "subscribe from web", and webcal:// for other apps.
    assert.equal(await tab.page.getByTestId('feed-url').getAttribute('href'), url);
    const outlook = new URL((await tab.page.getByRole('link', { name: 'Add to Outlook: my bookings' }).getAttribute('href'))!);
    assert.equal(`${outlook.origin}${outlook.pathname}`, 'https://outlook.office.com/calendar/0/addfromweb');
    assert.equal(outlook.searchParams.get('url'), url);
    assert.equal(await tab.page.getByRole('link', { name: 'Other calendar apps: my bookings' }).getAttribute('href'), url.replace(/^http:/, 'webcal:'));
    assert.match((await tab.page.getByTestId('hub-feed-east-kent').getAttribute('href'))!, /\/api\/calendar\/hub\/east-kent\.ics$/);
    await tab.page.getByRole('button', { name: 'Leave the waitlist for Facilitation skills small group' }).click();
    await tab.page.getByRole('alertdialog').getByText('You are number 1 on the waitlist.').waitFor();
    await tab.page.getByRole('alertdialog').getByRole('button', { name: 'Leave the waitlist' }).click();
    await tab.page.getByText('You have left the waitlist.').waitFor();
    await assertNothingHiddenOutsideDialogs(tab.page, 'after leaving the waitlist');
    // The row stays and changes at once: no longer "Waitlist #1", and it can be joined again.
    await tab.page.getByRole('button', { name: 'Join the waitlist for Facilitation skills small group' }).waitFor();
    assert.doesNotMatch(await tab.page.getByRole('list', { name: 'My bookings' }).innerText(), /Waitlist #1/);
    await tab.page.getByRole('button', { name: 'Get a new link' }).click();
    await tab.page.getByText('Here is your new link.').waitFor();
    assert.notEqual(await tab.page.getByTestId('feed-url').innerText(), url);
  });

  it('takes attendance on the roster once the event has started; the attendee sees it as CPD', async () => {
    const [attendee] = [newUserId()];
    const day = dayFromNow(11);
    const id = (await api(app, '/api/events', { method: 'POST', user: organiser, name: 'Olu Organiser', body: { title: 'Leg ulcer clinic', category: 'plt', hub: 'east-kent', start: `${day}T09:00`, end: `${day}T11:30`, location: 'Folkestone', capacity: 5 } })).body.id;
    await api(app, `/api/events/${id}/registrations`, { method: 'POST', user: attendee, name: 'Ada Attendee' });
    const real = clock.now();
    clock.set(`${day}T12:00:00Z`);
    try {
      await tab.page.goto(as(organiser, 'Olu Organiser', `/tab/calendar/event/${id}/roster`));
      await tab.page.getByRole('checkbox', { name: 'Ada Attendee attended' }).check();
      await tab.page.getByRole('button', { name: 'Save attendance' }).click();
      await tab.page.getByText('Attendance saved: 1 attended.').waitFor();
      await tab.page.goto(as(attendee, 'Ada Attendee', '/tab/bookings'));
      await tab.page.getByRole('table', { name: 'Evidence' }).getByText('Leg ulcer clinic').waitFor();
      assert.match(await tab.page.getByTestId('cpd-summary').innerText(), /Total 2.5 h, of which 2.5 h participatory/);
    } finally {
      clock.current = real;
    }
  });

  it('fits a phone-width screen in month view (a list of the month’s days, each event with its button)', async () => {
    await tab.page.setViewportSize({ width: 360, height: 740 });
    await tab.page.goto(as(member, 'Mo Member', `/tab/calendar?view=month&date=${dayFromNow(9)}`));
    await tab.page.getByRole('list', { name: /^Events on / }).first().waitFor();
    await tab.page.getByRole('button', { name: /for Asthma clinical update$/ }).waitFor();
    const overflow = (await tab.page.evaluate('document.documentElement.scrollWidth - window.innerWidth')) as number;
    const wide = await tab.page.evaluate(`[...document.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 8).map((e) => e.tagName + '.' + e.className.toString().slice(0, 40) + ' ' + Math.round(e.getBoundingClientRect().right)).join(' | ')`);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen: ${wide}`);
  });
});
