// Facilitator matching over the Bot Framework protocol: a lead requests from a card, the best free
// facilitator gets a 1:1 offer card, accepts or declines; offers cascade, expire and escalate;
// accept is first-wins; only the lead may request and only the offered person may answer.
import { strict as assert } from 'node:assert';
import { startTestApp, api, type TestApp } from '../helpers/testApp.js';
import { FakeConnector } from '../helpers/fakeConnector.js';
import { BotClient, cardText, cardVerbs, type TestPerson } from '../helpers/botClient.js';
import { FacilitationRecorder } from '../helpers/facilitationNotifier.js';
import { actionData, addFacilitator, calendarLink, fetchCalendar, greet, londonSession, makeChannel, person } from '../helpers/facilitation.js';
import type { Channel } from '../../src/domain/channels/channel.js';
import sinon from 'sinon';

const TUESDAY = 2;
const everyWeekday = (from: string, to: string) => Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [`avail_${d}`, `${from}-${to}`]));

describe('facilitation over the Bot Framework protocol', function () {
  this.timeout(60_000);
  let app: TestApp;
  let connector: FakeConnector;
  let bot: BotClient;
  let recorder: FacilitationRecorder;
  let channel: Channel;
  const lead = person('Leah Lead');
  const coordinator = person('Cora Coordinator');
  const admin = person('Ada Admin');
  const fran = person('Fran Match');
  const gus = person('Gus Second');
  const hal = person('Hal Wednesday');
  const outsider = person('Olly Outsider');

  /**
   * The offer card for `requestId` sent to `who`, with its action data, once it has arrived at the
   * fake Bot Connector (notices go through the queued notifier, so they arrive moments later).
   */
  const offerTo = async (who: TestPerson, requestId: string) => {
    const find = () => {
      const cards = bot.cardsTo(who).filter((c) => cardVerbs(c).includes('facilitation.offer.accept') && actionData(c, 'facilitation.offer.accept')?.requestId === requestId);
      const card = cards[cards.length - 1];
      return card ? { card, data: actionData(card, 'facilitation.offer.accept') as { requestId: string; offerId: string } } : undefined;
    };
    await connector.waitFor(() => find() !== undefined, 10_000);
    return find()!;
  };

  const requestSession = async (weeksAhead: number, extra: Record<string, unknown> = {}) => {
    const s = londonSession(TUESDAY, '14:00', '16:00', weeksAhead);
    const res = await bot.invoke(lead, 'facilitation.request', { channelId: channel.id, start: s.start, end: s.end, format: 'observe', topic: 'Frailty reviews', notes: 'Small group', ...extra });
    assert.equal(res.status, 200, JSON.stringify(res.body).slice(0, 300));
    const requestId = actionData(res.card, 'facilitation.request.cancel')?.requestId as string;
    assert.ok(requestId, 'the answer card carries the request');
    return { res, requestId, session: s };
  };

  const stored = async (id: string) => (await api(app, `/api/facilitation-requests/${id}`, { user: coordinator.id })).body;

  before(async () => {
    connector = await FakeConnector.start();
    recorder = new FacilitationRecorder();
    app = await startTestApp({ ADMIN_AAD_OBJECT_IDS: `${admin.id},${coordinator.id}:west-kent` }, { wrapNotifier: (queued) => recorder.wrap(queued) });
    bot = new BotClient(app.url, connector);
    channel = await makeChannel(app, [lead.id], { name: 'Practice Nursing Test', professions: ['practice-nurse'] });
    await greet(bot, lead, coordinator, fran, gus, hal, outsider);
    await addFacilitator(app, admin.id, fran, { skills: ['practice-nurse', 'frailty'], formats: ['observe', 'co-facilitate'], availability: [{ day: 'tue', from: '09:00', to: '17:00' }], maxPerMonth: 10 });
    await addFacilitator(app, admin.id, gus, { skills: ['paramedic'], formats: ['observe', 'coach'], availability: [{ day: 'tue', from: '13:00', to: '17:00' }], maxPerMonth: 10 }, ['east-kent']);
    await addFacilitator(app, admin.id, hal, { skills: [], formats: ['observe'], availability: [{ day: 'wed', from: '09:00', to: '17:00' }], maxPerMonth: 10 });
  });
  after(async () => {
    await app?.close();
    await connector?.close();
  });

  it('request → offer to the best free facilitator → accept: both confirmed with a calendar invite', async () => {
    const since = connector.sent.length;
    const { res, requestId } = await requestSession(2);
    assert.match(cardText(res.card), /Request sent/);
    assert.match(cardText(res.card), /offered to Fran Match until/);
    assert.match(cardText(res.card), /Why Fran Match/);
    assert.match(cardText(res.card), /free Tue 14:00–16:00/);

    const offer = await offerTo(fran, requestId);
    assert.ok(offer, 'Fran got a 1:1 offer card');
    assert.equal(offer.data.requestId, requestId);
    assert.match(cardText(offer.card), /Practice Nursing Test/);
    assert.match(cardText(offer.card), /Leah Lead/);
    assert.deepEqual(cardVerbs(offer.card).sort(), ['facilitation.offer.accept', 'facilitation.offer.decline']);
    assert.equal(bot.cardsTo(gus, 'personal', since).length, 0, 'one facilitator at a time');
    const offerNotice = recorder.notices.find((n) => n.key === `facilitation-offer:${requestId}:${offer.data.offerId}`);
    assert.equal(offerNotice?.kind, 'facilitation');
    assert.equal(offerNotice?.userId, fran.id);
    assert.ok(await app.background.jobStore.get(`facilitation-offer-expiry:${requestId}:${offer.data.offerId}`), 'expiry job scheduled');

    const accepted = await bot.invoke(fran, 'facilitation.offer.accept', offer.data);
    assert.equal(accepted.status, 200);
    assert.match(cardText(accepted.card), /You are confirmed/);
    assert.ok(cardVerbs(accepted.card).includes('facilitation.withdraw'));
    const franLink = calendarLink(accepted.card);
    assert.ok(franLink, 'an Add to calendar link');
    assert.equal(await app.background.jobStore.get(`facilitation-offer-expiry:${requestId}:${offer.data.offerId}`), null, 'expiry job cancelled');

    const leadNotice = await recorder.waitFor((n) => n.key === `facilitation-confirmed:${requestId}:${offer.data.offerId}:lead`);
    assert.equal(leadNotice.userId, lead.id);
    await connector.waitFor(() => bot.cardsTo(lead).some((c) => /Your facilitator is confirmed/.test(cardText(c))));
    const leadCard = bot.cardsTo(lead).find((c) => /Your facilitator is confirmed/.test(cardText(c)))!;
    const leadLink = calendarLink(leadCard);
    assert.ok(leadLink && leadLink !== franLink, 'the lead has their own link');
    assert.match(leadLink, /\/api\/calendar\/facilitation\/[A-Za-z0-9_-]{43}\.ics$/);

    const ics = await fetchCalendar(app, franLink);
    assert.equal(ics.status, 200);
    assert.match(ics.type ?? '', /text\/calendar/);
    assert.match(ics.text, /METHOD:REQUEST/);
    assert.match(ics.text, /SEQUENCE:1/);
    assert.match(ics.text, new RegExp(`UID:facilitation-${requestId}@virtual-cafe`));
    assert.match(ics.text, /DTSTART;TZID=Europe\/London:\d{8}T140000/);
    // RFC 5546: the lead runs the session (ORGANIZER); this copy is the facilitator's (ATTENDEE).
    assert.match(ics.text.replace(/\r\n /g, ''), /\r\nORGANIZER;CN="Leah Lead":mailto:[^\r]+\r\n/);
    assert.match(ics.text.replace(/\r\n /g, ''), /\r\nATTENDEE;[^\r]*CN="Fran Match":mailto:[^\r]+@[^\r]+\.invalid\r\n/);
    assert.match((await fetchCalendar(app, leadLink)).text.replace(/\r\n /g, ''), /\r\nATTENDEE;[^\r]*CN="Leah Lead":mailto:/);

    const r = await stored(requestId);
    assert.equal(r.status, 'confirmed');
    assert.equal(r.facilitatorId, fran.id);
    assert.deepEqual(r.candidates.map((c: { userId: string }) => c.userId), [fran.id]);

    const myRequests = connector.sent.length;
    await bot.message(lead, 'my requests');
    const [list] = bot.cardsTo(lead, 'personal', myRequests);
    assert.match(cardText(list), /confirmed: Fran Match/);
    // Asked in a channel, the list goes to the lead 1:1 and the channel only hears where to look.
    const inChannel = connector.sent.length;
    await bot.message(lead, 'my requests', 'channel');
    assert.match(bot.repliesTo(lead, 'channel', inChannel)[0].activity.text ?? '', /sent that to you in our 1:1 chat/);
    assert.equal(bot.cardsTo(lead, 'channel', inChannel).length, 0);
    await connector.waitFor(() => bot.cardsTo(lead, 'personal', inChannel).some((c) => /confirmed: Fran Match/.test(cardText(c))));
  });

  it('decline → the next candidate is offered; the one who declined is never asked again', async () => {
    const { requestId } = await requestSession(3);
    const first = await offerTo(fran, requestId);
    assert.equal(first.data.requestId, requestId);
    const declined = await bot.invoke(fran, 'facilitation.offer.decline', first.data);
    assert.equal(declined.status, 200);
    assert.match(cardText(declined.card), /Thanks for letting us know/);
    const next = await recorder.waitFor((n) => n.key.startsWith(`facilitation-offer:${requestId}:`) && n.userId === gus.id);
    assert.ok(next);
    const r = await stored(requestId);
    assert.equal(r.status, 'offered');
    assert.equal(r.offer.facilitatorId, gus.id);
    assert.ok(!r.candidates.some((c: { userId: string }) => c.userId === fran.id), 'Fran is not a candidate any more');
    // Declining again, or accepting after declining, changes nothing.
    assert.match(cardText((await bot.invoke(fran, 'facilitation.offer.decline', first.data)).card), /already declined/);
    assert.match(cardText((await bot.invoke(fran, 'facilitation.offer.accept', first.data)).card), /closed/i);
    assert.equal((await stored(requestId)).offer.facilitatorId, gus.id);
  });

  it('two accepts at once → exactly one confirmation; the second is told it is already filled', async () => {
    const { requestId } = await requestSession(4);
    const offer = await offerTo(fran, requestId);
    assert.equal(offer.data.requestId, requestId);
    const answers = await Promise.all([bot.invoke(fran, 'facilitation.offer.accept', offer.data), bot.invoke(fran, 'facilitation.offer.accept', offer.data)]);
    assert.deepEqual(answers.map((a) => a.status), [200, 200]);
    const texts = answers.map((a) => cardText(a.card));
    assert.equal(texts.filter((t) => /^You are confirmed/m.test(t)).length, 1, texts.join('\n---\n'));
    assert.equal(texts.filter((t) => /Already filled/.test(t)).length, 1);
    await recorder.waitFor((n) => n.key === `facilitation-confirmed:${requestId}:${offer.data.offerId}:lead`);
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(recorder.keys(`facilitation-confirmed:${requestId}:`).length, 1, 'one confirmation to the lead');
    const r = await stored(requestId);
    assert.equal(r.status, 'confirmed');
    assert.equal(r.facilitatorId, fran.id);
    // A late accept from a stale card: already filled.
    assert.match(cardText((await bot.invoke(fran, 'facilitation.offer.accept', offer.data)).card), /Already filled/);
  });

  it('nobody left → the hub coordinator gets an escalation card and assigns someone by hand', async () => {
    // Only Fran is free 10:00–11:00 (Gus starts at 13:00, Hal only on Wednesdays).
    const s = londonSession(TUESDAY, '10:00', '11:00', 5);
    const res = await bot.invoke(lead, 'facilitation.request', { channelId: channel.id, start: s.start, end: s.end, format: 'observe', topic: 'Leg ulcers' });
    const requestId = actionData(res.card, 'facilitation.request.cancel')?.requestId as string;
    const offer = await offerTo(fran, requestId);
    assert.equal(offer.data.requestId, requestId);
    await bot.invoke(fran, 'facilitation.offer.decline', offer.data);
    const escalation = await recorder.waitFor((n) => n.key === `facilitation-escalation:${requestId}:1:${coordinator.id}`);
    assert.equal(escalation.kind, 'facilitation');
    await connector.waitFor(() => bot.cardsTo(coordinator).some((c) => cardVerbs(c).includes('facilitation.assign')));
    const card = bot.cardsTo(coordinator).find((c) => cardVerbs(c).includes('facilitation.assign'))!;
    assert.match(cardText(card), /Why nobody was offered/);
    assert.match(cardText(card), /not available at that time/);
    await recorder.waitFor((n) => n.key === `facilitation-escalated:${requestId}:1` && n.userId === lead.id);
    assert.equal((await stored(requestId)).status, 'escalated');

    // Someone who is not a coordinator cannot assign.
    assert.equal((await bot.invoke(outsider, 'facilitation.assign', { requestId, userId: hal.id })).status, 403);
    const assigned = await bot.invoke(coordinator, 'facilitation.assign', { ...actionData(card, 'facilitation.assign'), userId: hal.id });
    assert.equal(assigned.status, 200, JSON.stringify(assigned.body).slice(0, 300));
    assert.match(cardText(assigned.card), /Facilitator assigned/);
    const r = await stored(requestId);
    assert.equal(r.status, 'confirmed');
    assert.equal(r.facilitatorId, hal.id);
    await recorder.waitFor((n) => n.userId === hal.id && n.key.startsWith(`facilitation-confirmed:${requestId}:`));
    await recorder.waitFor((n) => n.userId === lead.id && n.key.startsWith(`facilitation-confirmed:${requestId}:`));
  });

  it('refuses a request from someone who does not lead the channel (403) and stores nothing', async () => {
    const s = londonSession(TUESDAY, '14:00', '16:00', 6);
    const res = await bot.invoke(outsider, 'facilitation.request', { channelId: channel.id, start: s.start, end: s.end, format: 'observe', topic: 'x' });
    assert.equal(res.status, 403);
    assert.equal(res.body.type, 'application/vnd.microsoft.error');
    assert.match(res.body.value.message, /Only a lead of Practice Nursing Test/);
    assert.deepEqual(await app.services.facilitation.lookups.ledBy({ id: outsider.id, name: outsider.name, guest: false, roles: [] }), []);
    const since = connector.sent.length;
    await bot.message(outsider, 'request facilitator');
    assert.match(bot.repliesTo(outsider, 'personal', since)[0].activity.text ?? '', /Only channel leads can request a facilitator/);
  });

  it('refuses an accept or decline from anyone but the offered person (403) and changes nothing', async () => {
    const { requestId } = await requestSession(7);
    const offer = await offerTo(fran, requestId);
    assert.equal(offer.data.requestId, requestId);
    for (const who of [gus, outsider, lead]) {
      for (const verb of ['facilitation.offer.accept', 'facilitation.offer.decline']) {
        const res = await bot.invoke(who, verb, offer.data);
        assert.equal(res.status, 403, `${who.name} ${verb}`);
        assert.equal(res.body.type, 'application/vnd.microsoft.error');
      }
    }
    const r = await stored(requestId);
    assert.equal(r.status, 'offered');
    assert.equal(r.offer.facilitatorId, fran.id);
    assert.equal(r.offer.offerId, offer.data.offerId);
  });

  it('validates the request form: future, end after start, known channel, sane input', async () => {
    const past = { channelId: channel.id, start: '2020-01-07T14:00', end: '2020-01-07T16:00' };
    const s = londonSession(TUESDAY, '14:00', '16:00', 8);
    const cases: [Record<string, unknown>, RegExp][] = [
      [past, /future/],
      [{ channelId: channel.id, start: s.start, end: s.start }, /end must be after the start/],
      [{ channelId: channel.id, start: s.end, end: s.start }, /end must be after the start/],
      [{ channelId: 'no-such-channel', start: s.start, end: s.end }, /no channel/],
      [{ channelId: channel.id, start: 'tomorrow', end: s.end }, /start must be a date/],
      [{ channelId: channel.id, start: s.start, end: s.end, format: 'juggling' }, /format/],
      [{ channelId: channel.id, start: s.start, end: s.end, topic: 'x'.repeat(500) }, /topic/],
      [{ channelId: { $ne: 1 }, start: s.start, end: s.end }, /channel/],
    ];
    for (const [data, message] of cases) {
      const res = await bot.invoke(lead, 'facilitation.request', data);
      assert.equal(res.status, 400, JSON.stringify(data).slice(0, 80));
      assert.match(res.body.value.message, message);
    }
    // The card's own fields (date + two times) work too, and a double submit gives the same request.
    const fields = { channelId: channel.id, date: s.date, startTime: '14:00', endTime: '16:00', format: 'co-facilitate', topic: 'Diabetes', notes: '', continuity: 'false' };
    const a = await bot.invoke(lead, 'facilitation.request', fields);
    const b = await bot.invoke(lead, 'facilitation.request', fields);
    assert.equal(a.status, 200);
    assert.match(cardText(b.card), /already asked for this session/);
    assert.equal(actionData(a.card, 'facilitation.request.cancel')?.requestId, actionData(b.card, 'facilitation.request.cancel')?.requestId);
  });

  it('shows the request form to a lead, preselecting the only channel they lead', async () => {
    const since = connector.sent.length;
    await bot.message(lead, 'request facilitator');
    const [form] = bot.cardsTo(lead, 'personal', since);
    assert.deepEqual(cardVerbs(form), ['facilitation.request']);
    assert.match(cardText(form), /Request a facilitator/);
    const choice = (form.body as { id?: string; value?: string }[]).find((b) => b.id === 'channelId');
    assert.equal(choice?.value, channel.id);
  });

  it('withdraw → back to matching without them; the lead is told and the calendar invite is cancelled', async () => {
    const { requestId } = await requestSession(9);
    const offer = await offerTo(fran, requestId);
    const accepted = await bot.invoke(fran, 'facilitation.offer.accept', offer.data);
    const link = calendarLink(accepted.card)!;
    const withdrawn = await bot.invoke(fran, 'facilitation.withdraw', { requestId });
    assert.equal(withdrawn.status, 200);
    assert.match(cardText(withdrawn.card), /You have withdrawn/);
    await recorder.waitFor((n) => n.key === `facilitation-withdrawn:${requestId}:${offer.data.offerId}` && n.userId === lead.id);
    const r = await stored(requestId);
    assert.equal(r.status, 'offered');
    assert.equal(r.offer.facilitatorId, gus.id, 'offered to the next person');
    const ics = await fetchCalendar(app, link);
    assert.match(ics.text, /METHOD:CANCEL/);
    assert.match(ics.text, /SEQUENCE:2/);
    assert.match(ics.text.replace(/\r\n /g, ''), /\r\nATTENDEE;[^\r]*CN="Fran Match":mailto:/);
    // Someone else cannot withdraw Gus, and Fran cannot withdraw twice.
    assert.match(cardText((await bot.invoke(fran, 'facilitation.withdraw', { requestId })).card), /You have withdrawn/);
  });

  it('lead cancels a confirmed session → the facilitator is told and their invite is cancelled', async () => {
    const { requestId } = await requestSession(10);
    const offer = await offerTo(fran, requestId);
    const accepted = await bot.invoke(fran, 'facilitation.offer.accept', offer.data);
    const link = calendarLink(accepted.card)!;
    assert.equal((await bot.invoke(outsider, 'facilitation.request.cancel', { requestId })).status, 403);
    const cancelled = await bot.invoke(lead, 'facilitation.request.cancel', { requestId });
    assert.equal(cancelled.status, 200);
    assert.match(cardText(cancelled.card), /cancelled/i);
    const told = await recorder.waitFor((n) => n.userId === fran.id && n.key.startsWith(`facilitation-cancelled:${requestId}:`));
    assert.match(told.message.text, /cancelled/);
    const ics = await fetchCalendar(app, link);
    assert.match(ics.text, /METHOD:CANCEL/);
    assert.match(ics.text, /STATUS:CANCELLED/);
    assert.equal((await stored(requestId)).status, 'cancelled');
  });

  it('skips a facilitator booked on a PLT event at that time (booking calendar)', async () => {
    const s = londonSession(TUESDAY, '14:00', '16:00', 11);
    // Matching holds the events area's port: stub it where it lives.
    const busy = sinon.stub(app.services.bookings, 'busy').callsFake(async (userId, from, to) => (userId === fran.id ? [{ start: from, end: to }] : []));
    try {
      const res = await bot.invoke(lead, 'facilitation.request', { channelId: channel.id, start: s.start, end: s.end, format: 'observe' });
      const requestId = actionData(res.card, 'facilitation.request.cancel')?.requestId as string;
      const r = await stored(requestId);
      assert.equal(r.offer.facilitatorId, gus.id);
      assert.ok(busy.calledWith(fran.id));
    } finally {
      busy.restore();
    }
  });

  it('lets a facilitator see and save their profile from chat; bad input is refused', async () => {
    const since = connector.sent.length;
    await bot.message(hal, 'facilitator');
    const [card] = bot.cardsTo(hal, 'personal', since);
    assert.deepEqual(cardVerbs(card), ['facilitator.save']);
    const saved = await bot.invoke(hal, 'facilitator.save', { hubs: 'west-kent,east-kent', formats: 'observe,coach', skills: 'Practice nurse, Balint groups', avail_mon: '09:00-12:00, 13:00-15:00', avail_wed: '09:00-17:00', away: '2030-08-03 to 2030-08-14', maxPerMonth: '3', paused: 'false' });
    assert.equal(saved.status, 200);
    assert.match(cardText(saved.card), /Saved/);
    const me = await api(app, '/api/facilitators/me', { user: hal.id });
    assert.deepEqual(me.body.availability, [
      { day: 'mon', from: '09:00', to: '12:00' },
      { day: 'mon', from: '13:00', to: '15:00' },
      { day: 'wed', from: '09:00', to: '17:00' },
    ]);
    assert.deepEqual(me.body.skills, ['practice-nurse', 'Balint groups']);
    assert.deepEqual(me.body.away, [{ from: '2030-08-03', to: '2030-08-14' }]);
    const bad = await bot.invoke(hal, 'facilitator.save', { avail_tue: '17:00-09:00' });
    assert.equal(bad.status, 400);
    assert.deepEqual((await api(app, '/api/facilitators/me', { user: hal.id })).body, me.body, 'nothing changed');
    assert.equal((await bot.invoke(outsider, 'facilitator.save', { maxPerMonth: 2 })).status, 403);
    await bot.invoke(hal, 'facilitator.save', { availability: [{ day: 'wed', from: '09:00', to: '17:00' }], hubs: ['west-kent'] });
  });
});

