// The events HTTP API as the tab uses it: organisers create, change and cancel; people book,
// wait and cancel; the waitlist moves up; rosters (CSV safe for spreadsheets), attendance and CPD.
import { strict as assert } from 'node:assert';
import { startTestApp, api, type TestApp } from '../helpers/testApp.js';
import { newUserId } from '../helpers/ids.js';
import { RecordingNotifier } from '../helpers/recordingNotifier.js';
import { RecordingScheduler, TestClock, eventBody } from '../helpers/events.js';
import { allJobHandlers } from '../../src/jobs/index.js';

describe('events API', () => {
  let app: TestApp;
  const notifier = new RecordingNotifier();
  const scheduler = new RecordingScheduler();
  const clock = new TestClock(new Date('2027-01-15T10:00:00Z'));
  const admin = newUserId();
  const eastOrganiser = newUserId();
  const westOrganiser = newUserId();
  const member = newUserId();

  before(async () => {
    app = await startTestApp({ ADMIN_AAD_OBJECT_IDS: admin }, { notifier: () => notifier, scheduler: () => scheduler, clock });
    await app.services.roles.set(eastOrganiser, [{ role: 'organiser', hubs: ['east-kent'] }]);
    await app.services.roles.set(westOrganiser, [{ role: 'organiser', hubs: ['west-kent'] }]);
  });
  after(async () => {
    await app?.close();
    assert.deepEqual(notifier.cardProblems, []);
  });

  const create = (user: string, body: Record<string, unknown>) => api(app, '/api/events', { method: 'POST', user, name: 'Olu Organiser', body });
  const book = (user: string, id: string, name = 'Pat Person') => api(app, `/api/events/${id}/registrations`, { method: 'POST', user, name });
  const unbook = (user: string, id: string) => api(app, `/api/events/${id}/registrations/me`, { method: 'DELETE', user });

  it('lets an organiser create an event for their hub; times come back in London time', async () => {
    const res = await create(eastOrganiser, eventBody());
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const e = res.body;
    assert.match(e.id, /^[A-Za-z0-9_-]+$/);
    assert.equal(e.start, '2027-02-10T13:30:00+00:00');
    assert.equal(e.status, 'scheduled');
    assert.equal(e.organiserId, eastOrganiser);
    assert.equal(e.capacity, 20);
    assert.deepEqual(e.professions, ['practice-nurse', 'nurse-associate']);
    const got = await api(app, `/api/events/${e.id}`, { user: member });
    assert.equal(got.status, 200);
    assert.deepEqual([got.body.capacity, got.body.booked, got.body.waitlisted, got.body.myStatus, got.body.myWaitlistPosition], [20, 0, 0, 'none', null]);
    // Reminders: one job per offset, due start − offset.
    const job = scheduler.jobs.get(`event-reminders:${e.id}:3600000`);
    assert.equal(job?.kind, 'event.reminders');
    assert.deepEqual(job?.payload, { eventId: e.id, offsetMs: 3600000 });
    assert.equal(job?.dueAt.toISOString(), '2027-02-10T12:30:00.000Z');
    assert.ok(scheduler.jobs.has(`event-reminders:${e.id}:86400000`));
  });

  it('refuses creation by a member (403) or for another hub (403), changing nothing', async () => {
    const before = (await api(app, '/api/events', { user: member })).body.items.length;
    assert.equal((await create(member, eventBody({ title: 'Member event' }))).status, 403);
    assert.equal((await create(westOrganiser, eventBody({ title: 'Wrong hub' }))).status, 403);
    assert.equal((await create(eastOrganiser, eventBody({ title: 'All Kent', hub: 'kent-medway' }))).status, 403);
    assert.equal((await api(app, '/api/events', { user: member })).body.items.length, before);
  });

  it('refuses bad fields with 400 and a message that says what to fix', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ end: '2027-02-10T12:00' }, /end must be after the start/],
      [{ capacity: -1 }, /cannot be negative/],
      [{ capacity: 2.5 }, /whole number/],
      [{ hub: 'mars' }, /Unknown hub/],
      [{ category: 'party' }, /Choose a category/],
      [{ professions: ['astronaut'] }, /Unknown profession/],
      [{ signupCloses: '2027-02-11T09:00' }, /Sign-up must close by the time the event starts/],
      [{ signupOpens: '2027-02-10T14:00' }, /Sign-up must open before the event starts/],
      [{ start: '2026-12-01T10:00', end: '2026-12-01T11:00' }, /in the past/],
      [{ start: 'next tuesday' }, /not a date and time I can read/],
      [{ title: '' }, /title/],
      [{ location: '', onlineMeetingUrl: 'javascript:alert(1)' }, /https/],
      [{ location: '' }, /location, an online meeting link, or make it a Teams meeting/],
      [{ title: { $ne: 1 } }, /title/i],
    ];
    for (const [change, message] of cases) {
      const res = await create(eastOrganiser, eventBody(change));
      assert.equal(res.status, 400, JSON.stringify(change));
      assert.equal(res.body.error.code, 'BadRequest');
      assert.match(res.body.error.message, message, JSON.stringify(change));
    }
    assert.equal((await api(app, '/api/events', { method: 'POST', user: eastOrganiser, body: '[1,2]' })).status, 400);
  });

  it('books, then waitlists with positions, and promotes the first waiting when someone cancels', async () => {
    const e = (await create(eastOrganiser, eventBody({ title: 'Spirometry refresher', capacity: 2 }))).body;
    const [a, b, c, d] = [newUserId(), newUserId(), newUserId(), newUserId()];
    assert.deepEqual(pick((await book(a, e.id, 'Ann')).body), { status: 'booked' });
    assert.deepEqual(pick((await book(b, e.id, 'Ben')).body), { status: 'booked' });
    const third = await book(c, e.id, 'Cat');
    assert.equal(third.status, 201);
    assert.deepEqual(pick(third.body), { status: 'waitlisted', position: 1 });
    assert.deepEqual(pick((await book(d, e.id, 'Dan')).body), { status: 'waitlisted', position: 2 });
    // Again: no change, same answer.
    const again = await book(d, e.id, 'Dan');
    assert.deepEqual(pick(again.body), { status: 'waitlisted', position: 2 });
    assert.equal(again.body.already, true);
    let view = (await api(app, `/api/events/${e.id}`, { user: d })).body;
    assert.deepEqual([view.booked, view.waitlisted, view.myStatus, view.myWaitlistPosition, view.state], [2, 2, 'waitlisted', 2, 'waitlisted']);

    notifier.clear();
    const cancel = await unbook(a, e.id);
    assert.equal(cancel.status, 200);
    assert.equal(cancel.body.previous, 'booked');
    assert.equal((await api(app, `/api/events/${e.id}`, { user: c })).body.myStatus, 'booked', 'Cat promoted');
    view = (await api(app, `/api/events/${e.id}`, { user: d })).body;
    assert.deepEqual([view.booked, view.waitlisted, view.myWaitlistPosition], [2, 1, 1], 'Dan is next');
    await notifier.waitFor(() => notifier.withKey('promoted:').length === 1);
    const [notice] = notifier.withKey('promoted:');
    assert.equal(notice.userId, c);
    assert.equal(notice.key, `promoted:${e.id}:${c}:1`);
    assert.equal(notice.kind, 'booking');
    assert.match(notice.message.text, /Spirometry refresher/);
    // Leaving the waitlist; cancelling with nothing booked is harmless.
    assert.equal((await unbook(d, e.id)).body.previous, 'waitlisted');
    assert.equal((await unbook(d, e.id)).body.previous, 'none');
    assert.equal((await api(app, `/api/events/${e.id}`, { user: d })).body.waitlisted, 0);
  });

  it('enforces the sign-up window and cancelled events', async () => {
    const later = (await create(eastOrganiser, eventBody({ title: 'Opens later', signupOpens: '2027-01-20T09:00' }))).body;
    const res = await book(member, later.id);
    assert.equal(res.status, 400);
    assert.match(res.body.error.message, /opens on/);
    const closed = (await create(eastOrganiser, eventBody({ title: 'Closes soon', signupCloses: '2027-01-16T09:00' }))).body;
    clock.set('2027-01-17T10:00:00Z');
    try {
      const late = await book(member, closed.id);
      assert.equal(late.status, 400);
      assert.match(late.body.error.message, /closed/);
    } finally {
      clock.set('2027-01-15T10:00:00Z');
    }
    const gone = (await create(eastOrganiser, eventBody({ title: 'To be cancelled' }))).body;
    const booked = newUserId();
    await book(booked, gone.id);
    notifier.clear();
    assert.equal((await api(app, `/api/events/${gone.id}`, { method: 'DELETE', user: member })).status, 403);
    const del = await api(app, `/api/events/${gone.id}?reason=Speaker%20unwell`, { method: 'DELETE', user: eastOrganiser });
    assert.equal(del.status, 200);
    assert.equal(del.body.status, 'cancelled');
    const refused = await book(member, gone.id);
    assert.equal(refused.status, 400);
    assert.match(refused.body.error.message, /cancelled/);
    await notifier.waitFor(() => notifier.withKey('event-cancelled:').length === 1);
    assert.equal(notifier.withKey('event-cancelled:')[0].key, `event-cancelled:${gone.id}:${booked}`);
    assert.match(notifier.withKey('event-cancelled:')[0].message.text, /Speaker unwell/);
    assert.ok(scheduler.cancelled.includes(`event-reminders:${gone.id}:3600000`));
    assert.equal((await api(app, `/api/events/${gone.id}`, { method: 'PATCH', user: eastOrganiser, body: { title: 'Back on?' } })).status, 409);
  });

  it('moves an event: people are told once per change and reminders move with it', async () => {
    const e = (await create(eastOrganiser, eventBody({ title: 'Diabetes foot checks' }))).body;
    const p = newUserId();
    await book(p, e.id);
    notifier.clear();
    const moved = await api(app, `/api/events/${e.id}`, { method: 'PATCH', user: eastOrganiser, body: { start: '2027-03-03T13:30', end: '2027-03-03T16:30' } });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    assert.equal(moved.body.start, '2027-03-03T13:30:00+00:00');
    assert.equal(moved.body.sequence, 1);
    await notifier.waitFor(() => notifier.withKey('event-updated:').length === 1);
    assert.equal(notifier.withKey('event-updated:')[0].key, `event-updated:${e.id}:${p}:1`);
    assert.equal(scheduler.jobs.get(`event-reminders:${e.id}:3600000`)?.dueAt.toISOString(), '2027-03-03T12:30:00.000Z');
    // Listed under its new date only.
    const feb = (await api(app, '/api/events?from=2027-02-01&to=2027-02-28', { user: p })).body.items.map((x: { id: string }) => x.id);
    const mar = (await api(app, '/api/events?from=2027-03-01&to=2027-03-31', { user: p })).body.items.map((x: { id: string }) => x.id);
    assert.ok(!feb.includes(e.id) && mar.includes(e.id));
    // Capacity cannot drop below the people booked.
    const low = await api(app, `/api/events/${e.id}`, { method: 'PATCH', user: eastOrganiser, body: { capacity: 0 } });
    assert.equal(low.status, 400);
    assert.match(low.body.error.message, /cannot go below 1/);
  });

  it('pages through events that start at the same moment without repeating or skipping any', async () => {
    // Titles sort in the opposite order to… whatever the random ids do: the cursor must not care.
    const titles = ['Zeta update', 'Epsilon update', 'Delta update', 'Alpha update'];
    const ids: string[] = [];
    for (const title of titles) ids.push((await create(admin, eventBody({ title, hub: 'east-kent', start: '2027-05-05T09:00', end: '2027-05-05T10:00' }))).body.id);
    const seen: string[] = [];
    let next: string | undefined;
    do {
      const page = (await api(app, `/api/events?from=2027-05-05&to=2027-05-06&hub=east-kent&limit=1${next ? `&next=${next}` : ''}`, { user: member })).body;
      seen.push(...page.items.map((x: { id: string }) => x.id));
      next = page.next;
    } while (next && seen.length < 10);
    assert.deepEqual([...seen].sort(), [...ids].sort());
  });

  it('filters by profession without hiding events open to everyone, by several hubs, and by words', async () => {
    const day = (d: number) => ({ start: `2027-08-0${d}T09:00`, end: `2027-08-0${d}T10:00` });
    const hca = (await create(admin, eventBody({ title: 'HCA phlebotomy refresher', hub: 'west-kent', professions: ['hca'], ...day(2) }))).body;
    const open = (await create(admin, eventBody({ title: 'Safeguarding for everyone', description: 'Level 3 update', hub: 'kent-medway', professions: [], ...day(3) }))).body;
    const para = (await create(admin, eventBody({ title: 'Paramedic ECG interpretation', hub: 'west-kent', professions: ['paramedic'], ...day(4) }))).body;
    const east = (await create(admin, eventBody({ title: 'East Kent open forum', hub: 'east-kent', professions: [], ...day(5) }))).body;
    const ids = async (s: string) => {
      const res = await api(app, `/api/events?from=2027-08-01&to=2027-08-31&${s}`, { user: member });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body.items.map((x: { id: string }) => x.id).sort();
    };
    // Profession: the events that list it and those that list none (open to everyone).
    assert.deepEqual(await ids('profession=hca'), [hca.id, open.id, east.id].sort());
    assert.deepEqual(await ids('profession=HCA'), [hca.id, open.id, east.id].sort());
    // One hub is exactly that hub; a comma list is any of them ("For you": my hub and all of Kent & Medway).
    assert.deepEqual(await ids('hub=west-kent'), [hca.id, para.id].sort());
    assert.deepEqual(await ids('hub=west-kent,kent-medway'), [hca.id, open.id, para.id].sort());
    assert.deepEqual(await ids('hub=west-kent,kent-medway&profession=hca'), [hca.id, open.id].sort());
    assert.equal((await api(app, '/api/events?hub=west-kent,atlantis', { user: member })).status, 400);
    assert.equal((await api(app, '/api/events?hub=,', { user: member })).status, 400);
    // Words: each must start a word of the title, description, location or organiser; accents and case ignored.
    assert.deepEqual(await ids('q=safeguard'), [open.id]);
    assert.deepEqual(await ids('q=LEVEL%203'), [open.id]);
    assert.deepEqual(await ids('q=%C3%A9cg'), [para.id]);
    assert.deepEqual(await ids('q=ecg%20safeguarding'), []);
    assert.equal((await api(app, `/api/events?q=${'x'.repeat(201)}`, { user: member })).status, 400);
  });

  it('lists events with filters, each with my place', async () => {
    const e = (await create(admin, eventBody({ title: 'Paramedic minor illness', hub: 'north-kent', category: 'cop-session', professions: ['paramedic'], start: '2027-02-20T09:00', end: '2027-02-20T12:00' }))).body;
    await book(member, e.id);
    const q = (s: string) => api(app, `/api/events?${s}`, { user: member });
    const byHub = (await q('hub=north-kent&from=2027-01-01&to=2027-06-30')).body.items;
    assert.ok(byHub.length >= 1 && byHub.every((x: { hub: string }) => x.hub === 'north-kent'));
    assert.equal(byHub.find((x: { id: string }) => x.id === e.id).myStatus, 'booked');
    assert.ok((await q('profession=paramedic&from=2027-01-01&to=2027-06-30')).body.items.every((x: { professions: string[] }) => x.professions.length === 0 || x.professions.includes('paramedic')));
    assert.ok((await q('category=cop-session&from=2027-01-01&to=2027-06-30')).body.items.some((x: { id: string }) => x.id === e.id));
    assert.equal((await q('hub=atlantis')).status, 400);
    assert.equal((await q('from=yesterday')).status, 400);
    assert.equal((await q('from=2027-01-01&to=2029-01-01')).status, 400);
    assert.equal((await q('hub[x]=1')).status, 400);
    // Pages: a cursor that continues where the last page stopped.
    const page1 = (await q('from=2027-01-01&to=2027-06-30&limit=2')).body;
    assert.equal(page1.items.length, 2);
    const page2 = (await q(`from=2027-01-01&to=2027-06-30&limit=2&next=${page1.next}`)).body;
    assert.ok(page2.items.every((x: { id: string }) => !page1.items.some((y: { id: string }) => y.id === x.id)));
    assert.equal((await q('next=bogus')).status, 400);
    assert.equal((await api(app, '/api/events/nope', { user: member })).status, 404);
    assert.equal((await api(app, '/api/events/..%2F..%2Fx', { user: member })).status, 404);
    assert.equal((await api(app, '/api/events')).status, 401);
  });

  it('gives organisers the roster with the waitlist, as JSON and as spreadsheet-safe CSV', async () => {
    const e = (await create(eastOrganiser, eventBody({ title: 'Roster test', capacity: 1 }))).body;
    const evil = newUserId();
    await book(evil, e.id, '=HYPERLINK("http://evil.example","click")');
    await book(member, e.id, '+Mo, "the" Member');
    assert.equal((await api(app, `/api/events/${e.id}/registrations`, { user: member })).status, 403);
    assert.equal((await api(app, `/api/events/${e.id}/registrations`, { user: westOrganiser })).status, 403);
    const roster = await api(app, `/api/events/${e.id}/registrations`, { user: eastOrganiser });
    assert.equal(roster.status, 200);
    assert.deepEqual(roster.body.items.map((r: { status: string; position: number | null }) => [r.status, r.position]), [['booked', null], ['waitlisted', 1]]);
    const csv = await api(app, `/api/events/${e.id}/registrations?format=csv`, { user: eastOrganiser });
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
    assert.match(csv.headers.get('content-disposition') ?? '', /attachment; filename="roster-Roster-test.csv"/);
    const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    assert.equal(lines[0], 'Name,Status,Waitlist position,Joined,Booked,Attended,Minutes in Teams,Attendance from,Email,Profession,PCN,Organisation');
    assert.ok(lines[1].startsWith(`"'=HYPERLINK(""http://evil.example"",""click"")",booked,`), lines[1]);
    assert.ok(lines[2].startsWith(`"'+Mo, ""the"" Member",waitlisted,1,`), lines[2]);
    assert.equal((await api(app, `/api/events/${e.id}/registrations?format=xml`, { user: eastOrganiser })).status, 400);
  });

  it('records attendance after the event; attendees see CPD hours with participatory hours per NMC period', async () => {
    const plt = (await create(eastOrganiser, eventBody({ title: 'Wound care PLT', start: '2027-01-20T13:00', end: '2027-01-20T16:30' }))).body;
    const web = (await create(eastOrganiser, eventBody({ title: 'HRT webinar', category: 'webinar', start: '2027-01-21T12:30', end: '2027-01-21T13:30', capacity: null }))).body;
    const nurse = newUserId();
    await book(nurse, plt.id, 'Nia Nurse');
    await book(nurse, web.id, 'Nia Nurse');
    const early = await api(app, `/api/events/${plt.id}/attendance`, { method: 'PUT', user: eastOrganiser, body: { attended: [nurse] } });
    assert.equal(early.status, 400, 'not before the start');
    clock.set('2027-01-22T09:00:00Z');
    try {
      assert.equal((await api(app, `/api/events/${plt.id}/attendance`, { method: 'PUT', user: member, body: { attended: [nurse] } })).status, 403);
      assert.equal((await api(app, `/api/events/${plt.id}/attendance`, { method: 'PUT', user: eastOrganiser, body: { attended: [member] } })).status, 400, 'only booked people');
      assert.equal((await api(app, `/api/events/${plt.id}/attendance`, { method: 'PUT', user: eastOrganiser, body: { attended: 'x' } })).status, 400);
      assert.equal((await api(app, `/api/events/${plt.id}/attendance`, { method: 'PUT', user: eastOrganiser, body: { attended: [nurse] } })).status, 200);
      assert.equal((await api(app, `/api/events/${web.id}/attendance`, { method: 'PUT', user: eastOrganiser, body: { attended: [nurse] } })).status, 200);
      // The record in the regulator's terms (interfaces.md, "After the event"; tests/e2e/cpd.test.ts has the rest).
      const cpd = (await api(app, '/api/me/cpd', { user: nurse })).body;
      assert.equal(cpd.regulator, 'nmc');
      const entries = [...cpd.entries].sort((a: { title: string }, b: { title: string }) => a.title.localeCompare(b.title));
      assert.deepEqual(
        entries.map((i: { title: string; organiser: string; participatory: boolean; hours: number; category: string }) => [i.title, i.organiser, i.participatory, i.hours, i.category]),
        [
          ['HRT webinar', 'Olu Organiser', false, 1, 'webinar'],
          ['Wound care PLT', 'Olu Organiser', true, 3.5, 'plt'],
        ],
      );
      assert.equal(cpd.periods[0].totalHours, 4.5);
      assert.equal(cpd.periods[0].participatoryHours, 3.5);
      assert.deepEqual(cpd.periods[0].target, { totalHours: 35, participatoryHours: 20 });
      const csv = await api(app, '/api/me/cpd?format=csv', { user: nurse });
      assert.match(csv.text, /Date,Activity,Category,Method,Hours,Participatory,Planned,Organiser/);
      assert.match(csv.text, /Wound care PLT,Protected Learning Time,Course attendance \(Protected Learning Time\),3.5,yes,/);
      assert.equal((await api(app, '/api/me/cpd?revalidationDate=soon', { user: nurse })).status, 400);
      const later = (await api(app, '/api/me/cpd?revalidationDate=2029-12-31', { user: nurse })).body;
      assert.equal(later.periods[0].totalHours, 4.5);
    } finally {
      clock.set('2027-01-15T10:00:00Z');
    }
  });

  it('sends each booked person the reminder when its job runs, and skips stale or cancelled jobs', async () => {
    const e = (await create(eastOrganiser, eventBody({ title: 'Reminder test', start: '2027-02-01T10:00', end: '2027-02-01T11:00' }))).body;
    const [p1, p2, waiting] = [newUserId(), newUserId(), newUserId()];
    await api(app, `/api/events/${e.id}`, { method: 'PATCH', user: eastOrganiser, body: { capacity: 2 } });
    await book(p1, e.id);
    await book(p2, e.id);
    await book(waiting, e.id);
    const job = scheduler.jobs.get(`event-reminders:${e.id}:86400000`)!;
    const run = allJobHandlers(app.services)['event.reminders'];
    notifier.clear();
    await run({ ...job.payload, offsetMs: 3_600_000 }, { key: job.key, kind: job.kind, dueAt: job.dueAt });
    assert.equal(notifier.sent.length, 0, 'a job whose time does not match the event is stale');
    await run(job.payload, { key: job.key, kind: job.kind, dueAt: job.dueAt });
    assert.deepEqual(notifier.withKey('reminder:').map((n) => n.key).sort(), [`reminder:${e.id}:${p1}:86400000`, `reminder:${e.id}:${p2}:86400000`].sort());
    assert.ok(notifier.sent.every((n) => n.kind === 'reminder'));
    assert.match(notifier.sent[0].message.text, /Reminder: “Reminder test” starts tomorrow/);
    await api(app, `/api/events/${e.id}`, { method: 'DELETE', user: eastOrganiser });
    notifier.clear();
    await run(job.payload, { key: job.key, kind: job.kind, dueAt: job.dueAt });
    assert.equal(notifier.withKey('reminder:').length, 0, 'cancelled: nothing sent');
  });

  it('creates a weekly series keeping the London time across the clock change', async () => {
    const res = await create(eastOrganiser, eventBody({ title: 'Mindfulness for busy clinicians', category: 'other', start: '2027-03-17T12:30', end: '2027-03-17T13:15', capacity: 16, repeat: 'weekly', repeatCount: 8 }));
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const series = res.body.series as { start: string; seriesId: string }[];
    assert.equal(series.length, 8);
    assert.deepEqual(series.slice(0, 3).map((s) => s.start), ['2027-03-17T12:30:00+00:00', '2027-03-24T12:30:00+00:00', '2027-03-31T12:30:00+01:00']);
    assert.equal(new Set(series.map((s) => s.seriesId)).size, 1);
    assert.equal((await create(eastOrganiser, eventBody({ repeat: 'daily', repeatCount: 3 }))).status, 400);
    assert.equal((await create(eastOrganiser, eventBody({ repeat: 'weekly', repeatCount: 99 }))).status, 400);
  });
});

function pick(body: { status: string; position?: number }) {
  return body.position === undefined ? { status: body.status } : { status: body.status, position: body.position };
}
