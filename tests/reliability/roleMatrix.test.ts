// The role matrix (West Kent things; "all of Kent & Medway" channels are shared by every hub's
// coordinators by design): every write action, tried by every role that may not do it — over the API and
// as a card action — answers 403 (or an error card with 403) and changes no table.
import { strict as assert } from 'node:assert';
import { DateTime } from 'luxon';
import { startTestApp, api, type TestApp } from '../helpers/testApp.js';
import { FakeConnector } from '../helpers/fakeConnector.js';
import { BotClient, type TestPerson } from '../helpers/botClient.js';
import { newUserId } from '../helpers/ids.js';
import { changedRows, settledSnapshot, snapshotRows } from '../helpers/tableScan.js';
import { sharedAzurite } from '../helpers/rootHooks.js';
import { DEMO_PEOPLE } from '../../src/seed/people.js';

const HOME = '3c2b1a09-8d7e-4f6a-9b5c-0d1e2f3a4b5c';
const demo = (name: string): TestPerson => {
  const p = DEMO_PEOPLE.find((x) => x.name === name)!;
  return { id: p.id, name: p.name, tenantId: HOME };
};

describe('role matrix: forbidden writes answer 403 and change nothing', function () {
  this.timeout(300_000);
  let app: TestApp;
  let connector: FakeConnector;
  let bot: BotClient;
  let connectionString: string;

  const admin: TestPerson = { id: newUserId(), name: 'Ada Admin', tenantId: HOME };
  const member: TestPerson = { id: newUserId(), name: 'Milo Member', tenantId: HOME };
  const guest: TestPerson = { id: newUserId(), name: 'Gwen Guest', tenantId: 'another-org-tenant' };
  const eastCoordinator = demo('Tom Hadley'); // coordinator, East Kent
  const eastOrganiser = demo('Imran Siddiqui'); // organiser, East Kent
  const wellbeingLead = demo('Megan Lloyd'); // leads Wellbeing Café and Social Prescribing only
  const practiceLead = demo('Harriet Cole'); // leads GP Nurse Fellowship (West Kent)
  const requester: TestPerson = { id: newUserId(), name: 'Rhys Requester', tenantId: HOME };

  let westEvent: string;
  let proposalId: string;
  let facilitation: { id: string; offerId?: string; facilitatorId?: string };

  const as = (p: TestPerson, path: string, method = 'GET', body?: unknown) => api(app, path, { method, user: p.id, name: p.name, tenant: p.tenantId, body });

  before(async () => {
    connector = await FakeConnector.start();
    app = await startTestApp({ SEED_DEMO: 'true', ADMIN_AAD_OBJECT_IDS: admin.id, HOME_TENANT_ID: HOME });
    bot = new BotClient(app.url, connector);
    connectionString = (await sharedAzurite()).connectionString;

    const start = DateTime.now().setZone('Europe/London').plus({ weeks: 3 }).set({ weekday: 2, hour: 14, minute: 0, second: 0, millisecond: 0 });
    const made = await as(admin, '/api/events', 'POST', {
      title: 'West Kent assessor forum', category: 'plt', hub: 'west-kent', start: start.toISO(), end: start.plus({ hours: 2 }).toISO(), location: 'Oakwood House, Maidstone', capacity: 30,
    });
    assert.equal(made.status, 201, made.text);
    westEvent = made.body.id;
    assert.equal((await as(member, `/api/events/${westEvent}/registrations`, 'POST')).status, 201);

    const proposed = await as(member, '/api/channel-proposals', 'POST', { name: 'Frailty Nurses', purpose: 'Frailty care in the community', hub: 'west-kent', professions: 'practice-nurse' });
    assert.equal(proposed.status, 201, proposed.text);
    proposalId = proposed.body.id;

    // Joining asks for a profile first (409 ProfileRequired): the requester has filled theirs in.
    assert.equal((await as(requester, '/api/me/profile', 'PUT', { profession: 'practice-nurse', hub: 'west-kent', pcn: 'Maidstone PCN', organisation: 'Len Valley Practice' })).status < 300, true);
    assert.equal((await as(requester, '/api/channels/gpn-fellowship/members', 'POST')).body.status, 'requested');

    const session = DateTime.now().setZone('Europe/London').plus({ weeks: 4 }).set({ weekday: 3, hour: 13, minute: 0, second: 0, millisecond: 0 });
    const asked = await as(practiceLead, '/api/facilitation-requests', 'POST', { channelId: 'gpn-fellowship', start: session.toISO(), end: session.plus({ hours: 1 }).toISO(), format: 'observe', topic: 'Case review', notes: '', continuity: false });
    assert.equal(asked.status, 201, asked.text);
    facilitation = { id: asked.body.id, offerId: asked.body.offer?.offerId, facilitatorId: asked.body.offer?.facilitatorId };

    // Everyone has been seen once, so the runs below store nothing new about them.
    for (const p of [admin, member, guest, eastCoordinator, eastOrganiser, wellbeingLead, practiceLead, requester]) {
      await as(p, '/api/me');
      await bot.message(p, 'help');
    }
  });
  after(async () => {
    await app?.close();
    await connector?.close();
  });

  const snapshot = () => snapshotRows(connectionString, app.prefix);

  interface Attempt {
    what: string;
    who: TestPerson[];
    api?: { method: string; path: () => string; body?: () => unknown };
    card?: { verb: string; data: () => Record<string, unknown> };
  }

  const attempts: Attempt[] = [
    {
      what: 'grant roles',
      who: [member, guest, eastOrganiser, wellbeingLead],
      api: { method: 'PUT', path: () => `/api/users/${member.id}/roles`, body: () => ({ roles: ['organiser'], hubs: ['east-kent'] }) },
    },
    { what: 'grant roles in another hub', who: [eastCoordinator], api: { method: 'PUT', path: () => `/api/users/${member.id}/roles`, body: () => ({ roles: ['organiser'], hubs: ['west-kent'] }) } },
    {
      what: 'create an event',
      who: [member, guest, wellbeingLead, eastOrganiser, eastCoordinator],
      api: { method: 'POST', path: () => '/api/events', body: () => ({ title: 'Sneaky', category: 'plt', hub: 'west-kent', start: '2027-03-02T14:00:00Z', end: '2027-03-02T15:00:00Z', location: 'Tonbridge', capacity: 5 }) },
      card: { verb: 'event.create', data: () => ({ title: 'Sneaky', category: 'plt', hub: 'west-kent', start: '2027-03-02T14:00', end: '2027-03-02T15:00', location: 'Tonbridge', capacity: 5 }) },
    },
    {
      what: 'edit an event',
      who: [member, guest, eastOrganiser, eastCoordinator],
      api: { method: 'PATCH', path: () => `/api/events/${westEvent}`, body: () => ({ title: 'Renamed' }) },
      card: { verb: 'event.update', data: () => ({ eventId: westEvent, title: 'Renamed' }) },
    },
    { what: 'cancel an event', who: [member, guest, eastOrganiser], api: { method: 'DELETE', path: () => `/api/events/${westEvent}` } },
    {
      what: 'mark attendance',
      who: [member, guest, eastOrganiser],
      api: { method: 'PUT', path: () => `/api/events/${westEvent}/attendance`, body: () => ({ attended: [member.id] }) },
      card: { verb: 'event.attendance', data: () => ({ eventId: westEvent, attended: [member.id] }) },
    },
    { what: 'read a roster', who: [member, guest, eastOrganiser], api: { method: 'GET', path: () => `/api/events/${westEvent}/registrations` } },
    {
      what: 'edit channel guidelines',
      who: [member, guest, wellbeingLead, eastOrganiser],
      api: { method: 'PATCH', path: () => '/api/channels/advanced-practice', body: () => ({ guidelines: 'Anything goes' }) },
      card: { verb: 'channel.update', data: () => ({ channelId: 'advanced-practice', guidelines: 'Anything goes' }) },
    },
    { what: 'set channel leads', who: [member, guest, wellbeingLead, eastOrganiser], api: { method: 'PUT', path: () => '/api/channels/advanced-practice/leads', body: () => ({ leadIds: [member.id] }) } },
    {
      what: 'approve a join request',
      who: [member, guest, wellbeingLead, eastOrganiser, requester],
      api: { method: 'POST', path: () => `/api/channels/gpn-fellowship/requests/${requester.id}/approve` },
      card: { verb: 'channel.request.approve', data: () => ({ channelId: 'gpn-fellowship', userId: requester.id }) },
    },
    {
      what: 'approve a channel proposal',
      who: [member, guest, eastOrganiser, wellbeingLead, eastCoordinator],
      api: { method: 'POST', path: () => `/api/channel-proposals/${proposalId}/approve` },
      card: { verb: 'channel.proposal.approve', data: () => ({ proposalId }) },
    },
    {
      what: 'reject a channel proposal',
      who: [member, guest, eastOrganiser],
      api: { method: 'POST', path: () => `/api/channel-proposals/${proposalId}/reject`, body: () => ({ reason: 'no' }) },
      card: { verb: 'channel.proposal.reject', data: () => ({ proposalId, reason: 'no' }) },
    },
    { what: 'add to the facilitator pool', who: [member, guest, eastOrganiser, wellbeingLead], api: { method: 'POST', path: () => '/api/facilitators', body: () => ({ userId: member.id, hubs: ['west-kent'] }) } },
    { what: 'remove from the facilitator pool', who: [member, guest, eastOrganiser], api: { method: 'DELETE', path: () => `/api/facilitators/${DEMO_PEOPLE[1].id}` } },
    {
      what: 'request a facilitator for someone else’s channel',
      who: [member, guest, wellbeingLead, eastOrganiser],
      api: { method: 'POST', path: () => '/api/facilitation-requests', body: () => ({ channelId: 'gpn-fellowship', start: '2027-03-03T13:00:00Z', end: '2027-03-03T14:00:00Z', format: 'observe', topic: 'x' }) },
      card: { verb: 'facilitation.request', data: () => ({ channelId: 'gpn-fellowship', start: '2027-03-03T13:00', end: '2027-03-03T14:00', format: 'observe', topic: 'x' }) },
    },
    {
      what: 'accept someone else’s offer',
      who: [member, guest, wellbeingLead, practiceLead],
      api: { method: 'POST', path: () => `/api/facilitation-requests/${facilitation.id}/offers/${facilitation.offerId}/accept` },
      card: { verb: 'facilitation.offer.accept', data: () => ({ requestId: facilitation.id, offerId: facilitation.offerId }) },
    },
    {
      what: 'cancel someone else’s facilitation request',
      who: [member, guest, wellbeingLead],
      api: { method: 'DELETE', path: () => `/api/facilitation-requests/${facilitation.id}` },
      card: { verb: 'facilitation.request.cancel', data: () => ({ requestId: facilitation.id }) },
    },
    {
      what: 'assign a facilitator by hand',
      who: [member, guest, practiceLead, eastOrganiser, eastCoordinator],
      api: { method: 'POST', path: () => `/api/facilitation-requests/${facilitation.id}/assign`, body: () => ({ userId: facilitation.facilitatorId }) },
    },
    {
      what: 'give feedback on an event one did not attend',
      who: [member, guest, eastOrganiser, admin],
      api: { method: 'POST', path: () => `/api/events/${westEvent}/feedback`, body: () => ({ rating: 5, useful: 'Great' }) },
      card: { verb: 'event.feedback', data: () => ({ eventId: westEvent, rating: '5' }) },
    },
    // Not writes, but for the event's organiser and the hub's coordinators only: feedback results and insights.
    { what: 'read an event’s feedback results', who: [member, guest, eastOrganiser, eastCoordinator], api: { method: 'GET', path: () => `/api/events/${westEvent}/feedback` } },
    { what: 'see another hub’s insights', who: [member, guest, eastOrganiser, eastCoordinator, wellbeingLead], api: { method: 'GET', path: () => '/api/hubs/west-kent/insights' } },
    // Not a write, but coordinators' eyes only: delivery counts across the hubs.
    { what: 'see notification delivery counts', who: [member, guest, eastOrganiser, wellbeingLead], api: { method: 'GET', path: () => '/api/notifications/summary' } },
  ];

  it('has an open offer to test against', () => {
    assert.ok(facilitation.offerId, 'the demo pool offered the request to someone');
  });

  it('answers every forbidden write with 403 and changes no table', async () => {
    const before = await settledSnapshot(connectionString, app.prefix);
    const wrong: string[] = [];
    for (const attempt of attempts) {
      for (const who of attempt.who) {
        if (attempt.api) {
          const res = await as(who, attempt.api.path(), attempt.api.method, attempt.api.body?.());
          if (res.status !== 403) wrong.push(`API ${attempt.what} as ${who.name}: ${res.status} ${res.text.slice(0, 120)}`);
          else if (typeof res.body?.error?.message !== 'string') wrong.push(`API ${attempt.what} as ${who.name}: no readable message`);
        }
        if (attempt.card) {
          const res = await bot.invoke(who, attempt.card.verb, attempt.card.data());
          if (res.body?.statusCode !== 403 || res.body?.type !== 'application/vnd.microsoft.error') {
            wrong.push(`card ${attempt.card.verb} (${attempt.what}) as ${who.name}: ${res.status} ${JSON.stringify(res.body).slice(0, 120)}`);
          }
        }
      }
    }
    assert.deepEqual(wrong, []);
    assert.deepEqual(changedRows(before, await snapshot()), [], 'no table changed');
  });
});
