// Attendance that records itself: ATTENDANCE_AFTER after an online event ends (and again a day later)
// the durable job reads the Teams meeting's attendance reports from the fake Graph and fills the
// roster — several reports summed (someone who left and came back), a 50 % attendee not counted, a
// walk-in recorded and credited, a guest matched by the email they booked with, an organiser's own
// mark standing, the second read changing nothing an organiser set — and the CPD record follows.
// Two instances on one storage read each report once.
import { strict as assert } from 'node:assert';
import { startTestApp, api, type TestApp } from '../helpers/testApp.js';
import { FakeEntra } from '../helpers/fakeEntra.js';
import { FakeGraph } from '../helpers/fakeGraph.js';
import { TestClock, eventBody } from '../helpers/events.js';
import { eventually } from '../helpers/notifications.js';
import { noticeRecorder } from '../helpers/notices.js';
import { newUserId, uniquePrefix } from '../helpers/ids.js';
import { TEST_TENANT } from '../helpers/botClient.js';
import { attendanceKey } from '../../src/services/events/keys.js';
import { browserPerTest } from '../helpers/browser.js';
import { THEMES, VIEWPORTS, axeProblems, describeProblems } from '../helpers/axeCheck.js';

const FAST = { pollIdleMs: 100, schedulerTickMs: 100, jobRetryBaseMs: 200, jobLeaseMs: 1500, leaseTtlMs: 1500, heartbeatMs: 300, jobVisibilitySeconds: 2 };
const OTHER_TENANT = 'a0a0a0a0-1111-4222-8333-000000000bad';
const START = new Date('2027-02-10T13:00:00Z');
const END = new Date('2027-02-10T15:00:00Z'); // two hours: 75 % is 90 minutes
const min = (n: number) => n * 60;

