// The bot over the Bot Framework protocol: activities POSTed to /api/messages as Teams sends them,
// replies captured by a local fake Bot Connector.
import { strict as assert } from 'node:assert';
import { startTestApp, type TestApp } from '../helpers/testApp.js';
import { FakeConnector } from '../helpers/fakeConnector.js';
import { BotClient, cardText, cardVerbs, type TestPerson } from '../helpers/botClient.js';
import { newUserId } from '../helpers/ids.js';

describe('bot over the Bot Framework protocol', () => {
  let app: TestApp;
  let connector: FakeConnector;
  let bot: BotClient;
  const alice: TestPerson = { id: newUserId(), name: 'Alice Nurse' };

  before(async () => {
    connector = await FakeConnector.start();
    app = await startTestApp();
    bot = new BotClient(app.url, connector);
  });
  after(async () => {
    await app?.close();
    await connector?.close();
  });

  for (const scope of ['personal', 'groupChat', 'channel'] as const) {
    it(`answers "help" with the help card in ${scope} scope`, async () => {
      const since = connector.sent.length;
      const res = await bot.message(alice, scope === 'personal' ? 'help' : '  HELP ', scope);
      assert.equal(res.status, 200);
      const replies = bot.repliesTo(alice, scope, since);
      assert.equal(replies.length, 1, 'one reply');
      const card = replies[0].activity.attachments?.[0];
      assert.equal(card?.contentType, 'application/vnd.microsoft.card.adaptive');
      const text = cardText(card?.content);
      assert.match(text, /Virtual Café/);
      assert.match(text, /profile/);
      assert.ok(replies[0].activity.summary, 'plain-text summary for notifications');
    });
  }

  it('answers unknown text with help naming the nearest command', async () => {
    const since = connector.sent.length;
    await bot.message(alice, 'profle');
    const [card] = bot.cardsTo(alice, 'personal', since);
    assert.match(cardText(card), /Did you mean “profile”\?/);
  });

  it('answers an invoke with an unknown verb with a 400 error response', async () => {
    const since = connector.sent.length;
    const res = await bot.invoke(alice, 'no.such.verb', { x: 1 });
    assert.equal(res.status, 400);
    assert.equal(res.body.statusCode, 400);
    assert.equal(res.body.type, 'application/vnd.microsoft.error');
    assert.match(res.body.value.message, /don’t know the action/);
    assert.equal(connector.sent.length, since, 'nothing sent');
  });

  it('answers an adaptiveCard/action without an action with 400, and a non-Execute action with 400', async () => {
    const base = bot.activity(alice, 'personal', { type: 'invoke', name: 'adaptiveCard/action', value: {} });
    const res = await bot.post(base);
    assert.equal(res.status, 400);
    assert.equal(res.body.type, 'application/vnd.microsoft.error');
    const submit = bot.activity(alice, 'personal', { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Submit', verb: 'profile.save' } } });
    assert.equal((await bot.post(submit)).status, 400);
  });

  it('answers invoke names it does not handle with 501', async () => {
    const res = await bot.post(bot.activity(alice, 'personal', { type: 'invoke', name: 'composeExtension/unknownThing', value: {} }));
    assert.equal(res.status, 501);
  });

  it('answers malformed bodies with 400, never 500', async () => {
    assert.equal((await bot.post('{not json')).status, 400);
    assert.equal((await bot.post('[]')).status, 400);
    assert.equal((await bot.post({ type: 'message' })).status, 400);
    const noService = bot.activity(alice, 'personal', { type: 'message', text: 'help' });
    delete noService.serviceUrl;
    assert.equal((await bot.post(noService)).status, 400);
    const weird = bot.activity(alice, 'personal', { type: 'message', text: { a: 1 } });
    assert.equal((await bot.post(weird)).status, 400);
  });

  it('shows the profile card and saves a valid profile from it', async () => {
    const since = connector.sent.length;
    await bot.message(alice, 'profile');
    const [card] = bot.cardsTo(alice, 'personal', since);
    assert.deepEqual(cardVerbs(card), ['profile.save']);
    const res = await bot.invoke(alice, 'profile.save', { profession: 'practice-nurse', hub: 'east-kent', pcn: 'Whitstable PCN', organisation: 'Whitstable Medical Practice' });
    assert.equal(res.status, 200);
    assert.match(cardText(res.card), /Saved/);
    const stored = await app.services.profiles.get(alice.id);
    assert.equal(stored?.profession, 'practice-nurse');
    assert.equal(stored?.hub, 'east-kent');
  });

  it('refuses a malformed profile with 400 and changes nothing', async () => {
    const before = await app.services.profiles.get(alice.id);
    for (const data of [
      { profession: 'astronaut', hub: 'east-kent', pcn: 'x', organisation: 'y' },
      { profession: 'gp', hub: 'mars', pcn: 'x', organisation: 'y' },
      { profession: 'gp', hub: 'east-kent', pcn: { $ne: 1 }, organisation: 'y' },
      { profession: 'gp', hub: 'east-kent', pcn: 'x'.repeat(500), organisation: 'y' },
    ]) {
      const res = await bot.invoke(alice, 'profile.save', data);
      assert.equal(res.status, 400, JSON.stringify(data).slice(0, 80));
      assert.equal(res.body.type, 'application/vnd.microsoft.error');
    }
    assert.deepEqual(await app.services.profiles.get(alice.id), before);
  });

  it('runs a command from a help-card button', async () => {
    const since = connector.sent.length;
    const res = await bot.invoke(alice, 'command.run', { command: 'profile' });
    assert.equal(res.status, 200);
    assert.ok(res.card, 'the help card comes back');
    assert.equal(bot.cardsTo(alice, 'personal', since).length, 1, 'the profile card arrives as a message');
  });

  it('saves conversation references on install and on first message', async () => {
    const bob: TestPerson = { id: newUserId(), name: 'Bob Para' };
    await bot.post(bot.activity(bob, 'personal', { type: 'installationUpdate', action: 'add' }));
    const personal = await app.services.conversations.getPersonal(bob.id);
    assert.equal((personal?.conversation as { id: string }).id, bot.conversationId(bob, 'personal'));
    assert.equal(personal?.serviceUrl, connector.url);
    await bot.message(bob, 'help', 'channel');
    const channel = await app.services.conversations.getConversation(bot.conversationId(bob, 'channel'));
    assert.ok(channel, 'channel reference saved');
  });
});
