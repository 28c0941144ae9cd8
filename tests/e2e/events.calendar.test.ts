// Calendar files parsed with ical.js: the public hub feeds, the private per-person feed (revocable,
// replaceable, unguessable), per-booking invites with stable UID and rising SEQUENCE, and London
// times either side of the clock changes. Also the events area's personal data and the ports it
// offers other areas (busy times, a channel's next events).
import { strict as assert } from 'node:assert';
import ICAL from 'ical.js';
import { odata } from '@azure/data-tables';
import { startTestApp, api, type TestApp } from '../helpers/testApp.js';
import { newUserId } from '../helpers/ids.js';
import { RecordingNotifier } from '../helpers/recordingNotifier.js';
import { RecordingScheduler, TestClock, eventBody } from '../helpers/events.js';
import { DEMO_CHANNELS } from '../../src/seed/channels.js';
import type { TableKey } from '../../src/storage/tables.js';

function parse(text: string) {
  const comp = new ICAL.Component(ICAL.parse(text));
  const tz = comp.getFirstSubcomponent('vtimezone');
  if (tz) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  return comp;
}
const events = (comp: ICAL.Component) => comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));

describe('events: calendar files, personal data and ports', function () {
  this.timeout(60_000);
  let app: TestApp;
  const notifier = new RecordingNotifier();
  const clock = new TestClock(new Date('2027-01-15T10:00:00Z'));
  const admin = newUserId();
  const ids: Record<string, string> = {};
  const create = async (name: string, body: Record<string, unknown>) => {
    const res = await api(app, '/api/events', { method: 'POST', user: admin, name: 'Ada Admin', body });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    ids[name] = res.body.id;
    return res.body.id as string;
  };

  before(async () => {
    app = await startTestApp({ ADMIN_AAD_OBJECT_IDS: admin }, { notifier: () => notifier, scheduler: () => new RecordingScheduler(), clock });
    await app.services.channels.create({ ...DEMO_CHANNELS[0], memberCount: 0 });
    await create('east', eventBody({ title: 'East clinical update', start: '2027-03-28T10:00', end: '2027-03-28T12:00', onlineMeetingUrl: 'https://teams.microsoft.com/l/meetup-join/secret' }));
    await create('autumn', eventBody({ title: 'After the clocks go back', start: '2027-10-31T10:00', end: '2027-10-31T11:00' }));
    await create('west', eventBody({ title: 'West only', hub: 'west-kent' }));
    await create('all', eventBody({ title: 'All Kent webinar', hub: 'kent-medway', category: 'webinar', location: '', onlineMeetingUrl: 'https://teams.microsoft.com/l/meetup-join/all', capacity: null, channelId: DEMO_CHANNELS[0].id }));
    await create('gone', eventBody({ title: 'Cancelled one', start: '2027-02-02T10:00', end: '2027-02-02T11:00' }));
    await api(app, `/api/events/${ids.gone}`, { method: 'DELETE', user: admin });
  });
  after(async () => {
    await app?.close();
    assert.deepEqual(notifier.cardProblems, []);
  });

  it('publishes a public feed per hub: its events and Kent-wide ones, London times across both clock changes, no private links', async () => {
    const res = await fetch(`${app.url}/api/calendar/hub/east-kent.ics`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /text\/calendar/);
    const comp = parse(await res.text());
    assert.equal(comp.getFirstPropertyValue('method'), 'PUBLISH');
    const list = events(comp);
    const titles = list.map((e) => e.summary).sort();
    assert.deepEqual(titles, ['After the clocks go back', 'All Kent webinar', 'Cancelled one', 'East clinical update']);
    const spring = list.find((e) => e.summary === 'East clinical update')!;
    assert.equal(spring.startDate.toString(), '2027-03-28T10:00:00');
    assert.equal(spring.startDate.toJSDate().toISOString(), '2027-03-28T09:00:00.000Z');
    assert.equal(spring.uid, `event-${ids.east}@virtual-cafe`);
    const autumn = list.find((e) => e.summary === 'After the clocks go back')!;
    assert.equal(autumn.startDate.toString(), '2027-10-31T10:00:00');
    assert.equal(autumn.startDate.toJSDate().toISOString(), '2027-10-31T10:00:00.000Z');
    assert.equal(list.find((e) => e.summary === 'Cancelled one')!.component.getFirstPropertyValue('status'), 'CANCELLED');
    const text = await (await fetch(`${app.url}/api/calendar/hub/east-kent.ics`)).text();
    assert.doesNotMatch(text, /meetup-join\/secret/, 'online links only go to people booked');
    assert.equal(events(parse(await (await fetch(`${app.url}/api/calendar/hub/kent-medway.ics`)).text())).length, 5);
    for (const bad of ['atlantis.ics', 'east-kent', 'EAST.ics', '..%2F..%2Fetc.ics']) assert.equal((await fetch(`${app.url}/api/calendar/hub/${bad}`)).status, 404, bad);
  });

  it('gives each person a private feed of their bookings behind an unguessable, replaceable, revocable link', async () => {
    const nurse = newUserId();
    await api(app, `/api/events/${ids.east}/registrations`, { method: 'POST', user: nurse });
    await api(app, `/api/events/${ids.all}/registrations`, { method: 'POST', user: nurse });
    assert.equal((await api(app, '/api/me/calendar')).status, 401);
    const me = await api(app, '/api/me/calendar', { user: nurse });
    assert.equal(me.status, 200);
    const url: string = me.body.feed.url;
    const token = /\/api\/calendar\/([A-Za-z0-9_-]+)\.ics$/.exec(url)?.[1] ?? '';
    assert.ok(token.length >= 32, '≥ 192 bits of randomness');
    assert.equal((await api(app, '/api/me/calendar', { user: nurse })).body.feed.url, url, 'the same link until replaced');
    const comp = parse(await (await fetch(url)).text());
    assert.deepEqual(events(comp).map((e) => e.summary).sort(), ['All Kent webinar', 'East clinical update']);
    assert.match(await (await fetch(url)).text(), /meetup-join\/secret/, 'booked people get the joining link');
    const replaced = await api(app, '/api/me/calendar', { method: 'POST', user: nurse });
    assert.equal(replaced.status, 201);
    assert.notEqual(replaced.body.feed.url, url);
    assert.equal((await fetch(url)).status, 404, 'old link stops working');
    assert.equal((await fetch(replaced.body.feed.url)).status, 200);
    assert.equal((await api(app, '/api/me/calendar', { method: 'DELETE', user: nurse })).status, 204);
    assert.equal((await fetch(replaced.body.feed.url)).status, 404, 'revoked');
    assert.equal((await fetch(`${app.url}/api/calendar/${'A'.repeat(32)}.ics`)).status, 404);
    assert.equal((await fetch(`${app.url}/api/calendar/short.ics`)).status, 404);
  });

  it('sends an invite per booking: same UID, SEQUENCE rises with changes, METHOD:CANCEL when cancelled', async () => {
    const id = await create('invite', eventBody({ title: 'Invite me', start: '2027-02-20T10:00', end: '2027-02-20T11:00', capacity: 1 }));
    const [p, waiting] = [newUserId(), newUserId()];
    await api(app, `/api/events/${id}/registrations`, { method: 'POST', user: p });
    await api(app, `/api/events/${id}/registrations`, { method: 'POST', user: waiting });
    const mine = (await api(app, '/api/me/registrations', { user: p })).body.items.find((x: { id: string }) => x.id === id);
    assert.ok(mine.inviteUrl);
    const first = parse(await (await fetch(mine.inviteUrl)).text());
    assert.equal(first.getFirstPropertyValue('method'), 'REQUEST');
    const [ev] = events(first);
    assert.equal(ev.uid, `event-${id}@virtual-cafe`);
    assert.equal(ev.sequence, 0);
    assert.equal((await api(app, '/api/me/registrations', { user: waiting })).body.items.find((x: { id: string }) => x.id === id).inviteUrl, undefined, 'no invite while waiting');
    await api(app, `/api/events/${id}`, { method: 'PATCH', user: admin, body: { start: '2027-02-20T14:00', end: '2027-02-20T15:00' } });
    const moved = events(parse(await (await fetch(mine.inviteUrl)).text()))[0];
    assert.equal(moved.sequence, 1);
    assert.equal(moved.startDate.toString(), '2027-02-20T14:00:00');
    await api(app, `/api/events/${id}`, { method: 'DELETE', user: admin });
    const cancel = parse(await (await fetch(mine.inviteUrl)).text());
    assert.equal(cancel.getFirstPropertyValue('method'), 'CANCEL');
    const [gone] = events(cancel);
    assert.equal(gone.uid, `event-${id}@virtual-cafe`);
    assert.equal(gone.sequence, 2);
    assert.equal(gone.component.getFirstPropertyValue('status'), 'CANCELLED');
    assert.equal((await fetch(mine.inviteUrl.replace(/\/[^/]+\.ics$/, '/AAAAAAAAAAAAAAAAAAAAAAAA.ics'))).status, 404);
  });

  it('invites and cancellations name the person as ATTENDEE and the organiser, with their own mailbox, as ORGANIZER (RFC 5546)', async () => {
    const organiser = newUserId();
    await app.services.people.setRoles(await app.services.people.actor({ id: admin, name: 'Ada Admin' }), organiser, { roles: ['organiser'], hubs: ['east-kent'] });
    const made = await api(app, '/api/events', { method: 'POST', user: organiser, name: 'Olu Organiser', email: 'olu.organiser@nhs.net', body: eventBody({ title: 'Who is who', start: '2027-02-21T10:00', end: '2027-02-21T11:00' }) });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const id = made.body.id as string;
    const [known, unknown] = [newUserId(), newUserId()];
    await api(app, `/api/events/${id}/registrations`, { method: 'POST', user: known, name: 'Nia "Nee" Nurse', email: 'nia.nurse@nhs.net' });
    await api(app, `/api/events/${id}/registrations`, { method: 'POST', user: unknown, name: 'Una Known' });
    const inviteOf = async (user: string) => (await api(app, '/api/me/registrations', { user })).body.items.find((x: { id: string }) => x.id === id).inviteUrl as string;
    const people = async (url: string) => {
      const v = parse(await (await fetch(url)).text()).getFirstSubcomponent('vevent')!;
      const who = (p: ICAL.Property) => [String(p.getParameter('cn')), String(p.getFirstValue())];
      return { organizer: who(v.getFirstProperty('organizer')!), attendees: v.getAllProperties('attendee').map(who) };
    };
    const mine = await people(await inviteOf(known));
    assert.deepEqual(mine.organizer, ['Olu Organiser', 'mailto:olu.organiser@nhs.net']);
    assert.deepEqual(mine.attendees, [["Nia 'Nee' Nurse", 'mailto:nia.nurse@nhs.net']], 'only the person the invite is for');
    // No mailbox known: a stable address that can never be delivered to, different per person.
    const theirs = await people(await inviteOf(unknown));
    assert.equal(theirs.attendees.length, 1);
    assert.equal(theirs.attendees[0][0], 'Una Known');
    assert.match(theirs.attendees[0][1], /^mailto:[a-z0-9-]+@[a-z.-]+\.invalid$/);
    assert.ok(!theirs.attendees[0][1].includes(unknown), 'the address does not give away the object id');
    assert.deepEqual((await people(await inviteOf(unknown))).attendees, theirs.attendees, 'stable');
    // A call that does not carry the mailbox (the bot) keeps the one we know.
    await api(app, `/api/events/${id}`, { user: known, name: 'Nia "Nee" Nurse' });
    assert.deepEqual((await people(await inviteOf(known))).attendees, mine.attendees);
    // The cancellation names them too.
    await api(app, `/api/events/${id}`, { method: 'DELETE', user: organiser });
    const cancel = await people(await inviteOf(known));
    assert.deepEqual([cancel.organizer, cancel.attendees], [mine.organizer, mine.attendees]);
  });

  it('answers the invite link of a booking its owner cancelled with METHOD:CANCEL, the same UID and a higher SEQUENCE', async () => {
    const id = await create('own', eventBody({ title: 'Changed my mind', start: '2027-02-22T10:00', end: '2027-02-22T11:00', capacity: 1 }));
    const [p, next] = [newUserId(), newUserId()];
    await api(app, `/api/events/${id}/registrations`, { method: 'POST', user: p, name: 'Pam Person', email: 'pam@nhs.net' });
    await api(app, `/api/events/${id}/registrations`, { method: 'POST', user: next });
    const url = (await api(app, '/api/me/registrations', { user: p })).body.items.find((x: { id: string }) => x.id === id).inviteUrl as string;
    const first = events(parse(await (await fetch(url)).text()))[0];
    assert.equal((await api(app, `/api/events/${id}/registrations/me`, { method: 'DELETE', user: p })).status, 200);
    const res = await fetch(url);
    assert.equal(res.status, 200, 'not 404: Outlook must be told to remove it');
    const comp = parse(await res.text());
    assert.equal(comp.getFirstPropertyValue('method'), 'CANCEL');
    const [gone] = events(comp);
    assert.equal(gone.uid, first.uid);
    assert.ok(gone.sequence > first.sequence, `SEQUENCE ${gone.sequence} > ${first.sequence}`);
    assert.equal(gone.component.getFirstPropertyValue('status'), 'CANCELLED');
    assert.equal(String(gone.component.getFirstProperty('attendee')!.getFirstValue()), 'mailto:pam@nhs.net');
    assert.equal((await api(app, `/api/events/${id}`, { user: next })).body.myStatus, 'booked', 'the waitlist moved up as before');
    // Booking again: the same link becomes an invite again, newer than the cancellation.
    await api(app, `/api/events/${id}`, { method: 'PATCH', user: admin, body: { capacity: 2 } });
    assert.equal((await api(app, `/api/events/${id}/registrations`, { method: 'POST', user: p })).body.status, 'booked');
    const again = (await api(app, '/api/me/registrations', { user: p })).body.items.find((x: { id: string }) => x.id === id).inviteUrl as string;
    assert.equal(again, url, 'one link per person and event');
    const back = parse(await (await fetch(again)).text());
    assert.equal(back.getFirstPropertyValue('method'), 'REQUEST');
    assert.ok(events(back)[0].sequence > gone.sequence);
  });

  it('tells subscribers how often to refresh the private and hub feeds', async () => {
    const nurse = newUserId();
    await api(app, `/api/events/${ids.east}/registrations`, { method: 'POST', user: nurse });
    const feed = (await api(app, '/api/me/calendar', { user: nurse })).body.feed.url as string;
    for (const url of [feed, `${app.url}/api/calendar/hub/east-kent.ics`]) {
      const text = await (await fetch(url)).text();
      assert.match(text, /\r\nREFRESH-INTERVAL;VALUE=DURATION:PT\d+[HM]\r\n/, url);
      assert.match(text, /\r\nX-PUBLISHED-TTL:PT\d+[HM]\r\n/, url);
      const comp = parse(text);
      assert.equal(String(comp.getFirstPropertyValue('refresh-interval')), String(comp.getFirstPropertyValue('x-published-ttl')));
    }
  });

  it('warns about a clash with another booking and about a profession the event is not aimed at', async () => {
    const para = newUserId();
    await app.services.profiles.save({ userId: para, name: 'Pat', guest: false, profession: 'paramedic', hub: 'east-kent', pcn: 'x', organisation: 'y', updatedAt: clock.now() });
    const a = await create('clashA', eventBody({ title: 'Morning session', start: '2027-04-07T09:00', end: '2027-04-07T12:00', professions: [] }));
    const b = await create('clashB', eventBody({ title: 'Overlapping session', start: '2027-04-07T11:00', end: '2027-04-07T13:00' }));
    await api(app, `/api/events/${a}/registrations`, { method: 'POST', user: para });
    const view = (await api(app, `/api/events/${b}`, { user: para })).body;
    assert.equal(view.warnings.length, 2, JSON.stringify(view.warnings));
    assert.match(view.warnings[0], /aimed at practice nurse, nurse associate; as a paramedic you can still book/);
    assert.match(view.warnings[1], /clashes with “Morning session”/);
    assert.equal((await api(app, `/api/events/${b}/registrations`, { method: 'POST', user: para })).body.status, 'booked', 'booking still allowed');
  });

  it('tells facilitation when someone is booked, and the channel directory a channel’s next events', async () => {
    const p = newUserId();
    await api(app, `/api/events/${ids.all}/registrations`, { method: 'POST', user: p });
    await api(app, `/api/events/${ids.west}/registrations`, { method: 'POST', user: p });
    const busy = await app.services.bookings.busy(p, new Date('2027-02-01T00:00:00Z'), new Date('2027-02-28T00:00:00Z'));
    assert.equal(busy.length, 2);
    assert.deepEqual(busy[0], { start: new Date('2027-02-10T13:30:00Z'), end: new Date('2027-02-10T16:30:00Z') });
    assert.deepEqual(await app.services.bookings.busy(p, new Date('2027-03-01T00:00:00Z'), new Date('2027-03-02T00:00:00Z')), []);
    const next = await app.services.upcomingEvents.forChannel(DEMO_CHANNELS[0].id, 3);
    assert.deepEqual(next.map((n) => n.title), ['All Kent webinar']);
    assert.deepEqual(await app.services.upcomingEvents.forChannel('no-such-channel', 3), []);
  });

  it('exports a person’s events data, and erases it: future places freed (waitlist promoted), past attendance kept only as counts', async () => {
    const holder = app.services.personalData.find((h) => h.area === 'events')!;
    assert.ok(holder, 'registered');
    const leaver = newUserId();
    const next = newUserId();
    const future = await create('eraseFuture', eventBody({ title: 'Future full', start: '2027-05-05T10:00', end: '2027-05-05T11:00', capacity: 1 }));
    const past = await create('erasePast', eventBody({ title: 'Soon past', start: '2027-01-16T10:00', end: '2027-01-16T11:00', capacity: 5 }));
    const dropped = await create('eraseDropped', eventBody({ title: 'Booked then cancelled', start: '2027-05-06T10:00', end: '2027-05-06T11:00' }));
    await api(app, `/api/events/${dropped}/registrations`, { method: 'POST', user: leaver, name: 'Lee Leaver', email: 'lee.leaver@nhs.net' });
    await api(app, `/api/events/${dropped}/registrations/me`, { method: 'DELETE', user: leaver });
    await api(app, `/api/events/${future}/registrations`, { method: 'POST', user: leaver, name: 'Lee Leaver' });
    await api(app, `/api/events/${future}/registrations`, { method: 'POST', user: next });
    await api(app, `/api/events/${past}/registrations`, { method: 'POST', user: leaver, name: 'Lee Leaver' });
    await api(app, '/api/me/calendar', { user: leaver });
    clock.set('2027-01-17T10:00:00Z');
    try {
      await api(app, `/api/events/${past}/attendance`, { method: 'PUT', user: admin, body: { attended: [leaver] } });
      const exported = (await holder.export(leaver)) as { registrations: { eventId: string; status: string; attended: boolean }[]; cpd: unknown[]; calendarFeed: { url: string } | null };
      assert.deepEqual(exported.registrations.map((r) => [r.eventId, r.status, r.attended]).sort(), [[future, 'booked', false], [past, 'booked', true]].sort());
      assert.equal(exported.cpd.length, 1);
      assert.ok(exported.calendarFeed?.url);

      notifier.clear();
      await holder.erase(leaver);
      assert.equal((await api(app, `/api/events/${future}`, { user: next })).body.myStatus, 'booked', 'the next person moved up');
      await notifier.waitFor(() => notifier.withKey(`promoted:${future}:${next}:`).length === 1);
      const pastSeats = (await app.services.eventRepository.get(past))!.seats;
      assert.deepEqual([pastSeats.booked, pastSeats.anonBooked, pastSeats.anonAttended], [1, 1, 1]);
      assert.equal((await fetch(exported.calendarFeed!.url)).status, 404, 'feed revoked');
      // No trace of the person left in the events tables.
      for (const key of ['events', 'eventIndex', 'eventPeople', 'calendarTokens'] as TableKey[]) {
        const table = app.services.storage.table(key);
        for await (const row of table.listEntities({ queryOptions: { filter: odata`PartitionKey ne ${''}` } })) {
          assert.ok(!JSON.stringify(row).includes(leaver), `${key} still mentions the person: ${JSON.stringify(row).slice(0, 200)}`);
          assert.ok(!JSON.stringify(row).includes('Lee Leaver'), `${key} still has their name`);
          assert.ok(!JSON.stringify(row).includes('lee.leaver@'), `${key} still has their mailbox`);
        }
      }
      const after = (await holder.export(leaver)) as { registrations: unknown[]; calendarFeed: unknown };
      assert.deepEqual([after.registrations, after.calendarFeed], [[], null]);
    } finally {
      clock.set('2027-01-15T10:00:00Z');
    }
  });
});
