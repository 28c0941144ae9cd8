// Form cards over the Bot Framework protocol: a rule the card cannot check comes back as the same
// card, with the person's values kept and the reason on it (cards/forms.ts) — never an error Teams
// shows out of sight. The same verb sent without the form's mark keeps the contract's 400.
import { strict as assert } from 'node:assert';
import { startTestApp, api, type TestApp } from '../helpers/testApp.js';
import { FakeConnector } from '../helpers/fakeConnector.js';
import { BotClient, cardText, cardVerbs, type TestPerson } from '../helpers/botClient.js';
import { newUserId } from '../helpers/ids.js';
import { actionData } from '../helpers/notices.js';
import type { Channel } from '../../src/domain/channels/channel.js';

type Node = Record<string, any>;
const person = (name: string): TestPerson => ({ id: newUserId(), name });

/** Every input of a card by id. */
function inputs(card: unknown): Map<string, Node> {
  const found = new Map<string, Node>();
  const walk = (n: unknown) => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') {
      const o = n as Node;
      if (typeof o.type === 'string' && o.type.startsWith('Input.') && typeof o.id === 'string') found.set(o.id, o);
      for (const [k, v] of Object.entries(o)) if (k !== 'data') walk(v);
    }
  };
  walk(card);
  return found;
}

const errorLine = (card: unknown) => ((card as Node).body as Node[]).find((b) => b.id === 'formError')?.text as string | undefined;

