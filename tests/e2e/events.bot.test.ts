// PLT events in chat over the Bot Framework protocol: browsing, sign-up and waitlist from cards,
// cancel with promotion, closed window, cancelled event, organisers' forms, rosters and
// attendance, refusals that change nothing, and per-person cards via refresh.
import { strict as assert } from 'node:assert';
import ICAL from 'ical.js';
import { startTestApp, type TestApp } from '../helpers/testApp.js';
import { FakeConnector } from '../helpers/fakeConnector.js';
import { BotClient, cardText, cardVerbs, type TestPerson } from '../helpers/botClient.js';
import { newUserId } from '../helpers/ids.js';
import { actionData } from '../helpers/notices.js';
import { RecordingNotifier } from '../helpers/recordingNotifier.js';
import { RecordingScheduler, TestClock } from '../helpers/events.js';
import { DEMO_CHANNELS } from '../../src/seed/channels.js';

describe('PLT events in chat (Bot Framework protocol)', function () {
  this.timeout(60_000);
  let app: TestApp;
  let connector: FakeConnector;
  let bot: BotClient;
  const notifier = new RecordingNotifier();
  const clock = new TestClock(new Date('2027-01-15T10:00:00Z'));
  const organiser: TestPerson = { id: newUserId(), name: 'Olivia Organiser' };
  const ann: TestPerson = { id: newUserId(), name: 'Ann Nurse' };
  const ben: TestPerson = { id: newUserId(), name: 'Ben Paramedic' };
  const cat: TestPerson = { id: newUserId(), name: 'Cat Pharmacist' };
  const guest: TestPerson = { id: newUserId(), name: 'Gus Guest', userRole: 'guest' };

  const form = (overrides: Record<string, unknown> = {}) => ({
    title: 'Asthma update',
    description: 'Inhalers and the new guideline.',
    category: 'plt',
    hub: 'west-kent',
    professions: 'practice-nurse,nurse-associate',
    channelId: '',
    date: '2027-02-03',
    startTime: '13:30',
    endTime: '16:30',
    location: 'Oakwood House, Maidstone',
    onlineMeetingUrl: '',
    capacity: '1',
    repeat: 'none',
    ...overrides,
  });

  async function createEvent(overrides: Record<string, unknown> = {}): Promise<string> {
    const res = await bot.invoke(organiser, 'event.create', form(overrides));
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const ids = cardVerbs(res.card).length ? JSON.stringify(res.card).match(/"eventId":"([^"]+)"/) : null;
    assert.ok(ids, 'the created event card names its id');
    return ids[1];
  }

  before(async () => {
    connector = await FakeConnector.start();
    app = await startTestApp({ ADMIN_AAD_OBJECT_IDS: `${organiser.id}:west-kent` }, { wrapNotifier: (queued) => notifier.wrap(queued), scheduler: () => new RecordingScheduler(), clock });
    bot = new BotClient(app.url, connector);
    for (const c of DEMO_CHANNELS.slice(0, 3)) await app.services.channels.create({ ...c, memberCount: 0 });
    await app.services.profiles.save({ userId: ben.id, name: ben.name, guest: false, profession: 'paramedic', hub: 'north-kent', pcn: 'Rainham PCN', organisation: 'Rainham HLC', updatedAt: clock.now() });
  });
  after(async () => {
    await app?.close();
    await connector?.close();
    assert.deepEqual(notifier.cardProblems, []);
  });

  it('gives organisers the event form and creates the event from it (UK times, DST-correct)', async () => {
    const since = connector.sent.length;
    await bot.message(organiser, 'create event');
    const [formCard] = bot.cardsTo(organiser, 'personal', since);
    assert.deepEqual(cardVerbs(formCard), ['event.create']);
    assert.match(cardText(formCard), /Create a PLT event/);
    const id = await createEvent({ date: '2027-03-28', startTime: '10:00', endTime: '12:00', title: 'Clocks-change clinic' });
    const e = await app.services.events.view({ id: ann.id, name: ann.name, guest: false, roles: [] }, id);
    assert.equal(e.start, '2027-03-28T10:00:00+01:00', 'BST from 01:00 UTC that day');
    assert.equal(new Date(e.start).toISOString(), '2027-03-28T09:00:00.000Z');
  });

  it('refuses event.create from a non-organiser with 403, creating nothing', async () => {
    const before = await app.services.events.inRange(new Date('2027-01-01'), new Date('2027-12-31'));
    const res = await bot.invoke(ann, 'event.create', form({ title: 'Not allowed' }));
    assert.equal(res.status, 403);
    assert.equal(res.body.statusCode, 403);
    assert.equal(res.body.type, 'application/vnd.microsoft.error');
    assert.match(res.body.value.message, /organisers and coordinators/);
    const guestRes = await bot.invoke(guest, 'event.create', form({ title: 'Guest attempt' }));
    assert.equal(guestRes.status, 403);
    const since = connector.sent.length;
    await bot.message(ann, 'create event');
    assert.match(bot.repliesTo(ann, 'personal', since)[0].activity.text ?? '', /Only organisers/);
    assert.equal((await app.services.events.inRange(new Date('2027-01-01'), new Date('2027-12-31'))).length, before.length);
  });

  it('refuses a bad form with 400 and a clear message', async () => {
    for (const [change, message] of [
      [{ endTime: '12:00' }, /end must be after the start/],
      [{ capacity: '-3' }, /cannot be negative/],
      [{ hub: 'narnia' }, /Unknown hub/],
      [{ date: '31/02/2027' }, /date must look like/],
      [{ hub: 'east-kent' }, /for this hub/],
    ] as const) {
      const res = await bot.invoke(organiser, 'event.create', form(change));
      assert.ok(res.status === 400 || res.status === 403, JSON.stringify(change));
      assert.match(res.body.value.message, message);
    }
  });

  it('books from the list card, waitlists the next person, and cancel promotes them (with a notice)', async () => {
    const id = await createEvent({ title: 'Spirometry refresher', date: '2027-02-10' });
    const since = connector.sent.length;
    await bot.message(ann, 'events next month');
    await bot.message(ann, 'events west kent');
    const [unknownList, list] = bot.cardsTo(ann, 'personal', since);
    assert.match(cardText(unknownList), /I don’t know “next month”/);
    assert.match(cardText(list), /Spirometry refresher/);
    assert.ok(cardVerbs(list).includes('event.signup'));

    const booked = await bot.invoke(ann, 'event.signup', { eventId: id, list: 'west kent' });
    assert.equal(booked.status, 200);
    assert.match(cardText(booked.card), /You’re booked on “Spirometry refresher”/);
    const again = await bot.invoke(ann, 'event.signup', { eventId: id });
    assert.match(cardText(again.card), /already booked/);
    assert.match(cardText(again.card), /Add to my calendar/);

    const waiting = await bot.invoke(ben, 'event.signup', { eventId: id });
    assert.equal(waiting.status, 200);
    assert.match(cardText(waiting.card), /full, so you’re on the waitlist: #1/);
    assert.match(cardText(waiting.card), /aimed at practice nurse, nurse associate; as a paramedic you can still book/);
    assert.ok(cardVerbs(waiting.card).includes('event.cancel.ask'), 'Leave the waitlist (asks first)');
    const refreshAction = (waiting.card as { refresh?: { action?: { verb?: string }; userIds?: string[] } }).refresh;
    assert.equal(refreshAction?.action?.verb, 'event.refresh');
    assert.deepEqual(refreshAction?.userIds, [`29:${ben.id}`]);

    notifier.clear();
    const beforeCancel = connector.sent.length;
    const cancelled = await bot.invoke(ann, 'event.cancel', { eventId: id });
    assert.equal(cancelled.status, 200);
    assert.match(cardText(cancelled.card), /Your booking is cancelled/);
    await notifier.waitFor(() => notifier.withKey('promoted:').length === 1);
    assert.equal(notifier.withKey('promoted:')[0].userId, ben.id);
    // The promotion reaches Ben's 1:1 chat through the queued notifier (Storage Queue → worker → connector).
    await connector.waitFor(() => bot.cardsTo(ben, 'personal', beforeCancel).some((c) => /A place came up: you’re booked/.test(cardText(c))), 10_000);
    assert.equal(bot.cardsTo(ben, 'personal', beforeCancel).filter((c) => /A place came up/.test(cardText(c))).length, 1, 'exactly once');
    const bensView = await bot.invoke(ben, 'event.refresh', { eventId: id });
    assert.match(cardText(bensView.card), /You’re booked/);
    const annsView = await bot.invoke(ann, 'event.refresh', { eventId: id });
    assert.match(cardText(annsView.card), /Join the waitlist/, 'full again, so Ann sees the waitlist button');
  });

  it('asks before cancelling, says what happens to the place, and keeps it on "Keep my place"', async () => {
    const id = await createEvent({ title: 'Confirm clinic', date: '2027-02-17', capacity: '1' });
    const dan: TestPerson = { id: newUserId(), name: 'Dan Nurse' };
    const eve: TestPerson = { id: newUserId(), name: 'Eve Nurse' };
    const booked = await bot.invoke(dan, 'event.signup', { eventId: id, list: 'west kent' });
    await bot.invoke(eve, 'event.signup', { eventId: id });
    const seats = async () => { const v = await app.services.events.view({ id: dan.id, name: dan.name, guest: false, roles: [] }, id); return [v.booked, v.waitlisted, v.myStatus]; };

    // The list card's Cancel asks; the confirm card's Confirm is the contract's event.cancel.
    const cancelButton = JSON.stringify(booked.card).includes('event.cancel.ask');
    assert.ok(cancelButton, 'the card’s Cancel button asks first');
    const ask = await bot.invoke(dan, 'event.cancel.ask', actionData(booked.card, 'event.cancel.ask'));
    assert.equal(ask.status, 200);
    const askText = cardText(ask.card);
    assert.match(askText, /Cancel your place at “Confirm clinic”\?/);
    assert.match(askText, /goes straight to the first person on the waitlist/);
    assert.deepEqual(cardVerbs(ask.card), ['event.cancel', 'event.refresh']);
    assert.match(askText, /Yes, cancel my place/);
    assert.match(askText, /Keep my place/);
    assert.deepEqual(await seats(), [1, 1, 'booked'], 'asking changes nothing');

    // Keep: back to the list, nothing changed.
    const kept = await bot.invoke(dan, 'event.refresh', actionData(ask.card, 'event.refresh'));
    assert.equal(kept.status, 200);
    assert.match(cardText(kept.card), /Nothing changed: you keep your place/);
    assert.match(cardText(kept.card), /PLT events/, 'back on the list it came from');
    assert.deepEqual(await seats(), [1, 1, 'booked']);

    // Eve, waitlisted, is asked about her place in the queue.
    const eveCard = await bot.invoke(eve, 'event.refresh', { eventId: id });
    const eveAsk = await bot.invoke(eve, 'event.cancel.ask', actionData(eveCard.card, 'event.cancel.ask'));
    assert.match(cardText(eveAsk.card), /Leave the waitlist for “Confirm clinic”\?/);
    assert.match(cardText(eveAsk.card), /#1 on the waitlist.*back of the queue/);
    assert.match(cardText(eveAsk.card), /Stay on the waitlist/);

    // Confirm: cancelled, Eve promoted; confirming again (or asking again) changes nothing.
    const confirm = actionData(ask.card, 'event.cancel');
    const done = await bot.invoke(dan, 'event.cancel', confirm);
    assert.equal(done.status, 200);
    assert.match(cardText(done.card), /Your booking is cancelled/);
    assert.deepEqual(await seats(), [1, 0, 'none']);
    const twice = await bot.invoke(dan, 'event.cancel', confirm);
    assert.match(cardText(twice.card), /had no booking/);
    const askAgain = await bot.invoke(dan, 'event.cancel.ask', { eventId: id });
    assert.equal(askAgain.status, 200);
    assert.match(cardText(askAgain.card), /had no booking/, 'nothing to confirm: the card as it is');
    assert.ok(!cardVerbs(askAgain.card).includes('event.cancel'));
    assert.deepEqual(await seats(), [1, 0, 'none']);
  });

  it('lists events for a profession with the events open to everyone (events hca)', async () => {
    await createEvent({ title: 'HCA wound care basics', professions: 'hca', date: '2027-02-15', capacity: '10' });
    await createEvent({ title: 'Open safeguarding update', professions: '', date: '2027-02-16', capacity: '10' });
    await createEvent({ title: 'Paramedic-only frailty session', professions: 'paramedic', date: '2027-02-17', capacity: '10' });
    const since = connector.sent.length;
    await bot.message(ann, 'events hca');
    const [list] = bot.cardsTo(ann, 'personal', since);
    const text = cardText(list);
    assert.match(text, /HCA wound care basics/);
    assert.match(text, /Open safeguarding update/, 'an event that lists no professions is for everyone');
    assert.doesNotMatch(text, /Paramedic-only frailty session/);
    assert.match(text, /healthcare assistants \(HCA\)/, 'the list says who it is for in words, not "healthcare assistant (hca)s"');
  });

  it('refuses sign-up once the window has closed, changing nothing', async () => {
    const id = await createEvent({ title: 'Closing early', date: '2027-02-12', capacity: '10' });
    await app.services.events.update({ id: organiser.id, name: organiser.name, guest: false, roles: [{ role: 'organiser', hubs: ['west-kent'] }] }, id, { signupCloses: '2027-01-20T17:00' });
    clock.set('2027-01-21T09:00:00Z');
    try {
      const res = await bot.invoke(cat, 'event.signup', { eventId: id });
      assert.equal(res.status, 400);
      assert.equal(res.body.type, 'application/vnd.microsoft.error');
      assert.match(res.body.value.message, /Sign-up for this event closed/);
      const view = await bot.invoke(cat, 'event.refresh', { eventId: id });
      assert.match(cardText(view.card), /Sign-up has closed/);
      assert.ok(!cardVerbs(view.card).includes('event.signup'));
    } finally {
      clock.set('2027-01-15T10:00:00Z');
    }
    assert.equal((await app.services.eventRepository.get(id))?.seats.booked, 0);
  });

  it('lets the organiser cancel the event from its card; sign-up is then refused and people are told', async () => {
    const id = await createEvent({ title: 'Will be cancelled', date: '2027-02-15', capacity: '5' });
    await bot.invoke(cat, 'event.signup', { eventId: id });
    notifier.clear();
    assert.equal((await bot.invoke(cat, 'event.organiser.cancel', { eventId: id, reason: 'x' })).status, 403);
    const res = await bot.invoke(organiser, 'event.organiser.cancel', { eventId: id, reason: 'Room flooded' });
    assert.equal(res.status, 200);
    assert.match(cardText(res.card), /Event cancelled. 1 person is being told/);
    const refused = await bot.invoke(ann, 'event.signup', { eventId: id });
    assert.equal(refused.status, 400);
    assert.match(refused.body.value.message, /cancelled/);
    await notifier.waitFor(() => notifier.withKey('event-cancelled:').length === 1);
    assert.match(notifier.withKey('event-cancelled:')[0].message.text, /Room flooded/);
    assert.equal((await app.services.eventRepository.get(id))?.seats.booked, 1, 'nothing changed for the refused sign-up');
  });

  it('answers malformed data with 400 and changes nothing', async () => {
    const id = await createEvent({ title: 'Malformed', date: '2027-02-16', capacity: '5' });
    for (const data of [{}, { eventId: 42 }, { eventId: { $gt: '' } }, { eventId: '../../etc' }, { eventId: 'x'.repeat(500) }, ['event'], 'not-an-object']) {
      const res = await bot.invoke(ann, 'event.signup', data);
      assert.equal(res.status, 400, JSON.stringify(data));
      assert.equal(res.body.type, 'application/vnd.microsoft.error');
    }
    assert.equal((await bot.invoke(ann, 'event.signup', { eventId: 'eabcdef0123456789' })).status, 400, 'unknown id');
    assert.equal((await bot.invoke(organiser, 'event.update', { eventId: id, capacity: 'lots' })).status, 400);
    assert.equal((await bot.invoke(organiser, 'event.attendance', { eventId: id, attended: { a: 1 } })).status, 400);
    const stored = await app.services.eventRepository.get(id);
    assert.equal(stored?.seats.booked, 0);
    assert.equal(stored?.event.capacity, 5);
  });

  it('shows a channel the same card for everyone, refreshed per person', async () => {
    await createEvent({ title: 'Channel visible', date: '2027-02-17', capacity: '3' });
    const since = connector.sent.length;
    await bot.message(cat, 'events west', 'channel');
    const [list] = bot.cardsTo(cat, 'channel', since);
    assert.ok(list, 'list posted in the channel');
    assert.doesNotMatch(cardText(list), /You’re booked|waitlist: #/, 'no personal state on the shared card');
    const refresh = (list as { refresh?: { action?: { verb?: string; data?: { list?: string } }; userIds?: string[] } }).refresh;
    assert.equal(refresh?.action?.verb, 'event.refresh');
    const mine = await bot.invoke(cat, 'event.refresh', refresh!.action!.data, 'channel');
    assert.equal(mine.status, 200);
    assert.match(cardText(mine.card), /Channel visible/);
    const mySince = connector.sent.length;
    await bot.message(cat, 'my events', 'channel');
    assert.match(bot.repliesTo(cat, 'channel', mySince)[0].activity.text ?? '', /message me 1:1/);
  });

  it('shows my bookings with Cancel, and my private calendar feed that parses', async () => {
    const id = await createEvent({ title: 'For my events', date: '2027-02-18', capacity: '3' });
    await bot.invoke(cat, 'event.signup', { eventId: id });
    let since = connector.sent.length;
    await bot.message(cat, 'my events');
    const [mine] = bot.cardsTo(cat, 'personal', since);
    assert.match(cardText(mine), /For my events/);
    assert.match(cardText(mine), /Booked/);
    assert.match(cardText(mine), /My CPD record/);
    const left = await bot.invoke(cat, 'event.cancel', { eventId: id, view: 'mine' });
    assert.match(cardText(left.card), /Your booking is cancelled/);
    assert.match(cardText(left.card), /My events/);
    await bot.invoke(cat, 'event.signup', { eventId: id });

    since = connector.sent.length;
    await bot.message(cat, 'calendar');
    const [cal] = bot.cardsTo(cat, 'personal', since);
    const url = cardText(cal).match(/http:\/\/\S+\/api\/calendar\/[A-Za-z0-9_-]{32,}\.ics/)?.[0];
    assert.ok(url, cardText(cal));
    const ics = await (await fetch(url!)).text();
    const comp = new ICAL.Component(ICAL.parse(ics));
    assert.ok(comp.getAllSubcomponents('vevent').some((v) => v.getFirstPropertyValue('summary') === 'For my events'));
    const reset = await bot.invoke(cat, 'calendar.reset', {});
    assert.match(cardText(reset.card), /new link/);
    assert.equal((await fetch(url!)).status, 404, 'the old link stops working');
    const off = await bot.invoke(cat, 'calendar.revoke', {});
    assert.match(cardText(off.card), /turned off/);
    since = connector.sent.length;
    await bot.message(cat, 'calendar', 'channel');
    assert.doesNotMatch(cardText(bot.cardsTo(cat, 'channel', since)[0]), /\/api\/calendar\/[A-Za-z0-9_-]{32,}\.ics/, 'no private link in a channel');
  });

  it('gives organisers the roster and takes attendance from the card', async () => {
    const id = await createEvent({ title: 'Roster by card', date: '2027-01-18', startTime: '09:00', endTime: '12:00', capacity: '1' });
    await bot.invoke(ann, 'event.signup', { eventId: id });
    await bot.invoke(cat, 'event.signup', { eventId: id });
    assert.equal((await bot.invoke(ann, 'event.roster', { eventId: id })).status, 403);
    const roster = await bot.invoke(organiser, 'event.roster', { eventId: id });
    assert.match(cardText(roster.card), /Booked \(1\)/);
    assert.match(cardText(roster.card), /#1/);
    assert.match(cardText(roster.card), /Cat Pharmacist/);
    clock.set('2027-01-18T12:30:00Z');
    try {
      const after = await bot.invoke(organiser, 'event.roster', { eventId: id });
      assert.ok(cardVerbs(after.card).includes('event.attendance'));
      const saved = await bot.invoke(organiser, 'event.attendance', { eventId: id, attended: ann.id });
      assert.equal(saved.status, 200);
      assert.match(cardText(saved.card), /Attendance saved: 1 attended/);
      const since = connector.sent.length;
      await bot.message(ann, 'my events');
      assert.match(cardText(bot.cardsTo(ann, 'personal', since)[0]), /Roster by card — 3 h, Course attendance \(Protected Learning Time\), participatory; organiser Olivia Organiser/);
    } finally {
      clock.set('2027-01-15T10:00:00Z');
    }
  });

  it('imports events from CSV with a line-by-line report, creating nothing until every line is good', async () => {
    const since = connector.sent.length;
    await bot.message(organiser, 'import events');
    assert.deepEqual(cardVerbs(bot.cardsTo(organiser, 'personal', since)[0]), ['event.import']);
    const header = 'title,category,hub,professions,channel,date,start,end,location,capacity';
    const bad = [header, 'CEF first steps,facilitation-development,west-kent,practice-nurse;paramedic,anp,2027-02-22,09:30,12:30,Oakwood House,12', 'Broken,plt,atlantis,,,2027-02-23,09:30,12:30,Somewhere,5', 'Backwards,plt,west-kent,,,2027-02-24,12:30,09:30,Somewhere,5'].join('\n');
    const res = await bot.invoke(organiser, 'event.import', { csv: bad, dryRun: 'false' });
    assert.equal(res.status, 200);
    const text = cardText(res.card);
    assert.match(text, /2 lines need fixing/);
    assert.match(text, /Line 3: unknown hub/);
    assert.match(text, /Line 4: the end must be after the start/);
    const good = [header, 'Workforce planning for PCN managers,plt,west-kent,practice-manager,,2027-02-25,13:00,15:00,Online,'].join('\n');
    const ok = await bot.invoke(organiser, 'event.import', { csv: good, dryRun: 'false' });
    assert.match(cardText(ok.card), /Created 1 event/);
    const again = await bot.invoke(organiser, 'event.import', { csv: good, dryRun: 'false' });
    assert.match(cardText(again.card), /1 already imported earlier/);
    assert.equal((await bot.invoke(ann, 'event.import', { csv: good })).status, 403);
  });

  it('lets an organiser post an event card into its channel (the same card for everyone there)', async () => {
    await app.services.channels.create({ ...DEMO_CHANNELS[3], id: 'pharmacists-teams', teamsChannelId: '19:cop-pharmacists@thread.tacv2', memberCount: 0 });
    const id = await createEvent({ title: 'SMR masterclass', date: '2027-02-19', capacity: '5', channelId: 'pharmacists-teams' });
    const card = await bot.invoke(organiser, 'event.refresh', { eventId: id });
    assert.ok(cardVerbs(card.card).includes('event.post'));
    assert.equal((await bot.invoke(ann, 'event.post', { eventId: id })).status, 403);
    const res = await bot.invoke(organiser, 'event.post', { eventId: id });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.match(cardText(res.card), /Posted in Clinical Pharmacists/);
    const [posted] = connector.cardsTo('19:cop-pharmacists@thread.tacv2');
    assert.ok(posted, 'card posted into the channel');
    assert.match(cardText(posted), /SMR masterclass/);
    assert.doesNotMatch(cardText(posted), /You’re booked|Roster/, 'no one’s own state or organiser buttons');
    const noChannel = await createEvent({ title: 'No channel here', date: '2027-02-19', capacity: '5' });
    assert.equal((await bot.invoke(organiser, 'event.post', { eventId: noChannel })).status, 400);
  });
});
