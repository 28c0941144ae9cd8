// Online events as Teams meetings, against Azurite, the fake Microsoft Graph and the fake Entra:
// created app-only in the organiser's mailbox (or on their behalf from the tab's SSO token, the
// on-behalf-of grant), kept in step when the title or time changes, removed when the event is
// cancelled; Graph's refusals (403, 404) and troubles (429, 500, no answer in time) leave the PLT
// event created with the meeting pending or failed in words, and the durable job recovers what
// retrying can fix — once, with the same Graph transaction, up to a bound.
import { strict as assert } from 'node:assert';
import { startTestApp, api, type TestApp } from '../helpers/testApp.js';
import { FakeEntra, OBO_GRANT } from '../helpers/fakeEntra.js';
import { FakeGraph, delegatedUser } from '../helpers/fakeGraph.js';
import { TestClock, eventBody } from '../helpers/events.js';
import { eventually } from '../helpers/notifications.js';
import { noticeRecorder } from '../helpers/notices.js';
import { newUserId } from '../helpers/ids.js';
import { BotClient, TEST_TENANT, cardText, type TestPerson } from '../helpers/botClient.js';
import { FakeConnector } from '../helpers/fakeConnector.js';
import { meetingKey } from '../../src/services/events/keys.js';
import { MAX_MEETING_TRIES } from '../../src/domain/events/meeting.js';

const FAST = { pollIdleMs: 100, schedulerTickMs: 100, jobRetryBaseMs: 200, jobLeaseMs: 1500, leaseTtlMs: 1500, heartbeatMs: 300, jobVisibilitySeconds: 2 };
const GRAPH_APP = '11111111-2222-4333-8444-555555555555';
const TAB_APP = '99999999-2222-4333-8444-555555555555';

const online = (overrides: Record<string, unknown> = {}) => eventBody({ location: '', teamsMeeting: true, ...overrides });