describe('form cards over the Bot Framework protocol', function () {
  this.timeout(60_000);
  let app: TestApp;
  let connector: FakeConnector;
  let bot: BotClient;
  const admin = person('Ada Coordinator');

  const lastCard = (p: TestPerson, since: number) => bot.cardsTo(p, 'personal', since).at(-1);
  const formFor = async (p: TestPerson, command: string) => {
    const since = connector.sent.length;
    await bot.message(p, command);
    const card = lastCard(p, since);
    assert.ok(card, `a card for "${command}"`);
    return card;
  };

  before(async () => {
    connector = await FakeConnector.start();
    app = await startTestApp({ ADMIN_AAD_OBJECT_IDS: admin.id });
    bot = new BotClient(app.url, connector);
    const channel: Channel = {
      id: 'advanced-practice', name: 'Advanced Practice', shortName: 'anp', purpose: 'Advanced practice.', guidelines: 'Be kind.', hub: 'kent-medway',
      professions: [], leadIds: [admin.id], memberCount: 0, approvalRequired: false, channelType: 'standard',
    };
    await app.services.channels.create(channel);
    await bot.message(admin, 'hello');
    await bot.invoke(admin, 'profile.save', { profession: 'gp', hub: 'west-kent', pcn: 'Malling PCN', organisation: 'West Malling Group Practice' });
  });
  after(async () => {
    await app?.close();
    await connector?.close();
  });

  it('first join: the profile card says PCN is needed, comes back saying so with the values kept, then saving completes the join', async () => {
    const nina = person('Nina Newcomer');
    const card = await formFor(nina, 'join advanced practice');
    assert.deepEqual(cardVerbs(card), ['profile.save']);
    const pcn = inputs(card).get('pcn');
    assert.equal(pcn?.isRequired, true, 'the card asks for the PCN itself');
    assert.match(pcn?.errorMessage ?? '', /PCN/);
    for (const input of inputs(card).values()) if (input.isRequired) assert.ok(input.errorMessage, `${input.id} says what is needed`);

    // A client that skips the card's own check (or an older card): the server's rule.
    const typed = { profession: 'practice-nurse', hub: 'east-kent', pcn: '', organisation: 'Whitstable Medical Practice' };
    const res = await bot.invoke(nina, 'profile.save', actionData(card, 'profile.save', typed));
    assert.equal(res.status, 200);
    assert.ok(res.card, 'the same card comes back');
    assert.deepEqual(cardVerbs(res.card), ['profile.save']);
    assert.match(errorLine(res.card) ?? '', /Primary Care Network/);
    assert.match(cardText(res.card), /Before you join Advanced Practice/, 'the same card: it still says what it is for');
    const back = inputs(res.card);
    assert.equal(back.get('profession')?.value, 'practice-nurse');
    assert.equal(back.get('hub')?.value, 'east-kent');
    assert.equal(back.get('organisation')?.value, 'Whitstable Medical Practice');
    assert.match(back.get('pcn')?.errorMessage ?? '', /Primary Care Network/);
    assert.equal(await app.services.profiles.get(nina.id), null, 'nothing saved');
    assert.equal(await app.services.memberships.getMember('advanced-practice', nina.id), null, 'not joined');

    // From the card that came back, with the PCN filled in: saved, and the join completes.
    const done = await bot.invoke(nina, 'profile.save', actionData(res.card, 'profile.save', { ...typed, pcn: 'Whitstable PCN' }));
    assert.equal(done.status, 200);
    assert.match(cardText(done.card), /Welcome to Advanced Practice/);
    assert.equal((await app.services.profiles.get(nina.id))?.pcn, 'Whitstable PCN');
    assert.ok(await app.services.memberships.getMember('advanced-practice', nina.id), 'joined');
  });

  it('the same verb sent without the form (not from a card) still answers 400 and changes nothing', async () => {
    const olga = person('Olga Other');
    await bot.message(olga, 'hello');
    const res = await bot.invoke(olga, 'profile.save', { profession: 'gp', hub: 'east-kent', pcn: '', organisation: 'y' });
    assert.equal(res.status, 400);
    assert.equal(res.body.type, 'application/vnd.microsoft.error');
    assert.match(res.body.value.message, /Primary Care Network/);
    assert.equal(await app.services.profiles.get(olga.id), null);
  });

  it('propose channel: a name already taken comes back on the form', async () => {
    const card = await formFor(admin, 'propose channel');
    const typed = { name: 'Advanced Practice', purpose: 'A second one', hub: 'west-kent', professions: 'gp', channelType: 'standard', leadIds: '' };
    const res = await bot.invoke(admin, 'channel.propose', actionData(card, 'channel.propose', typed));
    assert.equal(res.status, 200);
    assert.match(errorLine(res.card) ?? '', /already exists/);
    const back = inputs(res.card);
    assert.equal(back.get('purpose')?.value, 'A second one');
    assert.equal(back.get('hub')?.value, 'west-kent');
    assert.equal(back.get('professions')?.value, 'gp');
    assert.match(back.get('name')?.errorMessage ?? '', /already exists/);
  });

  it('create event: an end before the start comes back on the form, with what was typed', async () => {
    const card = await formFor(admin, 'create event');
    const typed = { title: 'Asthma update', description: 'Inhaler technique', category: 'plt', hub: 'west-kent', professions: '', channelId: 'none', date: '2030-03-04', startTime: '14:00', endTime: '13:00', location: 'Oakwood House', onlineMeetingUrl: '', capacity: '30', repeat: 'none' };
    const res = await bot.invoke(admin, 'event.create', actionData(card, 'event.create', typed));
    assert.equal(res.status, 200);
    assert.match(errorLine(res.card) ?? '', /end must be after the start/);
    const back = inputs(res.card);
    assert.equal(back.get('title')?.value, 'Asthma update');
    assert.equal(back.get('startTime')?.value, '14:00');
    assert.equal(back.get('endTime')?.value, '13:00');
    assert.equal(back.get('capacity')?.value, 30);
    assert.match(back.get('endTime')?.errorMessage ?? '', /after the start/);
    assert.equal((await api(app, '/api/events?from=2030-03-01&to=2030-03-10', { user: admin.id })).body.items.length, 0, 'nothing created');
  });

  it('request facilitator: an end before the start comes back on the form', async () => {
    const card = await formFor(admin, 'request facilitator');
    const typed = { channelId: 'advanced-practice', date: '2030-05-06', startTime: '15:00', endTime: '14:00', format: 'observe', topic: 'Frailty', notes: 'Bring cases', continuity: 'false' };
    const res = await bot.invoke(admin, 'facilitation.request', actionData(card, 'facilitation.request', typed));
    assert.equal(res.status, 200);
    assert.match(errorLine(res.card) ?? '', /end must be after the start/);
    const back = inputs(res.card);
    assert.equal(back.get('topic')?.value, 'Frailty');
    assert.equal(back.get('notes')?.value, 'Bring cases');
    assert.equal(back.get('date')?.value, '2030-05-06');
  });

  it('facilitator profile: an availability it cannot read comes back on the form', async () => {
    assert.equal((await api(app, '/api/facilitators', { method: 'POST', user: admin.id, body: { userId: admin.id, hubs: ['west-kent'] } })).status, 201);
    const card = await formFor(admin, 'facilitator');
    const typed = { ...Object.fromEntries([...inputs(card)].map(([id, i]) => [id, i.value ?? ''])), avail_mon: 'mornings', skills: 'Balint groups' };
    const res = await bot.invoke(admin, 'facilitator.save', actionData(card, 'facilitator.save', typed));
    assert.equal(res.status, 200);
    assert.match(errorLine(res.card) ?? '', /mornings/);
    assert.equal(inputs(res.card).get('avail_mon')?.value, 'mornings');
    assert.equal(inputs(res.card).get('skills')?.value, 'Balint groups');
  });
});