describe('attendance from Teams', function () {
  this.timeout(90_000);
  let entra: FakeEntra;
  let graph: FakeGraph;

  const env = (admins: string) => ({
    GRAPH_MODE: 'app',
    GRAPH_BASE_URL: graph.url,
    GRAPH_CLIENT_ID: '11111111-2222-4333-8444-555555555555',
    GRAPH_CLIENT_SECRET: 'graph-secret',
    GRAPH_TENANT_ID: TEST_TENANT,
    AZURE_AUTHORITY_HOST: entra.url,
    HOME_TENANT_ID: TEST_TENANT,
    ADMIN_AAD_OBJECT_IDS: admins,
  });

  before(async () => {
    entra = await FakeEntra.start();
    graph = await FakeGraph.start();
  });
  after(async () => {
    assert.deepEqual(graph?.problems ?? [], []);
    await entra?.close();
    await graph?.close();
  });

  describe('one instance', () => {
    let app: TestApp;
    const clock = new TestClock(new Date('2027-02-01T09:00:00Z'));
    const coordinator = newUserId();
    const organiser = newUserId();
    const people = {
      ann: newUserId(), // the whole session
      ben: newUserId(), // left and came back: 50 + 45 minutes over two reports
      cat: newUserId(), // half the session
      dan: newUserId(), // booked, never came
      orla: newUserId(), // the organiser marked her absent before the report was read
      wally: newUserId(), // came without booking
      gail: newUserId(), // a guest from another organisation, booked with her email
      stan: newUserId(), // in the meeting, never met by the app
    };
    let eventId = '';
    let joinUrl = '';

    const book = async (id: string, name: string, extra: { email?: string; tenant?: string } = {}) => {
      const res = await api(app, `/api/events/${eventId}/registrations`, { method: 'POST', user: id, name, ...extra });
      assert.equal(res.status, 201, res.text);
    };
    const roster = async (as = organiser) => (await api(app, `/api/events/${eventId}/registrations`, { user: as })).body;
    const line = (r: { items: any[] }, id: string) => r.items.find((x) => x.userId === id);

    before(async () => {
      app = await startTestApp(env(`${coordinator}:east-kent`), { clock, background: FAST, notifier: noticeRecorder().option });
      await api(app, `/api/users/${organiser}/roles`, { method: 'PUT', user: coordinator, name: 'Cora Coordinator', body: { roles: ['organiser'], hubs: ['east-kent'] } });
      const res = await api(app, '/api/events', {
        method: 'POST',
        user: organiser,
        name: 'Olu Organiser',
        body: eventBody({ title: 'COPD update', location: '', teamsMeeting: true, start: '2027-02-10T13:00', end: '2027-02-10T15:00', capacity: 10 }),
      });
      assert.equal(res.status, 201, res.text);
      eventId = res.body.id;
      joinUrl = res.body.meeting.joinUrl;
      assert.ok(joinUrl);
      // A profile for Ann, so her roster line shows her work details.
      await api(app, '/api/me', { user: people.ann, name: 'Ann Allen', email: 'ann.allen@nhs.example' });
      await api(app, '/api/me/profile', { method: 'PUT', user: people.ann, body: { profession: 'practice-nurse', hub: 'east-kent', pcn: 'Canterbury PCN', organisation: 'Canterbury Medical Practice' } });
      await book(people.ann, 'Ann Allen', { email: 'ann.allen@nhs.example' });
      await book(people.ben, 'Ben Brown');
      await book(people.cat, 'Cat Cole');
      await book(people.dan, 'Dan Dale');
      await book(people.orla, 'Orla Ode');
      await book(people.gail, 'Gail Guest', { tenant: OTHER_TENANT, email: 'gail@partner.example' });
      // Wally has used the app (it knows him) but did not book.
      await api(app, '/api/me', { user: people.wally, name: 'Wally Walker' });
    });
    after(async () => app?.close());

    it('schedules the two reads when the online event is made', async () => {
      const first = await app.background.jobStore.get(attendanceKey(eventId, 1));
      const second = await app.background.jobStore.get(attendanceKey(eventId, 2));
      assert.equal(first?.dueAt.toISOString(), new Date(END.getTime() + 15 * 60_000).toISOString());
      assert.equal(second?.dueAt.toISOString(), new Date(END.getTime() + 15 * 60_000 + 86_400_000).toISOString());
    });

    it('reads the reports after the event and fills the roster: minutes, attended, source, walk-ins, the guest by email', async () => {
      // During the session the organiser marks Orla absent by hand.
      clock.set('2027-02-10T14:00:00Z');
      const marked = await api(app, `/api/events/${eventId}/attendance`, { method: 'PUT', user: organiser, body: { attended: [], absent: [people.orla] } });
      assert.equal(marked.status, 200, marked.text);

      graph.addAttendanceReport(joinUrl, {
        start: START,
        end: new Date(START.getTime() + 70 * 60_000),
        records: [
          { id: people.ann, displayName: 'Ann Allen', email: 'ann.allen@nhs.example', seconds: min(70) },
          { id: people.ben, displayName: 'Ben Brown', seconds: min(50) },
          { id: people.cat, displayName: 'Cat Cole', seconds: min(60) },
          { id: people.orla, displayName: 'Orla Ode', seconds: min(70) },
          { id: people.wally, displayName: 'Wally Walker', seconds: min(70) },
          // A guest: Teams cannot name her by her home tenant's id; her email is what she booked with.
          { id: '', displayName: 'Gail Guest (External)', email: 'GAIL@partner.example', tenantId: OTHER_TENANT, seconds: min(65) },
          { id: people.stan, displayName: 'Stan Stranger', seconds: min(70) },
        ],
      });
      // The meeting was restarted: a second report.
      graph.addAttendanceReport(joinUrl, {
        start: new Date(START.getTime() + 75 * 60_000),
        end: END,
        records: [
          { id: people.ann, email: 'ann.allen@nhs.example', seconds: min(45) },
          { id: people.ben, seconds: min(45) },
          { id: people.orla, seconds: min(45) },
          { id: people.wally, seconds: min(45) },
          { id: '', email: 'gail@partner.example', tenantId: OTHER_TENANT, seconds: min(45) },
        ],
      });
      graph.pageSize = 2; // several pages of records

      clock.set(new Date(END.getTime() + 16 * 60_000).toISOString());
      const r = await eventually(() => roster(), (x) => !!x.teamsAttendance?.readAt, 20_000, 'attendance read');
      assert.equal(graph.callsTo(/\/attendanceReports$/, 'GET').length, 1, 'one read');
      const expect = (id: string, attended: boolean | null, minutes: number | null, source: string | null, status = 'booked') => {
        const l = line(r, id);
        assert.ok(l, `line for ${id}`);
        assert.deepEqual([l.status, l.attended, l.attendedMinutes, l.attendanceSource], [status, attended, minutes, source], `${l.name}`);
      };
      expect(people.ann, true, 115, 'teams');
      expect(people.ben, true, 95, 'teams'); // 50 + 45 ≥ 90
      expect(people.cat, false, 60, 'teams'); // 50 % < 75 %
      expect(people.dan, false, 0, 'teams'); // not in the report
      expect(people.orla, false, 115, 'organiser'); // her organiser's mark stands; the minutes are kept
      expect(people.gail, true, 110, 'teams');
      expect(people.wally, true, 115, 'teams', 'walk-in');
      assert.equal(line(r, people.stan), undefined, 'someone the app never met is not recorded');
      assert.equal(line(r, people.wally).name, 'Wally Walker');
      assert.equal(r.booked, 6, 'a walk-in takes no place');

      // Organisers see work details; a guest's only coordinators.
      const ann = line(r, people.ann);
      assert.deepEqual([ann.email, ann.profession, ann.pcn, ann.organisation], ['ann.allen@nhs.example', 'practice-nurse', 'Canterbury PCN', 'Canterbury Medical Practice']);
      assert.equal(line(r, people.gail).email, undefined, 'a guest’s details are not shown to an organiser');
      const asCoordinator = await roster(coordinator);
      assert.equal(line(asCoordinator, people.gail).email, 'gail@partner.example');

      // CSV too.
      const csv = (await api(app, `/api/events/${eventId}/registrations?format=csv`, { user: organiser })).text;
      assert.match(csv, /Minutes in Teams,Attendance from,Email,Profession,PCN,Organisation/);
      assert.match(csv, /Wally Walker,walk-in,,.*,yes,115,teams/);
      assert.match(csv, /Ann Allen,booked,.*,yes,115,teams,ann\.allen@nhs\.example,Practice nurse,Canterbury PCN,Canterbury Medical Practice/);
    });

    it('CPD follows without anyone ticking a box: attendees and the walk-in have it, the 50 % attendee and the absent do not', async () => {
      const cpd = async (id: string) => (await api(app, '/api/me/cpd', { user: id })).body.entries.map((i: { eventId: string }) => i.eventId);
      for (const id of [people.ann, people.ben, people.wally, people.gail]) assert.deepEqual(await cpd(id), [eventId], `CPD for ${id}`);
      for (const id of [people.cat, people.dan, people.orla]) assert.deepEqual(await cpd(id), [], `no CPD for ${id}`);
      const mine = (await api(app, '/api/me/registrations?past=true', { user: people.wally })).body.items[0];
      assert.deepEqual([mine.myStatus, mine.attended, mine.walkIn], ['none', true, true]);
    });

    it('an organiser’s change stands, and the second read a day later changes nothing an organiser set', async () => {
      // The organiser corrects two lines: Ben was not really there; Cat was.
      const res = await api(app, `/api/events/${eventId}/attendance`, { method: 'PUT', user: organiser, body: { attended: [people.cat], absent: [people.ben] } });
      assert.equal(res.status, 200);
      const reads = graph.callsTo(/\/attendanceReports$/, 'GET').length;
      clock.set(new Date(END.getTime() + 15 * 60_000 + 86_400_000 + 60_000).toISOString());
      const r = await eventually(
        async () => ({ roster: await roster(), reads: graph.callsTo(/\/attendanceReports$/, 'GET').length }),
        (x) => x.reads === reads + 1 && !!x.roster.teamsAttendance?.readAt && Date.parse(x.roster.teamsAttendance.readAt) > END.getTime() + 86_400_000,
        20_000,
        'second read',
      );
      const pick = (id: string) => {
        const l = line(r.roster, id);
        return [l.attended, l.attendedMinutes, l.attendanceSource];
      };
      assert.deepEqual(pick(people.ben), [false, 95, 'organiser']);
      assert.deepEqual(pick(people.cat), [true, 60, 'organiser']);
      assert.deepEqual(pick(people.orla), [false, 115, 'organiser']);
      assert.deepEqual(pick(people.ann), [true, 115, 'teams']);
      assert.deepEqual(pick(people.wally), [true, 115, 'teams']);
      assert.equal(r.roster.items.filter((x: { status: string }) => x.status === 'walk-in').length, 1, 'the walk-in is not recorded twice');
      assert.equal(await app.background.jobStore.get(attendanceKey(eventId, 2)), null);
    });

    it('the roster card in chat shows minutes and who set them, and an organiser can save it', async () => {
      const r = await roster();
      const { rosterCard } = await import('../../src/cards/events/organiser.js');
      const card = JSON.stringify(rosterCard(r, { started: true }));
      assert.match(card, /Wally Walker \(without a booking\) · 115 min in Teams/);
      assert.match(card, /Ben Brown · 95 min in Teams · marked by an organiser/);
    });

    describe('in the tab (Chromium)', () => {
      const tab = browserPerTest();
      const as = (user: string, name: string, path: string) => `${app.url}${path}?devUser=${user}&devName=${encodeURIComponent(name)}`;

      it('the roster page shows minutes, who marked them and the walk-in; saving sends only what the organiser changed', async () => {
        await tab.page.goto(as(organiser, 'Olu Organiser', `/tab/calendar/event/${eventId}/roster`));
        await tab.page.getByRole('heading', { name: 'Roster: COPD update' }).waitFor();
        await tab.page.getByText(/Attendance was read from the Teams meeting at/).waitFor();
        const row = (name: string) => tab.page.getByRole('row').filter({ hasText: name });
        assert.match(await row('Ann Allen').innerText(), /ann\.allen@nhs\.example · Practice nurse · Canterbury PCN[\s\S]*115 min in Teams · from Teams/);
        assert.match(await row('Ben Brown').innerText(), /95 min in Teams · marked by an organiser/);
        await tab.page.getByRole('table', { name: 'In the Teams meeting without a booking' }).getByText('Wally Walker').waitFor();
        assert.equal(await tab.page.getByRole('checkbox', { name: 'Wally Walker attended' }).isChecked(), true);
        assert.equal(await tab.page.getByRole('checkbox', { name: 'Dan Dale attended' }).isChecked(), false);
        // The page with Teams' attendance passes axe in each theme, on a desktop and a phone.
        for (const theme of THEMES) {
          await tab.page.goto(`${as(organiser, 'Olu Organiser', `/tab/calendar/event/${eventId}/roster`)}&theme=${theme}`);
          await tab.page.getByRole('table', { name: 'In the Teams meeting without a booking' }).waitFor();
          for (const [size, viewport] of Object.entries(VIEWPORTS)) {
            await tab.page.setViewportSize(viewport);
            const problems = await axeProblems(tab.page, { include: 'main' });
            assert.deepEqual(problems, [], `${theme}, ${size}:\n${describeProblems(problems)}`);
          }
        }
        await tab.page.setViewportSize(VIEWPORTS.desktop);

        await tab.page.getByRole('checkbox', { name: 'Ann Allen attended' }).uncheck();
        await tab.page.getByRole('button', { name: 'Save attendance' }).click();
        await tab.page.getByText(/Attendance saved: \d+ attended\./).waitFor();
        const r = await roster();
        const pick = (id: string) => {
          const l = line(r, id);
          return [l.attended, l.attendedMinutes, l.attendanceSource];
        };
        assert.deepEqual(pick(people.ann), [false, 115, 'organiser'], 'her change is the organiser’s');
        // What the organiser left alone stays as Teams said it.
        assert.deepEqual(pick(people.wally), [true, 115, 'teams']);
        assert.deepEqual(pick(people.dan), [false, 0, 'teams']);
        assert.deepEqual(pick(people.gail), [true, 110, 'teams']);
      });

      it('the event form makes a Teams meeting; its page gives the organiser the join link', async () => {
        await tab.page.goto(as(organiser, 'Olu Organiser', '/tab/calendar/new'));
        await tab.page.getByLabel('Title').fill('Asthma reviews online');
        await tab.page.getByLabel('Date').fill('2027-03-03');
        await tab.page.getByLabel('Starts (UK time)').fill('13:00');
        await tab.page.getByLabel('Ends (UK time)').fill('14:00');
        await tab.page.getByRole('checkbox', { name: /Make it a Teams meeting/ }).check();
        await tab.page.getByLabel(/Online meeting link \(filled in by the Teams meeting\)/).waitFor();
        await tab.page.getByRole('button', { name: 'Create event' }).click();
        await tab.page.getByRole('heading', { level: 1, name: 'Asthma reviews online' }).waitFor();
        const id = decodeURIComponent(new URL(tab.page.url()).pathname.split('/').pop()!);
        const made = (await api(app, `/api/events/${id}`, { user: organiser })).body;
        assert.equal(made.teamsMeeting, true);
        assert.equal(made.meeting.status, 'created');
        assert.equal(made.onlineMeetingUrl, made.meeting.joinUrl);
        const link = tab.page.getByRole('link', { name: 'Join the Teams meeting' });
        await tab.page.reload();
        await link.waitFor();
        assert.equal(await link.getAttribute('href'), made.meeting.joinUrl);
      });
    });
  });

  describe('Graph says no to the report', () => {
    it('403 on the report: the roster says what the admin must grant; a 429 is retried by the job', async () => {
      const clock = new TestClock(new Date('2027-02-01T09:00:00Z'));
      const organiser = newUserId();
      const app = await startTestApp(env(`${organiser}:east-kent`), { clock, background: FAST, notifier: noticeRecorder().option });
      try {
        const made = async (title: string) => (await api(app, '/api/events', { method: 'POST', user: organiser, body: eventBody({ title, location: '', teamsMeeting: true, start: '2027-02-10T13:00', end: '2027-02-10T15:00' }) })).body;
        const denied = await made('Denied report');
        const busy = await made('Busy report');
        graph.addAttendanceReport(busy.meeting.joinUrl, { start: START, end: END, records: [] });
        const busyMeeting = [...graph.meetings.values()].find((m) => m.joinWebUrl === busy.meeting.joinUrl)!.id;
        const deniedMeeting = [...graph.meetings.values()].find((m) => m.joinWebUrl === denied.meeting.joinUrl)!.id;
        graph.fail({ status: 403, times: Infinity, match: (r) => r.path.includes(`/onlineMeetings/${deniedMeeting}/`) });
        graph.fail({ status: 429, retryAfter: 0, match: (r) => r.path.includes(`/onlineMeetings/${busyMeeting}/`) });
        clock.set(new Date(END.getTime() + 16 * 60_000).toISOString());
        const r = await eventually(async () => (await api(app, `/api/events/${denied.id}/registrations`, { user: organiser })).body, (x) => !!x.teamsAttendance?.message, 20_000, 'told');
        assert.match(r.teamsAttendance.message, /OnlineMeetingArtifact\.Read\.All/);
        assert.match(r.teamsAttendance.message, /application access policy/);
        // The throttled read comes back through the job worker's retry, once its time comes.
        await eventually(async () => graph.callsTo(new RegExp(`/onlineMeetings/${busyMeeting}/attendanceReports$`), 'GET').length, (n) => n === 1, 20_000, 'throttled once');
        clock.set(new Date(END.getTime() + 30 * 60_000).toISOString());
        const b = await eventually(async () => (await api(app, `/api/events/${busy.id}/registrations`, { user: organiser })).body, (x) => !!x.teamsAttendance?.readAt, 20_000, 'retried');
        assert.equal(b.teamsAttendance.message, undefined);
      } finally {
        graph.accessPolicyGranted = true;
        graph.clearFaults();
        await app.close();
      }
    });
  });

  describe('two instances', () => {
    it('read the report once between them', async () => {
      const clock = new TestClock(new Date('2027-02-01T09:00:00Z'));
      const organiser = newUserId();
      const attendee = newUserId();
      const prefix = uniquePrefix();
      const one = await startTestApp({ ...env(`${organiser}:east-kent`), STORAGE_PREFIX: prefix }, { clock, background: FAST, notifier: noticeRecorder().option });
      const two = await startTestApp({ ...env(`${organiser}:east-kent`), STORAGE_PREFIX: prefix }, { clock, background: FAST, notifier: noticeRecorder().option });
      try {
        const e = (await api(one, '/api/events', { method: 'POST', user: organiser, body: eventBody({ title: 'Twice?', location: '', teamsMeeting: true, start: '2027-02-10T13:00', end: '2027-02-10T15:00' }) })).body;
        await api(two, `/api/events/${e.id}/registrations`, { method: 'POST', user: attendee, name: 'Tess Twin' });
        graph.addAttendanceReport(e.meeting.joinUrl, { start: START, end: END, records: [{ id: attendee, seconds: min(120) }] });
        const meetingId = [...graph.meetings.values()].find((m) => m.joinWebUrl === e.meeting.joinUrl)!.id;
        const reads = () => graph.callsTo(new RegExp(`/onlineMeetings/${meetingId}/attendanceReports$`), 'GET').length;
        clock.set(new Date(END.getTime() + 16 * 60_000).toISOString());
        await eventually(async () => (await api(two, `/api/events/${e.id}/registrations`, { user: organiser })).body.items[0]?.attended, (x) => x === true, 20_000, 'attended');
        await new Promise((r) => setTimeout(r, 1500));
        assert.equal(reads(), 1, 'one read between two instances');
      } finally {
        await one.close();
        await two.close();
      }
    });
  });
});