describe('Teams meetings for online events', function () {
  this.timeout(90_000);
  let entra: FakeEntra;
  let graph: FakeGraph;
  let app: TestApp;
  const clock = new TestClock(new Date('2027-01-20T09:00:00Z'));
  const organiser = newUserId();
  const attendee = newUserId();
  const recorder = noticeRecorder();

  const graphEnv = () => ({
    GRAPH_MODE: 'app',
    GRAPH_BASE_URL: graph.url,
    GRAPH_CLIENT_ID: GRAPH_APP,
    GRAPH_CLIENT_SECRET: 'graph-secret',
    GRAPH_TENANT_ID: TEST_TENANT,
    AZURE_AUTHORITY_HOST: entra.url,
    HOME_TENANT_ID: TEST_TENANT,
    ADMIN_AAD_OBJECT_IDS: `${organiser}:east-kent`,
  });

  before(async () => {
    entra = await FakeEntra.start();
    graph = await FakeGraph.start();
    app = await startTestApp(graphEnv(), { clock, background: FAST, graph: { timeoutMs: 800 }, notifier: recorder.option });
  });
  after(async () => {
    assert.deepEqual(graph?.problems ?? [], [], 'every Graph request body was one Graph accepts');
    await app?.close();
    await entra?.close();
    await graph?.close();
  });
  afterEach(() => graph.clearFaults());

  const create = (body: Record<string, unknown>) => api(app, '/api/events', { method: 'POST', user: organiser, name: 'Olu Organiser', body });
  const get = async (id: string) => (await api(app, `/api/events/${id}`, { user: organiser })).body;
  const job = (id: string) => app.background.jobStore.get(meetingKey(id));
  /** The event as GET /api/events lists it (from the read model), for an organiser. */
  const listed_ = async (id: string) => (await api(app, '/api/events?from=2027-01-01T00:00:00Z&to=2027-06-01T00:00:00Z&limit=500', { user: organiser })).body.items.find((x: { id: string }) => x.id === id);

  it('creates the calendar event with a Teams meeting in the organiser’s mailbox, app-only, and the join URL becomes the event’s link', async () => {
    const res = await create(online({ title: 'Diabetes update (online)' }));
    assert.equal(res.status, 201, res.text);
    const e = res.body;
    assert.equal(e.teamsMeeting, true);
    assert.equal(e.meeting.status, 'created', JSON.stringify(e.meeting));
    assert.match(e.meeting.joinUrl, /^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    assert.equal(e.onlineMeetingUrl, e.meeting.joinUrl);
    assert.equal(e.meeting.message, undefined);
    const listed = await eventually(() => listed_(e.id), (x) => !!x, 10_000, 'listed');
    assert.deepEqual([listed.teamsMeeting, listed.meeting.status, listed.meeting.joinUrl, listed.onlineMeetingUrl], [true, 'created', e.meeting.joinUrl, e.meeting.joinUrl], 'the list shows the meeting too');

    const posts = graph.callsTo(new RegExp(`^/v1\\.0/users/${organiser}/events$`));
    assert.equal(posts.length, 1);
    const body = posts[0].body;
    assert.equal(body.subject, 'Diabetes update (online)');
    assert.equal(body.isOnlineMeeting, true);
    assert.equal(body.onlineMeetingProvider, 'teamsForBusiness');
    assert.equal(body.attendees, undefined, 'no attendees: each booked person has their own invite');
    assert.deepEqual(body.start, { dateTime: '2027-02-10T13:30:00.000', timeZone: 'UTC' });
    assert.deepEqual(body.end, { dateTime: '2027-02-10T16:30:00.000', timeZone: 'UTC' });
    assert.match(body.body.content, new RegExp(`/tab/events/${e.id}`));
    assert.match(posts[0].authorization ?? '', /^Bearer fake-access-token-/, 'app-only token');
    assert.ok(entra.tokenRequests.some((t) => t.grantType === 'client_credentials' && t.clientId === GRAPH_APP));
    assert.equal(graph.callsTo(/\/channels|\/teams\//).length, 0, 'never a channel meeting');
    assert.equal(await job(e.id), null, 'nothing left for the job');
    // The organiser's calendar holds exactly one such event.
    assert.equal(graph.eventsOf(organiser).filter((x) => x.subject === 'Diabetes update (online)').length, 1);
  });

  it('PATCHes the Graph event on a title or time change (booked people hear of it), and DELETEs it when the event is cancelled', async () => {
    const e = (await create(online({ title: 'Frailty in primary care' }))).body;
    const booked = await api(app, `/api/events/${e.id}/registrations`, { method: 'POST', user: attendee, name: 'Amy Attendee' });
    assert.equal(booked.status, 201);
    const graphId = graph.eventsOf(organiser).find((x) => x.subject === 'Frailty in primary care')!.id;

    const changed = await api(app, `/api/events/${e.id}`, { method: 'PATCH', user: organiser, body: { title: 'Frailty and falls in primary care', start: '2027-02-10T14:00', end: '2027-02-10T16:00' } });
    assert.equal(changed.status, 200, changed.text);
    assert.equal(changed.body.meeting.status, 'created');
    const patches = graph.callsTo(new RegExp(`/users/${organiser}/events/${graphId}$`), 'PATCH');
    assert.equal(patches.length, 1);
    assert.equal(patches[0].body.subject, 'Frailty and falls in primary care');
    assert.deepEqual(patches[0].body.start, { dateTime: '2027-02-10T14:00:00.000', timeZone: 'UTC' });
    assert.equal(patches[0].body.isOnlineMeeting, undefined, 'a PATCH carries only what changes');
    assert.equal(graph.events.get(graphId)?.subject, 'Frailty and falls in primary care');
    await eventually(async () => recorder.to(attendee, `event-updated:${e.id}:`).length, (n) => n === 1, 5000, 'attendee told of the change');

    // A change Graph need not hear of (capacity) makes no call.
    await api(app, `/api/events/${e.id}`, { method: 'PATCH', user: organiser, body: { capacity: 40 } });
    assert.equal(graph.callsTo(new RegExp(`/events/${graphId}$`), 'PATCH').length, 1);

    const cancelled = await api(app, `/api/events/${e.id}`, { method: 'DELETE', user: organiser });
    assert.equal(cancelled.status, 200);
    assert.equal(graph.callsTo(new RegExp(`/users/${organiser}/events/${graphId}$`), 'DELETE').length, 1);
    assert.equal(graph.events.has(graphId), false);
    const after = await get(e.id);
    assert.equal(after.status, 'cancelled');
    assert.equal(after.meeting.status, 'none');
    assert.equal(after.onlineMeetingUrl, undefined, 'the removed meeting’s link is gone');
  });

  it('turning "Teams meeting" off removes it; turning it on again makes a new one', async () => {
    const e = (await create(online({ title: 'Wound care webinar', location: 'Online' }))).body;
    const first = graph.eventsOf(organiser).find((x) => x.subject === 'Wound care webinar')!;
    const off = await api(app, `/api/events/${e.id}`, { method: 'PATCH', user: organiser, body: { teamsMeeting: false } });
    assert.equal(off.body.meeting.status, 'none');
    assert.equal(graph.events.has(first.id), false);
    const on = await api(app, `/api/events/${e.id}`, { method: 'PATCH', user: organiser, body: { teamsMeeting: true } });
    assert.equal(on.body.meeting.status, 'created');
    const second = graph.eventsOf(organiser).find((x) => x.subject === 'Wound care webinar')!;
    assert.notEqual(second.id, first.id);
    assert.equal(on.body.onlineMeetingUrl, second.onlineMeeting?.joinUrl);
  });

  it('403: the event is created, the meeting failed with what the admin must grant; no retries', async () => {
    graph.fail({ status: 403, match: (r) => r.method === 'POST' && /\/events$/.test(r.path) });
    const res = await create(online({ title: 'Menopause care (403)' }));
    assert.equal(res.status, 201, 'the PLT event is still created');
    assert.equal(res.body.meeting.status, 'failed');
    assert.match(res.body.meeting.message, /Calendars\.ReadWrite/);
    assert.match(res.body.meeting.message, /application access policy/);
    assert.match(res.body.meeting.message, /paste a meeting link by hand/);
    assert.equal(await job(res.body.id), null, 'nothing a retry can fix');
    // The organiser pastes a link by hand, as before.
    const pasted = await api(app, `/api/events/${res.body.id}`, { method: 'PATCH', user: organiser, body: { onlineMeetingUrl: 'https://teams.microsoft.com/l/meetup-join/own-link' } });
    assert.equal(pasted.status, 200);
    assert.equal(pasted.body.onlineMeetingUrl, 'https://teams.microsoft.com/l/meetup-join/own-link');
    // Once the admin has granted it, asking again (tick and save) makes the meeting.
    const again = await api(app, `/api/events/${res.body.id}`, { method: 'PATCH', user: organiser, body: { teamsMeeting: true } });
    assert.equal(again.body.meeting.status, 'created');
    assert.notEqual(again.body.onlineMeetingUrl, 'https://teams.microsoft.com/l/meetup-join/own-link');
  });

  it('404: failed, saying the organiser needs a mailbox', async () => {
    graph.fail({ status: 404, match: (r) => r.method === 'POST' && /\/events$/.test(r.path) });
    const res = await create(online({ title: 'Sepsis (404)' }));
    assert.equal(res.status, 201);
    assert.equal(res.body.meeting.status, 'failed');
    assert.match(res.body.meeting.message, /Exchange Online mailbox/);
  });

  for (const fault of [
    { name: '429 with Retry-After', fault: { status: 429, retryAfter: 120 }, words: /busy/ },
    { name: '500', fault: { status: 500 }, words: /had a problem \(500\)/ },
    { name: 'a timeout', fault: { delayMs: 1500 }, words: /did not answer in time/ },
  ]) {
    it(`${fault.name}: pending in words, then the job makes it — once`, async () => {
      const title = `Asthma (${fault.name})`;
      graph.fail({ ...fault.fault, match: (r) => r.method === 'POST' && /\/events$/.test(r.path) });
      const res = await create(online({ title }));
      assert.equal(res.status, 201);
      assert.equal(res.body.meeting.status, 'pending', JSON.stringify(res.body.meeting));
      assert.match(res.body.meeting.message, fault.words);
      assert.match(res.body.meeting.message, /tries again at/);
      assert.equal(res.body.onlineMeetingUrl, undefined);
      const pending = await job(res.body.id);
      assert.ok(pending && pending.status === 'scheduled', 'a retry is scheduled');
      const wait = pending.dueAt.getTime() - clock.now().getTime();
      assert.ok(wait >= 60_000 && wait <= (fault.fault.retryAfter ?? 60) * 1000 + 60_000, `backoff of ${wait} ms`);
      // Time passes; the job runs and the meeting exists.
      clock.set(new Date(pending.dueAt.getTime() + 1000).toISOString());
      const done = await eventually(() => get(res.body.id), (e) => e.meeting.status === 'created', 15_000, 'meeting created by the job');
      assert.equal(done.onlineMeetingUrl, done.meeting.joinUrl);
      assert.equal(done.meeting.message, undefined);
      assert.equal(graph.eventsOf(organiser).filter((x) => x.subject === title).length, 1, 'one calendar event, however many tries');
      await eventually(() => job(res.body.id), (j) => j === null, 5000, 'job done');
      // Lists (the index lines' listings) catch up: the meeting and its link, as on the event.
      const listed = await eventually(() => listed_(res.body.id), (x) => x?.meeting.status === 'created', 10_000, 'listed as created');
      assert.equal(listed.onlineMeetingUrl, done.meeting.joinUrl);
    });
  }

  it('gives up after a bound of tries, and says so', async () => {
    graph.fail({ status: 503, times: Infinity, match: (r) => r.method === 'POST' && /\/events$/.test(r.path) });
    const res = await create(online({ title: 'Never made' }));
    assert.equal(res.body.meeting.status, 'pending');
    const posts = () => graph.callsTo(/\/events$/).filter((c) => c.body?.subject === 'Never made').length;
    for (let tryNo = 2; tryNo <= MAX_MEETING_TRIES; tryNo++) {
      const j = await eventually(() => job(res.body.id), (x) => !!x && x.status === 'scheduled', 5000, `retry ${tryNo} scheduled`);
      clock.set(new Date(j!.dueAt.getTime() + 1000).toISOString());
      await eventually(async () => posts(), (n) => n === tryNo, 15_000, `try ${tryNo}`);
    }
    const final = await eventually(() => get(res.body.id), (e) => e.meeting.status === 'failed', 10_000, 'given up');
    assert.match(final.meeting.message, new RegExp(`each of ${MAX_MEETING_TRIES} tries`));
    assert.match(final.meeting.message, /Paste a meeting link by hand/);
    assert.equal(await job(res.body.id), null);
    assert.equal(posts(), MAX_MEETING_TRIES);
  });

  it('an update that Graph cannot take yet keeps the meeting and retries the PATCH', async () => {
    const e = (await create(online({ title: 'Retinopathy' }))).body;
    graph.fail({ status: 429, retryAfter: 1, match: (r) => r.method === 'PATCH' });
    const changed = await api(app, `/api/events/${e.id}`, { method: 'PATCH', user: organiser, body: { title: 'Diabetic retinopathy' } });
    assert.equal(changed.status, 200);
    assert.equal(changed.body.title, 'Diabetic retinopathy', 'the change itself is kept');
    assert.equal(changed.body.meeting.status, 'created');
    assert.match(changed.body.meeting.message, /could not update the Teams meeting/);
    const j = (await job(e.id))!;
    clock.set(new Date(j.dueAt.getTime() + 1000).toISOString());
    const done = await eventually(() => get(e.id), (x) => !x.meeting.message, 15_000, 'patched by the job');
    assert.equal(done.meeting.status, 'created');
    const graphEvent = graph.eventsOf(organiser).find((x) => x.onlineMeeting?.joinUrl === done.meeting.joinUrl);
    assert.equal(graphEvent?.subject, 'Diabetic retinopathy');
  });

  it('a series: the first meeting while the organiser waits, the others by the job; a CSV column asks for it too', async () => {
    const res = await create(online({ title: 'Mindfulness', repeat: 'weekly', repeatCount: 3 }));
    assert.equal(res.status, 201);
    assert.equal(res.body.meeting.status, 'created');
    await eventually(async () => graph.eventsOf(organiser).filter((x) => x.subject === 'Mindfulness').length, (n) => n === 3, 15_000, 'three meetings');

    const csv = ['title,category,hub,date,start,end,location,teams_meeting,capacity', 'Imported online session,plt,east-kent,2027-03-03,13:00,15:00,,yes,30', 'Imported room session,plt,east-kent,2027-03-04,13:00,15:00,Ashford,no,30'].join('\n');
    const bad = await api(app, '/api/events/import', { method: 'POST', user: organiser, body: { csv: csv.replace(',yes,', ',perhaps,'), dryRun: true } });
    assert.equal(bad.body.errors, 1);
    assert.match(bad.body.lines[0].message, /Teams meeting/);
    const imported = await api(app, '/api/events/import', { method: 'POST', user: organiser, body: { csv } });
    assert.equal(imported.status, 201, imported.text);
    assert.equal(imported.body.created, 2);
    const [onlineId, roomId] = imported.body.lines.map((l: { eventId: string }) => l.eventId);
    const made = await eventually(() => get(onlineId), (x) => x.meeting.status === 'created', 15_000, 'imported meeting made by the job');
    assert.equal(made.teamsMeeting, true);
    assert.equal((await get(roomId)).teamsMeeting, false);
    assert.equal((await get(roomId)).meeting.status, 'none');
  });

  it('answers 400 for a "Teams meeting" that is not yes or no, and changes nothing', async () => {
    const before = graph.calls.length;
    const res = await create(online({ title: 'Odd input', teamsMeeting: 'sometimes' }));
    assert.equal(res.status, 400);
    assert.match(res.body.error.message, /Teams meeting/);
    assert.equal(graph.calls.length, before);
  });

  it('a person who may not organise is refused and Graph is not called', async () => {
    const before = graph.calls.length;
    const res = await api(app, '/api/events', { method: 'POST', user: attendee, body: online({ title: 'Not mine' }) });
    assert.equal(res.status, 403);
    assert.equal(graph.calls.length, before);
  });

  it('from the create-event card in chat: the "Teams meeting" toggle makes it, and the organiser is told in words when Graph says no', async () => {
    const connector = await FakeConnector.start();
    try {
      const bot = new BotClient(app.url, connector);
      const olu: TestPerson = { id: organiser, name: 'Olu Organiser' };
      const form = (title: string) => ({ title, description: '', category: 'plt', hub: 'east-kent', professions: '', channelId: '', date: '2027-03-04', startTime: '13:00', endTime: '14:00', location: '', onlineMeetingUrl: '', teamsMeeting: 'true', capacity: '', repeat: 'none' });
      const made = await bot.invoke(olu, 'event.create', form('Chat-made Teams meeting'));
      assert.equal(made.status, 200, JSON.stringify(made.body));
      const joinUrl = [...graph.meetings.values()].at(-1)!.joinWebUrl;
      assert.ok(cardText(made.card).includes(`Join the Teams meeting: ${joinUrl}`), cardText(made.card));

      graph.fail({ status: 403, match: (r) => r.method === 'POST' && /\/events$/.test(r.path) });
      const refused = await bot.invoke(olu, 'event.create', form('Chat-made, refused'));
      assert.equal(refused.status, 200, 'the PLT event is still created');
      assert.match(cardText(refused.card), /No Teams meeting yet\. Microsoft Graph refused[^]*Calendars\.ReadWrite[^]*paste a meeting link by hand/);
    } finally {
      await connector.close();
    }
  });

  describe('from the tab, on the organiser’s behalf (on-behalf-of)', () => {
    let tab: TestApp;
    const me = newUserId();

    before(async () => {
      tab = await startTestApp(
        {
          ...graphEnv(),
          AUTH_MODE: 'entra',
          AAD_APP_CLIENT_ID: TAB_APP,
          AAD_APP_TENANT_ID: TEST_TENANT,
          AAD_APP_CLIENT_SECRET: 'tab-secret',
          AAD_OPENID_METADATA_URL: entra.aadMetadataUrl(TEST_TENANT),
          ADMIN_AAD_OBJECT_IDS: `${me}:east-kent`,
        },
        { clock, background: FAST, graph: { timeoutMs: 2000 }, notifier: recorder.option },
      );
    });
    after(async () => tab?.close());

    const asMe = async (path: string, init: { method?: string; body?: unknown } = {}) => {
      const token = await entra.accessToken({ tenant: TEST_TENANT, oid: me, audience: `api://127.0.0.1/${TAB_APP}`, name: 'Tara Tab', extra: { preferred_username: 'tara.tab@nhs.example' } });
      return api(tab, path, { ...init, headers: { authorization: `Bearer ${token}` } });
    };

    it('creates the meeting with POST /me/events on a token traded for the SSO token, and changes it the same way', async () => {
      const res = await asMe('/api/events', { method: 'POST', body: online({ title: 'Polypharmacy (from the tab)' }) });
      assert.equal(res.status, 201, res.text);
      assert.equal(res.body.meeting.status, 'created', JSON.stringify(res.body.meeting));
      const post = graph.callsTo(/^\/v1\.0\/me\/events$/).find((c) => c.body.subject === 'Polypharmacy (from the tab)');
      assert.ok(post, 'POST /me/events');
      assert.equal(delegatedUser(post.authorization), me, 'a token on the organiser’s behalf');
      const obo = entra.tokenRequests.find((t) => t.grantType === OBO_GRANT && t.assertionOid === me);
      assert.ok(obo, 'the on-behalf-of grant');
      assert.equal(obo.requestedTokenUse, 'on_behalf_of');
      assert.equal(obo.clientId, TAB_APP);
      assert.equal(obo.hasClientSecret, true);
      assert.match(obo.scope ?? '', /https:\/\/graph\.microsoft\.com\/\.default/);
      const made = graph.eventsOf(me).find((x) => x.subject === 'Polypharmacy (from the tab)')!;
      assert.equal(made.createdWith, 'delegated');

      const changed = await asMe(`/api/events/${res.body.id}`, { method: 'PATCH', body: { title: 'Polypharmacy and deprescribing' } });
      assert.equal(changed.status, 200);
      const patch = graph.callsTo(new RegExp(`^/v1\\.0/me/events/${made.id}$`), 'PATCH');
      assert.equal(patch.length, 1);
      assert.equal(graph.events.get(made.id)?.subject, 'Polypharmacy and deprescribing');
    });

    it('falls back to app-only when the on-behalf-of grant is refused', async () => {
      entra.tokenInterceptor = (req) => ((req.body as Record<string, string>)?.grant_type === OBO_GRANT ? { status: 400, body: { error: 'invalid_grant', error_description: 'AADSTS65001: consent required' } } : undefined);
      try {
        const res = await asMe('/api/events', { method: 'POST', body: online({ title: 'Consent not given' }) });
        assert.equal(res.status, 201);
        assert.equal(res.body.meeting.status, 'created');
        const post = graph.callsTo(new RegExp(`^/v1\\.0/users/${me}/events$`)).find((c) => c.body.subject === 'Consent not given');
        assert.ok(post, 'app-only POST /users/{id}/events');
        assert.match(post.authorization ?? '', /^Bearer fake-access-token-/);
      } finally {
        entra.tokenInterceptor = undefined;
      }
    });
  });
});
