// Feedback after an event, over the tab API and as a card action: only attendees answer (403
// otherwise, nothing stored), bad fields are 400s naming them (nothing stored), answering again
// replaces the answer; the event's organiser and the hub's coordinators see the results with no
// names or ids, per event and per series; the ask is scheduled FEEDBACK_AFTER the end, moves with
// the event, goes with a cancellation and comes back when attendance is recorded late.
import { strict as assert } from 'node:assert';
import { startTestApp, api, type TestApp } from '../helpers/testApp.js';
import { newUserId } from '../helpers/ids.js';
import { RecordingNotifier } from '../helpers/recordingNotifier.js';
import { RecordingScheduler, TestClock, eventBody } from '../helpers/events.js';
import { FakeConnector } from '../helpers/fakeConnector.js';
import { BotClient, cardText } from '../helpers/botClient.js';
import { allJobHandlers } from '../../src/jobs/index.js';
import { feedbackAskJobKey } from '../../src/services/feedback/keys.js';

describe('feedback after an event', () => {
  let app: TestApp;
  let connector: FakeConnector;
  let bot: BotClient;
  const notifier = new RecordingNotifier();
  const scheduler = new RecordingScheduler();
  const clock = new TestClock(new Date('2027-01-15T10:00:00Z'));
  const organiser = newUserId();
  const otherOrganiser = newUserId();
  const eastCoordinator = newUserId();
  const westCoordinator = newUserId();
  const [ann, ben, cat, dev, eve] = Array.from({ length: 5 }, () => newUserId());
  const names: Record<string, string> = { [ann]: 'Ann Attendee', [ben]: 'Ben Attendee', [cat]: 'Cat Attendee', [dev]: 'Dev Absent', [eve]: 'Eve Elsewhere' };
  let eventId = '';

  before(async () => {
    connector = await FakeConnector.start();
    app = await startTestApp({}, { notifier: () => notifier, scheduler: () => scheduler, clock });
    bot = new BotClient(app.url, connector);
    await app.services.roles.set(organiser, [{ role: 'organiser', hubs: ['east-kent'] }]);
    await app.services.roles.set(otherOrganiser, [{ role: 'organiser', hubs: ['east-kent'] }]);
    await app.services.roles.set(eastCoordinator, [{ role: 'coordinator', hubs: ['east-kent'] }]);
    await app.services.roles.set(westCoordinator, [{ role: 'coordinator', hubs: ['west-kent'] }]);
    const made = await api(app, '/api/events', { method: 'POST', user: organiser, name: 'Olu Organiser', body: eventBody({ title: 'Asthma update' }) });
    assert.equal(made.status, 201, made.text);
    eventId = made.body.id;
    for (const who of [ann, ben, cat, dev]) assert.equal((await api(app, `/api/events/${eventId}/registrations`, { method: 'POST', user: who, name: names[who] })).status, 201);
  });
  after(async () => {
    clock.set('2027-01-15T10:00:00Z');
    await app?.close();
    await connector?.close();
    assert.deepEqual(notifier.cardProblems, []);
  });

  const answer = (user: string, body: unknown, id = eventId) => api(app, `/api/events/${id}/feedback`, { method: 'POST', user, name: names[user] ?? 'Someone', body });
  const results = (user: string, id = eventId) => api(app, `/api/events/${id}/feedback`, { user });
  const mine = (user: string, id = eventId) => api(app, `/api/events/${id}/feedback/me`, { user });

  it('asks FEEDBACK_AFTER (30 minutes) after the end, through a job that moves with the event', async () => {
    const job = scheduler.jobs.get(feedbackAskJobKey(eventId));
    assert.equal(job?.kind, 'event.feedback.ask');
    assert.deepEqual(job?.payload, { eventId });
    assert.equal(job?.dueAt.toISOString(), '2027-02-10T17:00:00.000Z', 'ends 16:30 GMT');
    const moved = await api(app, `/api/events/${eventId}`, { method: 'PATCH', user: organiser, body: { start: '2027-02-10T14:00', end: '2027-02-10T17:00' } });
    assert.equal(moved.status, 200, moved.text);
    assert.equal(scheduler.jobs.get(feedbackAskJobKey(eventId))?.dueAt.toISOString(), '2027-02-10T17:30:00.000Z');
  });

  it('lets only people who attended answer: 403 for the booked who did not come and for strangers, nothing stored', async () => {
    clock.set('2027-02-10T17:05:00Z');
    assert.equal((await api(app, `/api/events/${eventId}/attendance`, { method: 'PUT', user: organiser, body: { attended: [ann, ben, cat] } })).status, 200);
    for (const who of [dev, eve]) {
      const res = await answer(who, { rating: 5, useful: 'Everything' });
      assert.equal(res.status, 403, res.text);
      assert.match(res.body.error.message, /attended/);
      assert.equal((await mine(who)).body.feedback, null);
    }
    assert.equal((await results(organiser)).body.responses, 0);
    assert.equal((await answer(ann, { rating: 5 }, 'no-such-event')).status, 404);
  });

  it('refuses a bad rating or oversize text with a 400 naming the field, storing nothing', async () => {
    for (const [body, field] of [
      [{ rating: 6 }, 'rating'],
      [{ rating: 0 }, 'rating'],
      [{ rating: 'good' }, 'rating'],
      [{}, 'rating'],
      [{ rating: 4, useful: 'x'.repeat(1001) }, 'useful'],
      [{ rating: 4, improve: 'x'.repeat(1001) }, 'improve'],
      [{ rating: 4, practice: 'x'.repeat(2001) }, 'practice'],
      [{ rating: 4, codeTheme: 'be-kind' }, 'codeTheme'],
    ] as const) {
      const res = await answer(ann, body);
      assert.equal(res.status, 400, `${JSON.stringify(body).slice(0, 60)} → ${res.text}`);
      assert.match(res.body.error.message, new RegExp(field), `the message names ${field}`);
    }
    assert.equal((await answer(ann, 'not json at all')).status, 400);
    assert.equal((await mine(ann)).body.feedback, null);
  });

  it('stores an answer (201) and replaces it when answered again', async () => {
    const first = await answer(ann, { rating: 3, useful: 'The inhaler demo', improve: 'More time', practice: 'Check technique at every review', codeTheme: 'practise-effectively' });
    assert.equal(first.status, 201, first.text);
    assert.deepEqual([first.body.rating, first.body.replaced, first.body.codeTheme], [3, false, 'practise-effectively']);
    const again = await answer(ann, { rating: 5, useful: 'The inhaler demo', improve: 'More time for questions', practice: 'Teach back at every review', codeTheme: 'preserve-safety' });
    assert.equal(again.status, 201, again.text);
    assert.equal(again.body.replaced, true);
    const stored = (await mine(ann)).body.feedback;
    assert.deepEqual([stored.rating, stored.improve, stored.practice, stored.codeTheme], [5, 'More time for questions', 'Teach back at every review', 'preserve-safety']);
    assert.equal((await answer(ben, { rating: '4', useful: '', improve: 'Microphone kept cutting out' })).status, 201);
  });

  it('asks attendees who have not answered yet, with a feedback card, under a key per person', async () => {
    clock.set('2027-02-10T17:31:00Z');
    const handlers = allJobHandlers(app.services);
    await handlers['event.feedback.ask']({ eventId }, { key: feedbackAskJobKey(eventId), kind: 'event.feedback.ask', dueAt: new Date('2027-02-10T17:30:00Z') });
    const asked = notifier.withKey('feedback-ask:');
    assert.deepEqual(asked.map((n) => n.userId), [cat], 'Ann and Ben answered already; Dev did not come');
    assert.equal(asked[0].key, `feedback-ask:${eventId}:${cat}`);
    assert.equal(asked[0].kind, 'feedback', 'people can turn feedback requests off');
    assert.match(cardText(asked[0].message.card), /How was “Asthma update”\?/);
  });

  it('takes the answer from the card and thanks with what was said and a way to change it; 403 on a card for someone who did not come', async () => {
    const reply = await bot.invoke({ id: cat, name: names[cat] }, 'event.feedback', { eventId, rating: '2', useful: '', improve: 'Room too warm', practice: '', codeTheme: '' });
    assert.equal(reply.status, 200);
    assert.match(cardText(reply.card), /Thank you/);
    assert.match(cardText(reply.card), /2 of 5/);
    assert.match(cardText(reply.card), /Change my answer/);
    const changed = await bot.invoke({ id: cat, name: names[cat] }, 'event.feedback', { eventId, rating: '3', improve: 'Room too warm' });
    assert.match(cardText(changed.card), /updated/);
    const refused = await bot.invoke({ id: dev, name: names[dev] }, 'event.feedback', { eventId, rating: '5' });
    assert.equal(refused.body.statusCode, 403);
    assert.equal((await mine(dev)).body.feedback, null);
    const bad = await bot.invoke({ id: ann, name: names[ann] }, 'event.feedback', { eventId, rating: '9' });
    assert.equal(bad.body.statusCode, 400);
    assert.equal((await mine(ann)).body.feedback.rating, 5, 'a bad answer changes nothing');
  });

  it('shows the organiser and the hub’s coordinators the results, with no names or ids', async () => {
    const res = await results(organiser);
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.body, {
      attended: 3,
      responses: 3,
      returnRate: 1,
      ratingMean: 4, // 5, 4, 3
      ratingCounts: { '1': 0, '2': 0, '3': 1, '4': 1, '5': 1 },
      comments: [
        { useful: '', improve: 'Microphone kept cutting out' },
        { useful: '', improve: 'Room too warm' },
        { useful: 'The inhaler demo', improve: 'More time for questions' },
      ],
    });
    const text = JSON.stringify(res.body);
    for (const who of [ann, ben, cat]) assert.ok(!text.includes(who) && !text.includes(names[who]), 'nobody is named');
    assert.ok(!text.includes('Teach back'), 'reflections are the attendee’s own, not the organiser’s');
    assert.equal((await results(eastCoordinator)).status, 200);
    for (const who of [otherOrganiser, westCoordinator, ann, dev]) assert.equal((await results(who)).status, 403, `forbidden to ${names[who] ?? who}`);
  });

  it('asks again when attendance is recorded after the ask ran (the key skips anyone asked already)', async () => {
    clock.set('2027-02-11T09:00:00Z');
    assert.equal((await api(app, `/api/events/${eventId}/attendance`, { method: 'PUT', user: organiser, body: { attended: [ann, ben, cat, dev] } })).status, 200);
    const job = scheduler.jobs.get(feedbackAskJobKey(eventId));
    assert.equal(job?.dueAt.toISOString(), '2027-02-11T09:00:00.000Z', 'due now');
    assert.equal((await answer(dev, { rating: 4 })).status, 201, 'Dev may answer now');
    assert.equal((await results(organiser)).body.returnRate, 1);
    // Marked as not attending after all: their answer no longer counts.
    assert.equal((await api(app, `/api/events/${eventId}/attendance`, { method: 'PUT', user: organiser, body: { attended: [ann, ben, cat] } })).status, 200);
    assert.deepEqual([(await results(organiser)).body.attended, (await results(organiser)).body.responses], [3, 3]);
  });

  it('drops the ask with a cancelled event', async () => {
    clock.set('2027-01-15T10:00:00Z');
    const made = await api(app, '/api/events', { method: 'POST', user: organiser, body: eventBody({ title: 'Called off' }) });
    assert.ok(scheduler.jobs.has(feedbackAskJobKey(made.body.id)));
    assert.equal((await api(app, `/api/events/${made.body.id}`, { method: 'DELETE', user: organiser })).status, 200);
    assert.ok(!scheduler.jobs.has(feedbackAskJobKey(made.body.id)));
  });

  it('gathers a series’ results over the events held so far', async () => {
    clock.set('2027-01-15T10:00:00Z');
    const made = await api(app, '/api/events', { method: 'POST', user: organiser, body: eventBody({ title: 'Mindfulness', repeat: 'weekly', repeatCount: 3, start: '2027-03-01T12:30', end: '2027-03-01T13:15' }) });
    assert.equal(made.status, 201, made.text);
    const seriesId = made.body.seriesId;
    const [w1, w2] = made.body.series.map((e: { id: string }) => e.id);
    for (const id of [w1, w2]) for (const who of [ann, ben]) await api(app, `/api/events/${id}/registrations`, { method: 'POST', user: who, name: names[who] });
    clock.set('2027-03-08T14:00:00Z'); // two held, one to come
    await api(app, `/api/events/${w1}/attendance`, { method: 'PUT', user: organiser, body: { attended: [ann, ben] } });
    await api(app, `/api/events/${w2}/attendance`, { method: 'PUT', user: organiser, body: { attended: [ann] } });
    await answer(ann, { rating: 5, useful: 'Breathing space' }, w1);
    await answer(ben, { rating: 3 }, w1);
    await answer(ann, { rating: 4 }, w2);
    const res = await api(app, `/api/series/${seriesId}/feedback`, { user: organiser });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.body, {
      seriesId,
      events: 2,
      attended: 3,
      responses: 3,
      returnRate: 1,
      ratingMean: 4,
      ratingCounts: { '1': 0, '2': 0, '3': 1, '4': 1, '5': 1 },
      comments: [{ useful: 'Breathing space', improve: '' }],
    });
    assert.equal((await api(app, `/api/series/${seriesId}/feedback`, { user: westCoordinator })).status, 403);
    assert.equal((await api(app, '/api/series/s0000000000000000/feedback', { user: organiser })).status, 404);
  });
});
