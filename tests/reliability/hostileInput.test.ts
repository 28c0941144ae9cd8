// Hostile input: random and adversarial chat text, card action payloads, API bodies and query
// strings. Whatever arrives: no 500, no crash, a message a person can read, and — for input that
// cannot be valid — no change to any table. Sizes grow with FUZZ_RUNS (npm run soak).
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { startTestApp, api, type TestApp } from '../helpers/testApp.js';
import { FakeConnector } from '../helpers/fakeConnector.js';
import { BotClient, type TestPerson } from '../helpers/botClient.js';
import { newUserId } from '../helpers/ids.js';
import { changedRows, settledSnapshot, snapshotRows } from '../helpers/tableScan.js';
import { sharedAzurite } from '../helpers/rootHooks.js';
import { ALL_VERBS } from '../../src/cards/verbs.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);

/** Write actions that take no data: any payload is a valid request for them. */
const NO_DATA_WRITES: string[] = ['privacy.forget.confirm', 'calendar.reset', 'calendar.revoke'];

// Strings people (or attackers) send: unicode, control characters, OData and HTML injection, huge.
const nasty = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom(
    "' or PartitionKey ne '",
    "x' or RowKey gt '",
    '"; DROP TABLE Profiles; --',
    '<script>alert(1)</script>',
    '<at>Virtual Café</at> help',
    '${1+1}',
    '{{constructor.constructor("return process")()}}',
    '__proto__',
    '../../etc/passwd',
    '%00',
    '\u202e\u0000\uffff',
    '𝕍𝕚𝕣𝕥𝕦𝕒𝕝 ℂ𝕒𝕗é 🫖',
  ),
  fc.string({ minLength: 5000, maxLength: 20_000 }),
);

const nastyValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    nasty,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('__proto__', 'constructor', 'prototype', 'eventId', 'channelId', 'requestId')), tie('value'), { maxKeys: 6 }),
  ),
})).value;

