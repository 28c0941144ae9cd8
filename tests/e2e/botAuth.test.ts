// With BOT_ID set, /api/messages accepts only valid Bot Framework tokens (signature against the
// published keys, issuer, audience = our app id, serviceurl claim, expiry). Anything else: 401,
// nothing sent. Replies then go out with a token from the (fake) Entra token endpoint.
import { strict as assert } from 'node:assert';
import { startTestApp, type TestApp } from '../helpers/testApp.js';
import { FakeConnector } from '../helpers/fakeConnector.js';
import { FakeEntra } from '../helpers/fakeEntra.js';
import { BotClient, TEST_TENANT, type TestPerson } from '../helpers/botClient.js';
import { newUserId } from '../helpers/ids.js';

const BOT_ID = '00000000-0000-4000-8000-0000000b0701';

describe('bot authentication (BOT_ID set)', () => {
  let app: TestApp;
  let connector: FakeConnector;
  let entra: FakeEntra;
  let bot: BotClient;
  const person: TestPerson = { id: newUserId(), name: 'Cara Pharmacist' };

  before(async () => {
    connector = await FakeConnector.start();
    entra = await FakeEntra.start();
    app = await startTestApp({
      BOT_ID,
      BOT_PASSWORD: 'test-secret',
      BOT_TENANT_ID: TEST_TENANT,
      BOT_OPENID_METADATA_URL: entra.botMetadataUrl,
      AZURE_AUTHORITY_HOST: entra.url,
    });
    bot = new BotClient(app.url, connector);
  });
  after(async () => {
    await app?.close();
    await connector?.close();
    await entra?.close();
  });

  const helpActivity = () => bot.activity(person, 'personal', { type: 'message', text: 'help' });

  const rejected: [string, () => Promise<string | undefined>][] = [
    ['no token', async () => undefined],
    ['a token signed by an unknown key', () => entra.botToken({ appId: BOT_ID, serviceUrl: connector.url, forged: true })],
    ['an expired token', () => entra.botToken({ appId: BOT_ID, serviceUrl: connector.url, expiresInSeconds: -3600 })],
    ['a token for another bot', () => entra.botToken({ appId: 'someone-elses-bot', serviceUrl: connector.url })],
    ['a token from the wrong issuer', () => entra.botToken({ appId: BOT_ID, serviceUrl: connector.url, issuer: 'https://evil.example.com' })],
    ['a token for another service URL', () => entra.botToken({ appId: BOT_ID, serviceUrl: 'https://smba.example.com/emea/' })],
    ['garbage', async () => 'not.a.jwt'],
  ];
  for (const [what, token] of rejected) {
    it(`answers 401 to ${what} and sends nothing`, async () => {
      const since = connector.sent.length;
      const t = await token();
      const res = await bot.post(helpActivity(), t ? { authorization: `Bearer ${t}` } : { authorization: '' });
      assert.equal(res.status, 401);
      assert.equal(connector.sent.length, since);
    });
  }

  it('answers 401 to a card action with a bad token, and runs nothing', async () => {
    const t = await entra.botToken({ appId: BOT_ID, serviceUrl: connector.url, forged: true });
    const invoke = bot.activity(person, 'personal', {
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'profile.save', data: { profession: 'gp', hub: 'east-kent', pcn: 'x', organisation: 'y' } } },
    });
    const res = await bot.post(invoke, { authorization: `Bearer ${t}` });
    assert.equal(res.status, 401);
    assert.equal(await app.services.profiles.get(person.id), null);
  });

  it('accepts a valid token, and replies with a token from the Entra token endpoint', async () => {
    const since = connector.sent.length;
    const t = await entra.botToken({ appId: BOT_ID, serviceUrl: connector.url });
    const res = await bot.post(helpActivity(), { authorization: `Bearer ${t}` });
    assert.equal(res.status, 200);
    const replies = bot.repliesTo(person, 'personal', since);
    assert.equal(replies.length, 1);
    assert.match(replies[0].authorization ?? '', /^Bearer fake-access-token-/);
    const tokenRequest = entra.tokenRequests.at(-1);
    assert.equal(tokenRequest?.clientId, BOT_ID);
    assert.equal(tokenRequest?.scope, 'https://api.botframework.com/.default');
  });

  it('accepts a valid token on a card action', async () => {
    const t = await entra.botToken({ appId: BOT_ID, serviceUrl: connector.url });
    const invoke = bot.activity(person, 'personal', { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'nope' } } });
    const res = await bot.post(invoke, { authorization: `Bearer ${t}` });
    assert.equal(res.status, 400);
    assert.equal(res.body.type, 'application/vnd.microsoft.error');
  });
});
