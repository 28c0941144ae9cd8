// Facilitation over the tab API: the pool (coordinators), a facilitator's own profile, requests and
// who may see them, offers, the dashboard, calendar links, and "my data" / "forget me".
import { strict as assert } from 'node:assert';
import { startTestApp, api, type TestApp } from '../helpers/testApp.js';
import { FacilitationRecorder } from '../helpers/facilitationNotifier.js';
import { addFacilitator, londonSession, makeChannel, person } from '../helpers/facilitation.js';
import { listAll } from '../../src/storage/etag.js';
import type { Channel } from '../../src/domain/channels/channel.js';

const TUESDAY = 2;

describe('facilitation over the tab API', function () {
  this.timeout(60_000);
  let app: TestApp;
  let recorder: FacilitationRecorder;
  let channel: Channel;
  const admin = person('Ada Admin');
  const westCoordinator = person('Wes Coordinator');
  const eastCoordinator = person('Eve Coordinator');
  const lead = person('Leah Lead');
  const fran = person('Fran Facilitator');
  const gus = person('Gus Facilitator');
  const member = person('Mo Member');
  const coLead = person('Cal Co-lead');

  const everyone = [admin, westCoordinator, eastCoordinator, lead, fran, gus, member, coLead];
  // Dev mode takes the display name from a header on every call; send the real one.
  const nameOf = (user?: string) => everyone.find((p) => p.id === user)?.name;
  const call = (path: string, init: Parameters<typeof api>[2] = {}) => api(app, path, { ...init, name: nameOf(init.user) });
  const post = (path: string, user: string, body: unknown) => call(path, { method: 'POST', user, body });
  const newRequest = (weeksAhead: number, extra: Record<string, unknown> = {}) => {
    const s = londonSession(TUESDAY, '14:00', '16:00', weeksAhead);
    return post('/api/facilitation-requests', lead.id, { channelId: channel.id, start: s.start, end: s.end, format: 'observe', topic: 'Asthma reviews', notes: 'Six nurses', continuity: false, ...extra });
  };

  before(async () => {
    recorder = new FacilitationRecorder();
    app = await startTestApp({ ADMIN_AAD_OBJECT_IDS: `${admin.id},${westCoordinator.id}:west-kent,${eastCoordinator.id}:east-kent` }, { notifier: () => recorder });
    channel = await makeChannel(app, [lead.id], { name: 'Respiratory Nurses' });
    for (const p of [lead, fran, gus, member]) await call('/api/me', { user: p.id, name: p.name });
  });
  after(() => app?.close());

  describe('the pool', () => {
    it('lets coordinators add facilitators for their hubs; others get 403; bad input 400', async () => {
      const added = await post('/api/facilitators', westCoordinator.id, { userId: fran.id, hubs: ['west-kent'] });
      assert.equal(added.status, 201);
      assert.deepEqual(Object.keys(added.body).sort(), ['availability', 'away', 'formats', 'hubs', 'maxPerMonth', 'name', 'paused', 'skills', 'userId']);
      assert.equal(added.body.name, 'Fran Facilitator');
      assert.ok(recorder.notices.some((n) => n.userId === fran.id && n.key.startsWith(`facilitator-added:${fran.id}:`) && n.kind === 'facilitation'), 'welcomed');
      assert.equal((await post('/api/facilitators', westCoordinator.id, { userId: fran.id, hubs: ['west-kent'] })).status, 200, 'adding again is harmless');
      assert.equal((await post('/api/facilitators', westCoordinator.id, { userId: gus.id, hubs: ['east-kent'] })).status, 403);
      assert.equal((await post('/api/facilitators', member.id, { userId: gus.id, hubs: ['west-kent'] })).status, 403);
      for (const body of [{ userId: gus.id }, { userId: gus.id, hubs: ['mars'] }, { userId: 'a/b', hubs: ['east-kent'] }, { hubs: ['east-kent'] }, '[1]']) {
        assert.equal((await post('/api/facilitators', admin.id, body)).status, 400, JSON.stringify(body));
      }
      assert.equal((await post('/api/facilitators', eastCoordinator.id, { userId: gus.id, hubs: ['east-kent'] })).status, 201);
    });

    it('shows the pool to coordinators only', async () => {
      const list = await call('/api/facilitators', { user: eastCoordinator.id });
      assert.equal(list.status, 200);
      assert.deepEqual(list.body.items.map((f: { name: string }) => f.name), ['Fran Facilitator', 'Gus Facilitator']);
      assert.equal((await call('/api/facilitators', { user: member.id })).status, 403);
      assert.equal((await call('/api/facilitators')).status, 401);
    });

    it('lets a facilitator read and edit only their own profile', async () => {
      assert.equal((await call('/api/facilitators/me', { user: member.id })).status, 404);
      assert.equal((await call('/api/facilitators/me', { method: 'PUT', user: member.id, body: { paused: true } })).status, 403);
      const put = await call('/api/facilitators/me', {
        method: 'PUT',
        user: fran.id,
        body: { hubs: ['west-kent'], skills: ['practice-nurse', 'asthma'], formats: ['observe', 'co-facilitate'], availability: [{ day: 'tue', from: '09:00', to: '17:00' }], away: [{ from: '2030-01-01', to: '2030-01-02' }], maxPerMonth: 6, paused: false },
      });
      assert.equal(put.status, 200);
      assert.deepEqual(put.body.availability, [{ day: 'tue', from: '09:00', to: '17:00' }]);
      for (const body of [{ availability: [{ day: 'tue', from: '17:00', to: '09:00' }] }, { maxPerMonth: -1 }, { formats: ['dance'] }, { away: [{ from: 'soon' }] }, { hubs: 'nowhere' }]) {
        const res = await call('/api/facilitators/me', { method: 'PUT', user: fran.id, body });
        assert.equal(res.status, 400, JSON.stringify(body));
        assert.equal(res.body.error.code, 'BadRequest');
      }
      assert.deepEqual((await call('/api/facilitators/me', { user: fran.id })).body, put.body, 'unchanged by refused edits');
      await addFacilitator(app, admin.id, gus, { skills: ['paramedic'], availability: [{ day: 'tue', from: '09:00', to: '17:00' }], maxPerMonth: 6 }, ['east-kent']);
    });
  });

  describe('requests', () => {
    let requestId: string;

    it('creates a request for a channel’s lead (201, Request JSON) and offers it at once', async () => {
      const res = await newRequest(2);
      assert.equal(res.status, 201, res.text);
      const r = res.body;
      requestId = r.id;
      for (const key of ['id', 'channelId', 'leadId', 'start', 'end', 'format', 'topic', 'notes', 'continuity', 'status', 'offer', 'candidates']) assert.ok(key in r, key);
      assert.equal(r.channelId, channel.id);
      assert.equal(r.leadId, lead.id);
      assert.match(r.start, /T14:00:00\+0[01]:00$/);
      assert.equal(r.status, 'offered');
      assert.equal(r.offer.facilitatorId, fran.id);
      assert.ok(r.offer.offerId && r.offer.expiresAt);
      assert.deepEqual(r.candidates.map((c: { userId: string }) => c.userId), [fran.id, gus.id]);
      assert.ok(r.candidates[0].reasons.includes('free Tue 14:00–16:00'));
      assert.ok(r.candidates[0].reasons.includes('West Kent'));
    });

    it('gives the same request back for a double submit, and 409 to another lead for the same slot', async () => {
      const again = await newRequest(2);
      assert.equal(again.status, 200);
      assert.equal(again.body.id, requestId);
      await app.services.channels.update(channel.id, (c) => ({ ...c, leadIds: [...c.leadIds, coLead.id] }));
      const s = londonSession(TUESDAY, '14:00', '16:00', 2);
      const clash = await post('/api/facilitation-requests', coLead.id, { channelId: channel.id, start: s.start, end: s.end });
      assert.equal(clash.status, 409);
      assert.match(clash.body.error.message, /already has a facilitation request/);
    });

    it('refuses non-leads (403), bad input (400) and unknown channels (404), storing nothing', async () => {
      const s = londonSession(TUESDAY, '14:00', '16:00', 3);
      assert.equal((await post('/api/facilitation-requests', member.id, { channelId: channel.id, start: s.start, end: s.end })).status, 403);
      assert.equal((await post('/api/facilitation-requests', fran.id, { channelId: channel.id, start: s.start, end: s.end })).status, 403);
      assert.equal((await post('/api/facilitation-requests', lead.id, { channelId: channel.id, start: s.end, end: s.start })).status, 400);
      assert.equal((await post('/api/facilitation-requests', lead.id, { channelId: 'nope', start: s.start, end: s.end })).status, 404);
      assert.equal((await post('/api/facilitation-requests', lead.id, 'not json')).status, 400);
      const mine = await call('/api/facilitation-requests?mine=true', { user: member.id });
      assert.deepEqual(mine.body.items, []);
    });

    it('shows a request to its lead, the offered facilitator and the hub’s coordinators only', async () => {
      for (const who of [lead, fran, westCoordinator, admin]) assert.equal((await call(`/api/facilitation-requests/${requestId}`, { user: who.id })).status, 200, who.name);
      for (const who of [gus, member, eastCoordinator]) assert.equal((await call(`/api/facilitation-requests/${requestId}`, { user: who.id })).status, 403, who.name);
      assert.equal((await call('/api/facilitation-requests/doesnotexist', { user: lead.id })).status, 404);
      assert.equal((await call('/api/facilitation-requests/bad%20id!', { user: lead.id })).status, 400);
      const asFacilitator = await call(`/api/facilitation-requests/${requestId}`, { user: fran.id });
      assert.deepEqual(asFacilitator.body.candidates, [], 'facilitators do not see who else was ranked');
      assert.equal(asFacilitator.body.can.accept, true);
      const mine = await call('/api/facilitation-requests?mine=true', { user: lead.id });
      assert.deepEqual(mine.body.items.map((r: { id: string }) => r.id), [requestId]);
      const offers = await call('/api/facilitation-requests?offers=true', { user: fran.id });
      assert.deepEqual(offers.body.items.map((r: { id: string }) => r.id), [requestId]);
      const coordinatorList = await call('/api/facilitation-requests', { user: westCoordinator.id });
      assert.ok(coordinatorList.body.items.some((r: { id: string }) => r.id === requestId));
      assert.ok(!(await call('/api/facilitation-requests', { user: eastCoordinator.id })).body.items.some((r: { id: string }) => r.id === requestId));
    });

    it('accepts and declines offers over the API for the offered person only', async () => {
      const r = (await call(`/api/facilitation-requests/${requestId}`, { user: lead.id })).body;
      const path = `/api/facilitation-requests/${requestId}/offers/${r.offer.offerId}`;
      assert.equal((await post(`${path}/accept`, gus.id, {})).status, 403);
      assert.equal((await post(`${path}/decline`, lead.id, {})).status, 403);
      assert.equal((await post(`/api/facilitation-requests/${requestId}/offers/nosuchoffer/accept`, fran.id, {})).status, 404);
      const accepted = await post(`${path}/accept`, fran.id, {});
      assert.equal(accepted.status, 200);
      assert.equal(accepted.body.result, 'confirmed');
      assert.equal(accepted.body.request.status, 'confirmed');
      assert.match(accepted.body.request.calendarUrl, /\/api\/calendar\/facilitation\/[\w-]{43}\.ics$/);
      // From the tab both sides get a confirmation message.
      assert.ok(recorder.keys(`facilitation-confirmed:${requestId}:`).sort().join() === [`facilitation-confirmed:${requestId}:${r.offer.offerId}:facilitator`, `facilitation-confirmed:${requestId}:${r.offer.offerId}:lead`].join());
      const again = await post(`${path}/accept`, fran.id, {});
      assert.equal(again.body.result, 'already-yours');
    });

    it('serves the calendar link publicly by token; unknown tokens are 404', async () => {
      const r = (await call(`/api/facilitation-requests/${requestId}`, { user: lead.id })).body;
      const path = new URL(r.calendarUrl).pathname;
      const res = await fetch(app.url + path);
      assert.equal(res.status, 200);
      const text = await res.text();
      assert.match(text, /BEGIN:VCALENDAR/);
      assert.match(text, /METHOD:REQUEST/);
      assert.match(text, /facilitator: Fran Facilitator/);
      assert.equal((await fetch(`${app.url}/api/calendar/facilitation/${'x'.repeat(43)}.ics`)).status, 404);
      assert.equal((await fetch(`${app.url}/api/calendar/facilitation/short.ics`)).status, 404);
    });

    it('lets only the lead or a coordinator cancel (DELETE); the facilitator’s DELETE is a withdrawal', async () => {
      assert.equal((await call(`/api/facilitation-requests/${requestId}`, { method: 'DELETE', user: member.id })).status, 403);
      assert.equal((await call(`/api/facilitation-requests/${requestId}`, { method: 'DELETE', user: eastCoordinator.id })).status, 403);
      const withdrawn = await call(`/api/facilitation-requests/${requestId}`, { method: 'DELETE', user: fran.id });
      assert.equal(withdrawn.status, 200);
      assert.equal(withdrawn.body.result, 'withdrawn');
      const now = (await call(`/api/facilitation-requests/${requestId}`, { user: lead.id })).body;
      assert.equal(now.status, 'offered');
      assert.equal(now.offer.facilitatorId, gus.id);
      const cancelled = await call(`/api/facilitation-requests/${requestId}`, { method: 'DELETE', user: lead.id });
      assert.equal(cancelled.status, 200);
      assert.equal(cancelled.body.status, 'cancelled');
      assert.ok(recorder.notices.some((n) => n.userId === gus.id && n.key.startsWith(`facilitation-cancelled:${requestId}:`)), 'the offered facilitator is told');
      assert.equal((await call(`/api/facilitation-requests/${requestId}`, { method: 'DELETE', user: lead.id })).body.result, 'already-cancelled');
    });

    it('lets a coordinator assign by hand; members cannot', async () => {
      const res = await newRequest(4, { format: 'coach' }); // Fran does not coach: offered to Gus
      assert.equal(res.body.offer.facilitatorId, gus.id);
      assert.equal((await post(`/api/facilitation-requests/${res.body.id}/assign`, member.id, { userId: fran.id })).status, 403);
      assert.equal((await post(`/api/facilitation-requests/${res.body.id}/assign`, westCoordinator.id, { userId: member.id })).status, 400, 'not in the pool');
      assert.equal((await post(`/api/facilitation-requests/${res.body.id}/assign`, westCoordinator.id, { userId: lead.id })).status, 400);
      const assigned = await post(`/api/facilitation-requests/${res.body.id}/assign`, westCoordinator.id, { userId: fran.id });
      assert.equal(assigned.status, 200);
      assert.equal(assigned.body.request.facilitatorId, fran.id);
      assert.ok(recorder.notices.some((n) => n.userId === gus.id && n.key.startsWith(`facilitation-cancelled:${res.body.id}:`)), 'Gus hears the offer is gone');
    });
  });

  describe('dashboard and personal data', () => {
    it('gives coordinators a dashboard: open requests, median time to confirm, load per facilitator', async () => {
      await newRequest(5);
      const dash = await call('/api/facilitation/dashboard', { user: westCoordinator.id });
      assert.equal(dash.status, 200);
      assert.ok(dash.body.openRequests.length >= 1);
      assert.ok(dash.body.openRequests.every((r: { status: string }) => ['matching', 'offered', 'escalated'].includes(r.status)));
      assert.equal(typeof dash.body.medianTimeToConfirmMs, 'number');
      assert.ok(dash.body.confirmedLast90Days >= 1);
      const franLoad = dash.body.load.find((l: { userId: string }) => l.userId === fran.id);
      assert.equal(franLoad.upcoming, 1);
      assert.equal((await call('/api/facilitation/dashboard', { user: member.id })).status, 403);
    });

    it('exports a person’s facilitation data and erases it, moving their requests on and leaving no trace', async () => {
      const holder = app.services.personalData.find((h) => h.area === 'facilitation')!;
      const offered = await newRequest(6);
      assert.equal(offered.body.offer.facilitatorId, fran.id);
      const exported = (await holder.export(fran.id)) as { facilitatorProfile: { userId: string }; offersReceived: unknown[] };
      assert.equal(exported.facilitatorProfile.userId, fran.id);
      assert.ok(exported.offersReceived.length >= 3);

      await holder.erase(fran.id);
      const after = (await call(`/api/facilitation-requests/${offered.body.id}`, { user: lead.id })).body;
      assert.equal(after.offer.facilitatorId, gus.id, 'the open offer moved on');
      const confirmedEarlier = (await call('/api/facilitation-requests?mine=true', { user: lead.id })).body.items.find((r: { format: string }) => r.format === 'coach');
      assert.equal(confirmedEarlier.status, 'offered', 'her future session went back to matching');
      assert.equal((await call('/api/facilitators/me', { user: fran.id })).status, 404);

      await holder.erase(lead.id);
      const leftovers: string[] = [];
      for (const table of ['facilitation', 'facilitators'] as const) {
        for (const row of await listAll(app.services.storage.table(table).listEntities())) {
          const text = JSON.stringify(row);
          if (text.includes(fran.id) || text.includes(lead.id)) leftovers.push(`${table}:${String(row.rowKey)}`);
        }
      }
      assert.deepEqual(leftovers, []);
      assert.ok(recorder.notices.some((n) => n.userId === gus.id && n.key.startsWith('facilitation-cancelled:') && /lead has left/.test(n.message.text)), 'Gus is told the session is off');
      const dash = await call('/api/facilitation/dashboard', { user: admin.id });
      assert.equal(dash.body.openRequests.length, 0, 'the lead’s open requests were cancelled');
    });
  });
});