describe('hostile input', function () {
  this.timeout(300_000);
  let app: TestApp;
  let connector: FakeConnector;
  let bot: BotClient;
  let connectionString: string;
  const person: TestPerson = { id: newUserId(), name: 'Fuzz Tester' };

  before(async () => {
    connector = await FakeConnector.start();
    app = await startTestApp({ SEED_DEMO: 'true' });
    bot = new BotClient(app.url, connector);
    connectionString = (await sharedAzurite()).connectionString;
    await bot.message(person, 'help'); // the person exists, with a conversation reference
  });
  after(async () => {
    await app?.close();
    await connector?.close();
  });

  const snapshot = () => snapshotRows(connectionString, app.prefix);

  it('answers any chat text with a reply and never an error', async () => {
    await fc.assert(
      fc.asyncProperty(nasty, async (text) => {
        const since = connector.sent.length;
        const res = await bot.message(person, text, 'personal');
        if (text.length > 20_000) assert.equal(res.status, 400);
        else {
          assert.equal(res.status, 200);
          const replies = bot.repliesTo(person, 'personal', since);
          assert.ok(replies.length >= 1, 'a reply');
          for (const r of replies) assert.doesNotMatch(String(r.activity.text ?? ''), /something went wrong/i);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('answers any card action payload with a readable 4xx or a card, never 500, for every verb', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ALL_VERBS, 'no.such.verb', ''), nastyValue, async (verb, data) => {
        const res = await bot.invoke(person, verb, data);
        assert.ok(res.status < 500 || res.status === 503, `verb ${verb} answered ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
        if (res.status >= 400) {
          assert.equal(res.body.type, 'application/vnd.microsoft.error');
          assert.equal(typeof res.body.value.message, 'string');
          assert.ok(res.body.value.message.length > 0);
        }
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('changes nothing for card payloads of the wrong types', async () => {
    const before = await settledSnapshot(connectionString, app.prefix);
    const wrongTypes = fc.oneof(fc.integer(), fc.array(fc.integer(), { maxLength: 3 }), fc.constant(null), fc.boolean(), fc.double());
    await fc.assert(
      // Verbs that need no data at all (erase me, new calendar link…) are left out: {} is valid for them.
      fc.asyncProperty(fc.constantFrom(...ALL_VERBS.filter((v) => !NO_DATA_WRITES.includes(v))), fc.dictionary(fc.constantFrom('eventId', 'channelId', 'requestId', 'offerId', 'proposalId', 'profession', 'hub', 'pcn', 'organisation', 'title', 'start', 'end', 'capacity', 'attended', 'name', 'purpose', '__proto__'), wrongTypes, { maxKeys: 5 }), async (verb, data) => {
        const res = await bot.invoke(person, verb, data);
        // Read-only verbs (a directory page, a refresh) may answer with a card; nothing may change.
        assert.ok(res.status < 500, `verb ${verb} with ${JSON.stringify(data)} answered ${res.status}`);
      }),
      { numRuns: RUNS * 2 },
    );
    assert.deepEqual(changedRows(before, await snapshot()), [], 'no table changed');
  });

  it('answers hostile API bodies and query strings with 4xx JSON errors, never 500', async () => {
    const routes: { method: string; path: string }[] = [
      { method: 'GET', path: '/api/me' },
      { method: 'PUT', path: '/api/me/profile' },
      { method: 'PUT', path: `/api/users/${newUserId()}/roles` },
      { method: 'GET', path: '/api/channels' },
      { method: 'GET', path: '/api/events' },
      { method: 'POST', path: '/api/events' },
      { method: 'GET', path: '/api/facilitation-requests' },
      { method: 'POST', path: '/api/facilitation-requests' },
      { method: 'GET', path: '/api/health' },
      { method: 'GET', path: '/api/me/notification-settings' },
      { method: 'PUT', path: '/api/me/notification-settings' },
      { method: 'GET', path: '/api/notifications/summary' },
      { method: 'POST', path: '/api/events/demo-asthma-copd-update/feedback' },
      { method: 'GET', path: '/api/events/demo-asthma-copd-update/feedback' },
      { method: 'GET', path: '/api/events/demo-asthma-copd-update/feedback/me' },
      { method: 'GET', path: '/api/series/demo-mindfulness/feedback' },
      { method: 'GET', path: '/api/me/cpd' },
      { method: 'GET', path: '/api/me/certificates/VC-000000-000000-000000-000000.pdf' },
      { method: 'GET', path: '/api/certificates/VC-000000-000000-000000-000000' },
      { method: 'GET', path: '/api/hubs/east-kent/insights' },
      { method: 'GET', path: '/api/people' },
      { method: 'GET', path: '/api/roles' },
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), nastyValue, fc.dictionary(fc.string({ maxLength: 10 }), nasty, { maxKeys: 4 }), async (route, body, query) => {
        const qs = new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v).slice(0, 1500)])).toString();
        const res = await api(app, `${route.path}${qs ? `?${qs}` : ''}`, { method: route.method, user: person.id, body: route.method === 'GET' ? undefined : body === undefined ? null : body });
        assert.ok(res.status < 500 || res.status === 503, `${route.method} ${route.path} answered ${res.status}: ${res.text.slice(0, 200)}`);
        if (res.status >= 400) {
          assert.equal(typeof res.body?.error?.message, 'string', res.text.slice(0, 200));
        }
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('refuses array and nested query parameters and unusable identities', async () => {
    assert.equal((await api(app, '/api/events?hub=a&hub=b', { user: person.id })).status < 500, true);
    assert.equal((await api(app, '/api/me?a[b]=1', { user: person.id })).status < 500, true);
    for (const id of ['', ' ', 'a/b', 'x#y', 'q?', '\\', 'x'.repeat(200)]) {
      const res = await api(app, '/api/me', { user: id });
      assert.equal(res.status, 401, JSON.stringify(id));
    }
  });

  it('is still healthy afterwards', async () => {
    const res = await api(app, '/api/health');
    assert.equal(res.status, 200);
  });
});
