// "my data" and "forget me": everything held about a person comes out as JSON, and after erasure
// no table holds their id, name or email.
import { strict as assert } from 'node:assert';
import { startTestApp, api, type TestApp } from '../helpers/testApp.js';
import { FakeConnector } from '../helpers/fakeConnector.js';
import { BotClient, cardText, type TestPerson } from '../helpers/botClient.js';
import { newUserId } from '../helpers/ids.js';
import { rowsMentioning } from '../helpers/tableScan.js';
import { sharedAzurite } from '../helpers/rootHooks.js';
import { NO_MEETING } from '../../src/domain/events/meeting.js';

describe('my data and forget me', function () {
  // Its setup seeds the demo data (about a thousand rows): well over mocha's 30 s default when
  // the machine is busy, which failed the hook and skipped every test in the file.
  this.timeout(120_000);
  let app: TestApp;
  let connector: FakeConnector;
  let bot: BotClient;
  let connectionString: string;

  before(async () => {
    connector = await FakeConnector.start();
    app = await startTestApp({ SEED_DEMO: 'true' });
    bot = new BotClient(app.url, connector);
    connectionString = (await sharedAzurite()).connectionString;
  });
  after(async () => {
    await app?.close();
    await connector?.close();
  });

  async function makeSomeone(name: string): Promise<TestPerson> {
    const person: TestPerson = { id: newUserId(), name };
    await bot.message(person, 'help');
    await bot.message(person, 'help', 'channel');
    await bot.invoke(person, 'profile.save', { profession: 'nurse-associate', hub: 'north-kent', pcn: 'Strood PCN', organisation: 'Strood Medical Practice' });
    await app.services.roles.set(person.id, [{ role: 'organiser', hubs: ['north-kent'] }]);
    // Memberships in an open channel and a request in an approval channel.
    assert.equal((await api(app, '/api/channels/wellbeing/members', { method: 'POST', user: person.id, name: person.name })).status, 201);
    assert.equal((await api(app, '/api/channels/gpn-fellowship/members', { method: 'POST', user: person.id, name: person.name })).body.status, 'requested');
    return person;
  }

  it('exports everything held about me as JSON', async () => {
    const person = await makeSomeone('Quinn Exporter');
    const res = await api(app, '/api/me/export', { user: person.id, name: person.name });
    assert.equal(res.status, 200);
    assert.equal(res.body.person.id, person.id);
    assert.equal(res.body.data.people.profile.organisation, 'Strood Medical Practice');
    assert.deepEqual(res.body.data.people.roles, [{ role: 'organiser', hubs: ['north-kent'] }]);
    assert.equal(res.body.data.people.person.name, 'Quinn Exporter');
    assert.match(JSON.stringify(res.body.data.channels), /wellbeing/);
    assert.match(JSON.stringify(res.body.data.channels), /gpn-fellowship/);
  });

  it('shows my data as a card', async () => {
    const person = await makeSomeone('Rowan Card');
    const since = connector.sent.length;
    await bot.message(person, 'my data');
    const [card] = bot.cardsTo(person, 'personal', since);
    assert.match(cardText(card), /Strood Medical Practice/);
    // In words and names, never raw JSON pasted into the chat; the file comes from the tab.
    assert.match(cardText(card), /Nurse associate/);
    assert.match(cardText(card), /North Kent/);
    assert.doesNotMatch(JSON.stringify(card), /[{[]\\n|"userId"|nurse-associate/);
    const open = (card.actions as { type: string; url?: string }[]).find((a) => a.type === 'Action.OpenUrl');
    assert.match(open?.url ?? '', /\/tab\/privacy$/);
  });

  it('forget me asks first; "keep" changes nothing', async () => {
    const person = await makeSomeone('Sasha Keeper');
    const since = connector.sent.length;
    await bot.message(person, 'forget me');
    const [card] = bot.cardsTo(person, 'personal', since);
    assert.match(cardText(card), /Erase your data\?/);
    const keep = await bot.invoke(person, 'privacy.forget.keep');
    assert.match(cardText(keep.card), /Nothing was erased/);
    assert.ok(await app.services.profiles.get(person.id));
  });

  it('forget me from the card erases the person from every table', async () => {
    const person = await makeSomeone('Tamsin Forgotten');
    const before = (await app.services.channels.get('wellbeing'))!.memberCount;
    const res = await bot.invoke(person, 'privacy.forget.confirm');
    assert.equal(res.status, 200);
    assert.match(cardText(res.card), /erased/);
    const left = await rowsMentioning(connectionString, app.prefix, [person.id, person.name]);
    assert.deepEqual(left.map((r) => `${r.table}: ${JSON.stringify(r.row).slice(0, 200)}`), []);
    assert.equal((await app.services.channels.get('wellbeing'))!.memberCount, before - 1, 'member count follows');
  });

  it('DELETE /api/me erases and answers 204', async () => {
    const person = await makeSomeone('Uma Deleted');
    const res = await api(app, '/api/me', { method: 'DELETE', user: person.id, name: person.name });
    assert.equal(res.status, 204);
    const left = await rowsMentioning(connectionString, app.prefix, [person.id, person.name]);
    assert.deepEqual(left.map((r) => r.table), []);
    const me = await api(app, '/api/me', { user: person.id, name: person.name });
    assert.equal(me.body.profile, null);
  });

  it('exports feedback and certificates; forget me keeps the answer’s rating and comments anonymous, drops the reflection, and the certificate stops verifying', async () => {
    const person = await makeSomeone('Vera Reflective');
    const organiser = newUserId();
    const now = Date.now();
    const eventId = `past-${organiser.slice(0, 8)}`;
    await app.services.events.recordPast(
      {
        teamsMeeting: false, meeting: NO_MEETING,
        id: eventId, title: 'Sepsis recognition update', description: '', category: 'plt', hub: 'north-kent', professions: [], capacity: 20,
        start: new Date(now - 5 * 86_400_000), end: new Date(now - 5 * 86_400_000 + 7_200_000), organiserId: organiser, organiserName: 'Olu Organiser',
        status: 'scheduled', sequence: 0, createdAt: new Date(now - 30 * 86_400_000), updatedAt: new Date(now - 30 * 86_400_000),
      },
      [{ userId: person.id, name: person.name, bookedAt: new Date(now - 20 * 86_400_000), attended: true }],
    );
    const who = { user: person.id, name: person.name };
    const answered = await api(app, `/api/events/${eventId}/feedback`, { method: 'POST', ...who, body: { rating: 4, useful: 'The NEWS2 cases', improve: 'A longer break', practice: 'My own reflection on triage', codeTheme: 'preserve-safety' } });
    assert.equal(answered.status, 201, answered.text);
    const certificateId = (await api(app, '/api/me/cpd', who)).body.entries[0].certificateId;
    assert.equal((await api(app, `/api/certificates/${certificateId}`)).body.valid, true);

    const exported = (await api(app, '/api/me/export', who)).body.data;
    assert.equal(exported.feedback.answers[0].practice, 'My own reflection on triage');
    assert.equal(exported.cpd.certificates[0].certificateId, certificateId);

    assert.equal((await api(app, '/api/me', { method: 'DELETE', ...who })).status, 204);
    const left = await rowsMentioning(connectionString, app.prefix, [person.id, person.name]);
    assert.deepEqual(left.map((r) => `${r.table}: ${JSON.stringify(r.row).slice(0, 200)}`), []);
    assert.equal((await api(app, `/api/certificates/${certificateId}`)).status, 404, 'an erased person’s certificate no longer verifies');
    assert.deepEqual((await rowsMentioning(connectionString, app.prefix, ['My own reflection on triage'])).length, 0, 'the reflection is gone');
    await app.services.roles.set(organiser, [{ role: 'organiser', hubs: ['north-kent'] }]);
    const results = (await api(app, `/api/events/${eventId}/feedback`, { user: organiser })).body;
    assert.deepEqual([results.attended, results.responses, results.ratingMean, results.comments], [1, 1, 4, [{ useful: 'The NEWS2 cases', improve: 'A longer break' }]], 'the results stay whole, anonymous');
  });
});