describe('facilitation offers expire and move on', function () {
  this.timeout(60_000);
  let connector: FakeConnector;
  const coordinator = person('Cora Coordinator');
  const lead = person('Leah Lead');
  const fran = person('Fran First');
  const gus = person('Gus Next');

  before(async () => {
    connector = await FakeConnector.start();
  });
  after(() => connector?.close());

  it('expiry → next, with a short OFFER_TTL; the late accept is told it is already filled', async () => {
    const recorder = new FacilitationRecorder();
    const app = await startTestApp({ ADMIN_AAD_OBJECT_IDS: coordinator.id, OFFER_TTL: '2s' }, { wrapNotifier: (queued) => recorder.wrap(queued) });
    try {
      const bot = new BotClient(app.url, connector);
      const channel = await makeChannel(app, [lead.id]);
      await greet(bot, lead, fran, gus);
      await addFacilitator(app, coordinator.id, fran, { ...everyWeekday('08:00', '18:00'), maxPerMonth: 10 });
      await addFacilitator(app, coordinator.id, gus, { ...everyWeekday('08:00', '18:00'), maxPerMonth: 10 }, ['east-kent']);
      const s = londonSession(TUESDAY, '14:00', '16:00', 2);
      const res = await bot.invoke(lead, 'facilitation.request', { channelId: channel.id, start: s.start, end: s.end });
      const requestId = actionData(res.card, 'facilitation.request.cancel')?.requestId as string;
      const first = await recorder.waitFor((n) => n.key.startsWith(`facilitation-offer:${requestId}:`));
      assert.equal(first.userId, fran.id);
      const t0 = Date.now();
      const second = await recorder.waitFor((n) => n.key.startsWith(`facilitation-offer:${requestId}:`) && n.userId === gus.id, 15_000);
      assert.ok(Date.now() - t0 < 12_000, 'moved on within seconds of the TTL');
      assert.ok(second);
      const offerData = actionData(first.message.card, 'facilitation.offer.accept')!;
      const late = await bot.invoke(fran, 'facilitation.offer.accept', offerData);
      assert.equal(late.status, 200);
      assert.match(cardText(late.card), /Already filled/);
      assert.match(cardText(late.card), /expired/);
      const r = (await api(app, `/api/facilitation-requests/${requestId}`, { user: lead.id })).body;
      assert.equal(r.offer.facilitatorId, gus.id);
    } finally {
      await app.close();
    }
  });

  it('moves on after a restart even when the scheduled job was lost (start-up sweep)', async () => {
    const recorder = new FacilitationRecorder();
    // A scheduler that forgets every job: only the start-up sweep can move the request on.
    const forgetful = () => ({ schedule: sinon.stub().resolves(), cancel: sinon.stub().resolves() });
    const env = { ADMIN_AAD_OBJECT_IDS: coordinator.id, OFFER_TTL: '1s' };
    const first = await startTestApp(env, { wrapNotifier: (queued) => recorder.wrap(queued), scheduler: forgetful });
    let requestId: string;
    const bot1 = new BotClient(first.url, connector);
    const channel = await makeChannel(first, [lead.id]);
    await greet(bot1, lead, fran, gus);
    await addFacilitator(first, coordinator.id, fran, { ...everyWeekday('08:00', '18:00'), maxPerMonth: 10 });
    await addFacilitator(first, coordinator.id, gus, { ...everyWeekday('08:00', '18:00'), maxPerMonth: 10 });
    try {
      const s = londonSession(TUESDAY, '14:00', '16:00', 3);
      const res = await bot1.invoke(lead, 'facilitation.request', { channelId: channel.id, start: s.start, end: s.end });
      requestId = actionData(res.card, 'facilitation.request.cancel')?.requestId as string;
      assert.equal((await first.services.facilitation.lookups.context((await first.services.facilitation.lookups.get({ id: lead.id, name: 'x', guest: false, roles: [] }, requestId)))).channelName, channel.name);
    } finally {
      await first.close();
    }
    await new Promise((r) => setTimeout(r, 1200));
    const offeredBefore = recorder.keys(`facilitation-offer:${requestId}:`).length;
    assert.equal(offeredBefore, 1);
    const second = await startTestApp({ ...env, STORAGE_PREFIX: first.prefix }, { wrapNotifier: (queued) => recorder.wrap(queued), scheduler: forgetful });
    try {
      await recorder.waitFor((n) => n.key.startsWith(`facilitation-offer:${requestId}:`) && n.userId !== recorder.notices.find((x) => x.key.startsWith(`facilitation-offer:${requestId}:`))!.userId, 5000);
      const stored = await second.services.facilitation.lookups.get({ id: lead.id, name: 'x', guest: false, roles: [] }, requestId);
      assert.equal(stored.offers.filter((o) => o.outcome === 'expired').length, 1);
      assert.equal(stored.status, 'offered');
    } finally {
      await second.close();
    }
  });
});
