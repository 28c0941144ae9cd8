// Hub insights over the API, against a small hub counted by hand: events (a cancelled one and
// another hub's left out, one still to come), bookings and a waitlist, attendance and feedback,
// attendees' professions, channel joins either side of the period, facilitation requests. Only
// that hub's coordinators may look; the CSV carries the same figures.
import { strict as assert } from 'node:assert';
import { startTestApp, api, type TestApp } from '../helpers/testApp.js';
import { newUserId } from '../helpers/ids.js';
import { RecordingNotifier } from '../helpers/recordingNotifier.js';
import { RecordingScheduler, TestClock, eventBody } from '../helpers/events.js';
import { parseCsv } from '../../src/domain/events/csv.js';
import type { FacilitationRequest } from '../../src/domain/facilitation/request.js';
import type { Hub } from '../../src/domain/people/hubs.js';

describe('hub insights', function () {
  this.timeout(60_000);
  let app: TestApp;
  const clock = new TestClock(new Date('2026-12-20T10:00:00Z'));
  const admin = newUserId();
  const eastCoordinator = newUserId();
  const westCoordinator = newUserId();
  const organiser = newUserId();
  const people = { nurse1: newUserId(), nurse2: newUserId(), para1: newUserId(), pharm1: newUserId(), late: newUserId() };
  const period = 'from=2027-01-01&to=2027-03-31';

  before(async () => {
    app = await startTestApp({ ADMIN_AAD_OBJECT_IDS: admin }, { notifier: () => new RecordingNotifier(), scheduler: () => new RecordingScheduler(), clock });
    const s = app.services;
    await s.roles.set(eastCoordinator, [{ role: 'coordinator', hubs: ['east-kent'] }]);
    await s.roles.set(westCoordinator, [{ role: 'coordinator', hubs: ['west-kent'] }]);
    await s.roles.set(organiser, [{ role: 'organiser', hubs: ['east-kent', 'west-kent'] }]);
    const professions: Record<string, string> = { nurse1: 'practice-nurse', nurse2: 'practice-nurse', para1: 'paramedic', pharm1: 'clinical-pharmacist', late: 'hca' };
    for (const [key, id] of Object.entries(people)) assert.equal((await api(app, '/api/me/profile', { method: 'PUT', user: id, name: key, body: { profession: professions[key], hub: 'east-kent', pcn: 'Ashford PCN', organisation: 'Ashford Practice' } })).status, 200);
    const channel = (id: string, hub: Hub) => s.channels.create({ id, name: id, shortName: id, purpose: 'p', guidelines: '', hub, professions: [], leadIds: [], memberCount: 0, approvalRequired: false, channelType: 'standard' });
    await channel('east-cop', 'east-kent');
    await channel('kent-wide', 'kent-medway');
    await channel('west-only', 'west-kent');
    const join = async (channelId: string, user: string) => assert.equal((await api(app, `/api/channels/${channelId}/members`, { method: 'POST', user, name: 'x' })).status, 201);
    await join('east-cop', people.pharm1); // before the period
    clock.set('2027-01-15T10:00:00Z');
    await join('east-cop', people.nurse1);
    await join('east-cop', people.nurse2);
    await join('kent-wide', people.para1);
    await join('west-only', people.nurse1);

    const create = async (body: Record<string, unknown>) => {
      const res = await api(app, '/api/events', { method: 'POST', user: organiser, name: 'Olu Organiser', body: eventBody(body) });
      assert.equal(res.status, 201, res.text);
      return res.body.id as string;
    };
    const book = async (id: string, ...who: string[]) => {
      for (const u of who) assert.equal((await api(app, `/api/events/${id}/registrations`, { method: 'POST', user: u, name: 'x' })).status, 201);
    };
    // E1: 3 places, 2 hours; three booked and one waiting.
    const e1 = await create({ title: 'Event E1', capacity: 3, start: '2027-02-01T10:00', end: '2027-02-01T12:00' });
    await book(e1, people.nurse1, people.para1, people.pharm1, people.nurse2);
    // E2: unlimited, 1 hour; two booked.
    const e2 = await create({ title: 'Event E2', capacity: null, start: '2027-02-02T10:00', end: '2027-02-02T11:00' });
    await book(e2, people.nurse1, people.nurse2);
    // E3: cancelled; E4: West Kent's; E5: after the period; E6: in the period but still to come.
    const e3 = await create({ title: 'Event E3', capacity: 50 });
    await book(e3, people.late);
    assert.equal((await api(app, `/api/events/${e3}`, { method: 'DELETE', user: organiser })).status, 200);
    const e4 = await create({ title: 'Event E4', hub: 'west-kent', capacity: 8, start: '2027-02-03T10:00', end: '2027-02-03T11:00' });
    await book(e4, people.late);
    await create({ title: 'Event E5', capacity: 100, start: '2027-04-02T10:00', end: '2027-04-02T11:00' });
    const e6 = await create({ title: 'Event E6', capacity: 10, start: '2027-03-20T10:00', end: '2027-03-20T11:00' });
    await book(e6, people.late);

    clock.set('2027-02-20T10:00:00Z');
    assert.equal((await api(app, `/api/events/${e1}/attendance`, { method: 'PUT', user: organiser, body: { attended: [people.nurse1, people.para1] } })).status, 200);
    assert.equal((await api(app, `/api/events/${e2}/attendance`, { method: 'PUT', user: organiser, body: { attended: [people.nurse1, people.nurse2] } })).status, 200);
    assert.equal((await api(app, `/api/events/${e4}/attendance`, { method: 'PUT', user: organiser, body: { attended: [people.late] } })).status, 200);
    const feedback = (id: string, user: string, rating: number) => api(app, `/api/events/${id}/feedback`, { method: 'POST', user, body: { rating } });
    assert.equal((await feedback(e1, people.nurse1, 4)).status, 201);
    assert.equal((await feedback(e2, people.nurse1, 5)).status, 201);
    assert.equal((await feedback(e2, people.nurse2, 3)).status, 201);
    assert.equal((await feedback(e4, people.late, 1)).status, 201);

    // Facilitation requests, as the store keeps them.
    const request = (id: string, hub: Hub, createdAt: string, confirmedAt?: string): FacilitationRequest => ({
      id, channelId: `cop-${id}`, hub, leadId: people.nurse1, start: new Date('2027-05-01T10:00:00Z'), end: new Date('2027-05-01T11:00:00Z'), format: 'observe', topic: 't', notes: '', continuity: false,
      status: confirmedAt ? 'confirmed' : 'matching', facilitatorId: confirmedAt ? people.para1 : undefined, offers: [], candidates: [], excluded: [], noMatchReasons: [], escalations: 0, sequence: 0, calendarTokens: [],
      createdAt: new Date(createdAt), updatedAt: new Date(createdAt), ...(confirmedAt ? { confirmedAt: new Date(confirmedAt) } : {}),
    });
    for (const r of [
      request('r1', 'east-kent', '2027-01-10T09:00:00Z', '2027-01-10T14:00:00Z'), // 5 h
      request('r2', 'east-kent', '2027-02-10T09:00:00Z'),
      request('r3', 'west-kent', '2027-02-10T09:00:00Z', '2027-02-10T10:00:00Z'),
      request('r4', 'east-kent', '2026-12-10T09:00:00Z', '2026-12-11T09:00:00Z'),
    ]) {
      r.start = new Date(r.createdAt.getTime() + 86_400_000 * 30);
      r.end = new Date(r.start.getTime() + 3_600_000);
      assert.equal(await s.facilitationStore.create(r), 'created');
    }
  });
  after(async () => {
    await app?.close();
  });

  const EAST = {
    events: 3, // E1, E2, E6
    placesOffered: 13, // 3 + 10 (E2 unlimited)
    booked: 6, // 3 + 2 + 1
    fillRate: 0.3077, // (3 + 1) / 13
    waitlisted: 1,
    attended: 4, // 2 + 2
    noShowRate: 0.2, // E1: 1 of 3, E2: 0 of 2
    feedbackReturnRate: 0.75, // 3 of 4
    ratingMean: 4, // 4, 5, 3
    cpdHoursByProfession: { paramedic: 2, 'practice-nurse': 4 }, // E1 (2 h): nurse1, para1; E2 (1 h): nurse1, nurse2
    channels: [
      { id: 'east-cop', name: 'east-cop', members: 3, joinedInPeriod: 2 },
      { id: 'kent-wide', name: 'kent-wide', members: 1, joinedInPeriod: 1 },
    ],
    facilitation: { requests: 2, confirmed: 1, medianHoursToConfirm: 5 },
  };

  it('answers exactly the contract’s figures for a hub, counted by hand', async () => {
    const res = await api(app, `/api/hubs/east-kent/insights?${period}`, { user: eastCoordinator });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.body, EAST);
  });

  it('lets only that hub’s coordinators look (and coordinators of every hub)', async () => {
    for (const who of [westCoordinator, organiser, people.nurse1]) {
      const res = await api(app, `/api/hubs/east-kent/insights?${period}`, { user: who });
      assert.equal(res.status, 403, res.text);
    }
    assert.deepEqual((await api(app, `/api/hubs/east-kent/insights?${period}`, { user: admin })).body, EAST);
    const all = (await api(app, `/api/hubs/kent-medway/insights?${period}`, { user: admin })).body;
    assert.deepEqual([all.events, all.attended, all.feedbackReturnRate, all.facilitation.requests, all.channels.length], [4, 5, 0.8, 3, 3]);
    assert.equal((await api(app, `/api/hubs/kent-medway/insights?${period}`, { user: eastCoordinator })).status, 403);
    assert.equal((await api(app, '/api/hubs/mars/insights', { user: admin })).status, 404);
  });

  it('reads the period as London days, refuses a bad one, and defaults to the last 90 days', async () => {
    assert.equal((await api(app, '/api/hubs/east-kent/insights?from=2027-02-02&to=2027-02-01', { user: eastCoordinator })).status, 400);
    assert.equal((await api(app, '/api/hubs/east-kent/insights?from=yesterday', { user: eastCoordinator })).status, 400);
    assert.equal((await api(app, '/api/hubs/east-kent/insights?from=2020-01-01&to=2027-01-01', { user: eastCoordinator })).status, 400);
    const oneDay = (await api(app, '/api/hubs/east-kent/insights?from=2027-02-01&to=2027-02-01', { user: eastCoordinator })).body;
    assert.deepEqual([oneDay.events, oneDay.booked], [1, 3]);
    const recent = (await api(app, '/api/hubs/east-kent/insights', { user: eastCoordinator })).body; // 22 Nov 2026 – 20 Feb 2027
    assert.deepEqual([recent.events, recent.facilitation.requests], [2, 3]);
  });

  it('writes the same figures as CSV', async () => {
    const res = await api(app, `/api/hubs/east-kent/insights?${period}&format=csv`, { user: eastCoordinator });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /text\/csv/);
    const rows = parseCsv(res.text.replace(/^\uFEFF/, '')).rows.map((r) => r.cells);
    const value = (label: string) => rows.find((r) => r[0] === label)?.slice(1);
    assert.deepEqual(value('Events held'), ['3']);
    assert.deepEqual(value('Fill rate'), ['0.3077', '30.8%']);
    assert.deepEqual(value('No-show rate'), ['0.2', '20%']);
    assert.deepEqual(value('Feedback return rate'), ['0.75', '75%']);
    assert.deepEqual(value('Practice nurse'), ['4']);
    assert.deepEqual(value('east-cop'), ['3', '2']);
    assert.deepEqual(value('Median hours to confirm'), ['5']);
    assert.equal((await api(app, `/api/hubs/east-kent/insights?${period}&format=csv`, { user: westCoordinator })).status, 403);
  });
});
