// Reaching people where they work, over the Bot Framework protocol: the message extension's search
// (composeExtension/query) for events and channels with date and hub words, the cards it inserts
// working in a group chat (Action.Execute, per-person refresh), link unfurling
// (composeExtension/queryLink) and the people typeahead of cards (application/search).
import { strict as assert } from 'node:assert';
import { startTestApp, type TestApp } from '../helpers/testApp.js';
import { FakeConnector } from '../helpers/fakeConnector.js';
import { BotClient, cardText, cardVerbs, type TestPerson } from '../helpers/botClient.js';
import { newUserId } from '../helpers/ids.js';
import { RecordingNotifier } from '../helpers/recordingNotifier.js';
import { RecordingScheduler, TestClock } from '../helpers/events.js';
import { DEMO_CHANNELS } from '../../src/seed/channels.js';

const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';

describe('message extension, link unfurling and card typeahead (Bot Framework protocol)', function () {
  this.timeout(60_000);
  let app: TestApp;
  let connector: FakeConnector;
  let bot: BotClient;
  const notifier = new RecordingNotifier();
  // Friday 15 January 2027: "this week" ends on Sunday the 17th, "next month" is February.
  const clock = new TestClock(new Date('2027-01-15T10:00:00Z'));
  const organiser: TestPerson = { id: newUserId(), name: 'Olivia Organiser' };
  const ann: TestPerson = { id: newUserId(), name: 'Ann Nurse' };
  const annabel: TestPerson = { id: newUserId(), name: 'Annabel Pharmacist' };
  const guest: TestPerson = { id: newUserId(), name: 'Gus Guest', userRole: 'guest' };
  const ids: Record<string, string> = {};

  const form = (overrides: Record<string, unknown>) => ({
    description: 'Practical session.',
    category: 'plt',
    professions: '',
    channelId: '',
    startTime: '13:30',
    endTime: '16:30',
    location: 'Oakwood House, Maidstone',
    onlineMeetingUrl: '',
    capacity: '10',
    repeat: 'none',
    ...overrides,
  });

  async function createEvent(key: string, overrides: Record<string, unknown>): Promise<void> {
    const res = await bot.invoke(organiser, 'event.create', form(overrides));
    assert.equal(res.status, 200, JSON.stringify(res.body).slice(0, 300));
    ids[key] = JSON.stringify(res.card).match(/"eventId":"([^"]+)"/)![1];
  }

  const titles = (res: { body: any }) => res.body.composeExtension.attachments.map((a: any) => a.preview.content.title as string).sort();

  before(async () => {
    connector = await FakeConnector.start();
    app = await startTestApp(
      { ADMIN_AAD_OBJECT_IDS: organiser.id, PUBLIC_URL: 'https://cafe.example.org' },
      { wrapNotifier: (queued) => notifier.wrap(queued), scheduler: () => new RecordingScheduler(), clock },
    );
    bot = new BotClient(app.url, connector);
    for (const c of DEMO_CHANNELS.slice(0, 3)) await app.services.channels.create({ ...c, memberCount: 0 });
    await createEvent('footWest', { title: 'Diabetes foot checks', hub: 'west-kent', date: '2027-02-03', channelId: 'practice-nursing' });
    await createEvent('pregnancyEast', { title: 'Diabetes in pregnancy', hub: 'east-kent', date: '2027-02-10', location: 'Canterbury' });
    await createEvent('asthmaWeek', { title: 'Asthma update', hub: 'west-kent', date: '2027-01-16', category: 'webinar' });
    await createEvent('sepsisAll', { title: 'Sepsis and diabetes emergencies', hub: 'kent-medway', date: '2027-02-20', professions: 'paramedic' });
    await createEvent('march', { title: 'Frailty', hub: 'north-kent', date: '2027-03-04' });
    for (const p of [ann, annabel, guest]) await bot.message(p, 'hello');
    await app.services.profiles.save({ userId: ann.id, name: ann.name, guest: false, profession: 'practice-nurse', hub: 'west-kent', pcn: 'Maidstone PCN', organisation: 'Oakwood Surgery', updatedAt: clock.now() });
  });
  after(async () => {
    await app?.close();
    await connector?.close();
    assert.deepEqual(notifier.cardProblems, []);
  });

  describe('composeExtension/query: events', () => {
    it('answers the initial run with upcoming events, each its card (sign-up button, refresh) and a thumbnail preview', async () => {
      const res = await bot.extensionQuery(ann, 'events', '', { initialRun: true });
      assert.equal(res.status, 200);
      assert.equal(res.body.composeExtension.type, 'result');
      assert.equal(res.body.composeExtension.attachmentLayout, 'list');
      assert.deepEqual(titles(res), ['Asthma update', 'Diabetes foot checks', 'Diabetes in pregnancy', 'Frailty', 'Sepsis and diabetes emergencies']);
      for (const a of res.body.composeExtension.attachments) {
        assert.equal(a.contentType, ADAPTIVE);
        assert.equal(a.preview.contentType, 'application/vnd.microsoft.card.thumbnail');
        assert.ok(a.preview.content.subtitle);
        assert.deepEqual(cardVerbs({ body: a.content.body, actions: a.content.actions }), ['event.signup'], 'one working button');
        assert.equal(a.content.refresh.action.verb, 'event.refresh');
        assert.equal(a.content.refresh.userIds, undefined, 'every viewer in the chat gets their own state');
        assert.doesNotMatch(cardText(a.content), /You’re booked|Organiser tools/);
      }
    });

    it('understands "diabetes west kent next month": words, hub and month together', async () => {
      const res = await bot.extensionQuery(ann, 'events', 'diabetes west kent next month');
      // The Kent & Medway-wide event concerns West Kent too; East Kent's does not.
      assert.deepEqual(titles(res), ['Diabetes foot checks', 'Sepsis and diabetes emergencies']);
    });

    it('understands this week, month names, categories, professions, channels and locations', async () => {
      assert.deepEqual(titles(await bot.extensionQuery(ann, 'events', 'this week')), ['Asthma update']);
      assert.deepEqual(titles(await bot.extensionQuery(ann, 'events', 'events in March')), ['Frailty']);
      assert.deepEqual(titles(await bot.extensionQuery(ann, 'events', 'webinar')), ['Asthma update']);
      assert.deepEqual(titles(await bot.extensionQuery(ann, 'events', 'paramedic february')), ['Sepsis and diabetes emergencies']);
      assert.deepEqual(titles(await bot.extensionQuery(ann, 'events', 'practice nursing')), ['Diabetes foot checks'], 'by channel name');
      assert.deepEqual(titles(await bot.extensionQuery(ann, 'events', 'canterbury')), ['Diabetes in pregnancy'], 'by location');
      assert.deepEqual(titles(await bot.extensionQuery(ann, 'events', 'east kent')), ['Diabetes in pregnancy', 'Sepsis and diabetes emergencies']);
      assert.deepEqual(titles(await bot.extensionQuery(ann, 'events', 'zebra')), []);
    });

    it('pages with skip and count', async () => {
      const first = await bot.extensionQuery(ann, 'events', '', { count: 2 });
      const second = await bot.extensionQuery(ann, 'events', '', { count: 2, skip: 2 });
      assert.equal(first.body.composeExtension.attachments.length, 2);
      assert.equal(second.body.composeExtension.attachments.length, 2);
      assert.equal(new Set([...titles(first), ...titles(second)]).size, 4);
    });

    it('answers bad and huge queries with an empty list or a clear message, never an error', async () => {
      const huge = await bot.extensionQuery(ann, 'events', 'diabetes '.repeat(40));
      assert.equal(huge.status, 200);
      assert.equal(huge.body.composeExtension.type, 'message');
      assert.match(huge.body.composeExtension.text, /at most 200 characters/);
      for (const query of [{ $ne: '' }, 42, ['x'], '${title}', '\u0000\u0001', '((((']) {
        const res = await bot.extensionQuery(ann, 'events', query);
        assert.equal(res.status, 200, JSON.stringify(query));
        assert.equal(res.body.composeExtension.type, 'result');
      }
      const unknown = await bot.extensionQuery(ann, 'delete-everything', 'x');
      assert.deepEqual(unknown.body.composeExtension.attachments, []);
      // Garbage paging is read as the defaults.
      const paging = await bot.extensionQuery(ann, 'events', '', { skip: -5, count: 10_000 });
      assert.equal(paging.body.composeExtension.attachments.length, 5);
    });

    it('never lists cancelled events', async () => {
      await createEvent('cancelled', { title: 'Diabetes retired session', hub: 'west-kent', date: '2027-02-05' });
      const cancel = await bot.invoke(organiser, 'event.organiser.cancel', { eventId: ids.cancelled, reason: 'No room' });
      assert.equal(cancel.status, 200);
      assert.ok(!titles(await bot.extensionQuery(ann, 'events', 'diabetes')).includes('Diabetes retired session'));
    });

    it('the inserted card works in a group chat: sign up, and each person sees their own state on refresh', async () => {
      const res = await bot.extensionQuery(ann, 'events', 'asthma');
      const card = res.body.composeExtension.attachments[0].content;
      const signup = card.actions.find((a: any) => a.verb === 'event.signup');
      const booked = await bot.invoke(ann, 'event.signup', signup.data, 'groupChat');
      assert.equal(booked.status, 200);
      assert.match(cardText(booked.card), /You’re booked/);
      assert.equal(await app.services.events.view({ id: ann.id, name: ann.name, guest: false, roles: [] } as never, ids.asthmaWeek).then((v) => v.myStatus), 'booked');
      const annSees = await bot.invoke(ann, 'event.refresh', card.refresh.action.data, 'groupChat');
      assert.match(cardText(annSees.card), /You’re booked/);
      const annabelSees = await bot.invoke(annabel, 'event.refresh', card.refresh.action.data, 'groupChat');
      assert.doesNotMatch(cardText(annabelSees.card), /You’re booked/);
      assert.deepEqual(cardVerbs({ actions: annabelSees.card!.actions }), ['event.signup']);
    });
  });

  describe('composeExtension/query: channels', () => {
    it('finds channels by name, profession and purpose, each a card with Join and a per-person refresh', async () => {
      const res = await bot.extensionQuery(ann, 'channels', 'nurse');
      assert.equal(res.status, 200);
      const names = titles(res);
      assert.ok(names.includes('Practice Nursing'), names.join(', '));
      const a = res.body.composeExtension.attachments.find((x: any) => x.preview.content.title === 'Practice Nursing');
      assert.equal(a.contentType, ADAPTIVE);
      assert.deepEqual(cardVerbs({ body: a.content.body, actions: a.content.actions }), ['channel.join']);
      assert.equal(a.content.refresh.action.verb, 'channel.refresh');
      const all = await bot.extensionQuery(ann, 'channels', '', { initialRun: true });
      assert.equal(all.body.composeExtension.attachments.length, 3);
      assert.deepEqual(titles(await bot.extensionQuery(ann, 'channels', 'zebra')), []);
    });

    it('joining from the card in a group chat answers with that person’s card; refresh shows each their own', async () => {
      const res = await bot.extensionQuery(ann, 'channels', 'practice nursing');
      const card = res.body.composeExtension.attachments[0].content;
      const join = card.actions.find((x: any) => x.verb === 'channel.join');
      const joined = await bot.invoke(ann, 'channel.join', join.data, 'groupChat');
      assert.equal(joined.status, 200, JSON.stringify(joined.body).slice(0, 300));
      assert.match(cardText(joined.card), /You joined Practice Nursing/);
      assert.deepEqual(cardVerbs({ actions: joined.card!.actions }), ['channel.leave']);
      assert.ok(await app.services.memberships.getMember('practice-nursing', ann.id));
      const annabelSees = await bot.invoke(annabel, 'channel.refresh', card.refresh.action.data, 'groupChat');
      assert.deepEqual(cardVerbs({ actions: annabelSees.card!.actions }), ['channel.join']);
      const annSees = await bot.invoke(ann, 'channel.refresh', card.refresh.action.data, 'groupChat');
      assert.match(cardText(annSees.card), /You are a member/);
      const unknown = await bot.invoke(ann, 'channel.refresh', { channelId: 'no-such-channel' }, 'groupChat');
      assert.equal(unknown.status, 400);
    });
  });

  describe('composeExtension/queryLink', () => {
    it('unfurls a pasted /tab/events/{id} link into that event’s card', async () => {
      const res = await bot.queryLink(ann, `https://cafe.example.org/tab/events/${ids.footWest}`);
      assert.equal(res.status, 200);
      const [a] = res.body.composeExtension.attachments;
      assert.equal(res.body.composeExtension.attachments.length, 1);
      assert.equal(a.contentType, ADAPTIVE);
      assert.equal(a.preview.content.title, 'Diabetes foot checks');
      assert.match(cardText(a.content), /Diabetes foot checks/);
      assert.equal(a.content.refresh.action.data.eventId, ids.footWest);
      assert.deepEqual(cardVerbs({ actions: a.content.actions }), ['event.signup']);
    });

    it('leaves other links alone: unknown ids, other hosts, other paths, garbage', async () => {
      for (const url of [
        'https://cafe.example.org/tab/events/e0123456789abcdef',
        `https://evil.example.com/tab/events/${ids.footWest}`,
        `https://cafe.example.org/tab/channels/${ids.footWest}`,
        'not a url',
        42,
        `https://cafe.example.org/tab/events/${'x'.repeat(5000)}`,
      ]) {
        const res = await bot.queryLink(ann, url);
        assert.equal(res.status, 200, String(url).slice(0, 60));
        assert.deepEqual(res.body.composeExtension.attachments, [], String(url).slice(0, 60));
      }
    });
  });

  describe('application/search (people typeahead in cards)', () => {
    it('answers coordinators and organisers with people by name, as title and Entra id', async () => {
      const res = await bot.search(organiser, 'ann');
      assert.equal(res.status, 200);
      assert.equal(res.body.statusCode, 200);
      assert.equal(res.body.type, 'application/vnd.microsoft.search.searchResponse');
      const results = res.body.value.results as { title: string; value: string }[];
      assert.deepEqual(results.map((r) => r.value).sort(), [ann.id, annabel.id].sort());
      assert.ok(results.some((r) => r.title === 'Ann Nurse — Practice nurse, West Kent'), JSON.stringify(results));
      const paged = await bot.search(organiser, 'ann', 'people', { skip: 1, top: 1 });
      assert.equal(paged.body.value.results.length, 1);
    });

    it('the propose-channel card chooses its leads by name through the typeahead, and the proposal names them', async () => {
      const since = connector.sent.length;
      await bot.message(ann, 'propose channel');
      const [form] = bot.cardsTo(ann, 'personal', since);
      const leads = (form.body as any[]).find((e) => e.id === 'leadIds');
      assert.equal(leads.type, 'Input.ChoiceSet');
      assert.equal(leads.style, 'filtered');
      assert.equal(leads.isMultiSelect, true);
      assert.deepEqual(leads['choices.data'], { type: 'Data.Query', dataset: 'people' });
      assert.doesNotMatch(cardText(form), /object id/i);
      // Teams submits a multi-select as the chosen values, comma-separated.
      const values = { name: 'Menopause Care', purpose: 'Menopause care in general practice.', hub: 'west-kent', professions: '', channelType: 'standard', leadIds: `${annabel.id},${organiser.id}` };
      const sent = await bot.invoke(ann, 'channel.propose', values);
      assert.equal(sent.status, 200, JSON.stringify(sent.body).slice(0, 300));
      const review = notifier.sent.find((n) => n.userId === organiser.id && /Menopause Care/.test(n.message.text));
      assert.ok(review, 'the coordinator is asked');
      assert.match(cardText(review.message.card), /Annabel Pharmacist/);
    });

    it('gives everyone else, unknown datasets and bad queries an empty list', async () => {
      for (const [who, q, dataset] of [
        [ann, 'ann', 'people'],
        [guest, 'ann', 'people'],
        [organiser, 'ann', 'secrets'],
        [organiser, 'x'.repeat(500), 'people'],
        [organiser, { $regex: '.*' }, 'people'],
        [organiser, '', 'people'],
      ] as const) {
        const res = await bot.search(who, q, dataset);
        assert.equal(res.status, 200);
        assert.deepEqual(res.body.value.results, [], `${who.name} ${String(q).slice(0, 20)} ${dataset}`);
      }
    });
  });
});
