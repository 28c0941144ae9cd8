// The demo history `npm run dev` seeds: past sessions with attendance and feedback, so a fresh
// start shows a CPD record with certificates, feedback results, a series' results and insights.
import { strict as assert } from 'node:assert';
import { startTestApp, api, type TestApp } from '../helpers/testApp.js';
import { RecordingScheduler } from '../helpers/events.js';
import { seedPastEvents } from '../../src/seed/pastEvents.js';
import { DEMO_PEOPLE, PLAYGROUND_USER_ID } from '../../src/seed/people.js';

describe('demo history seed', function () {
  this.timeout(120_000);
  let app: TestApp;
  const sam = { user: PLAYGROUND_USER_ID, name: 'Sam Okafor' };
  const imran = DEMO_PEOPLE.find((p) => p.name === 'Imran Siddiqui')!;
  before(async () => {
    app = await startTestApp({ SEED_DEMO: 'true' }, { scheduler: () => new RecordingScheduler() });
  });
  after(() => app?.close());

  it('gives the Playground user a CPD record with certificates and a reflection, and one event still to give feedback on', async () => {
    const cpd = (await api(app, '/api/me/cpd', sam)).body;
    assert.equal(cpd.regulator, 'nmc');
    assert.deepEqual(cpd.entries.map((e: { eventId: string }) => e.eventId).sort(), ['demo-past-asthma-review', 'demo-past-facilitation-skills', 'demo-past-minor-illness']);
    assert.ok(cpd.entries.every((e: { certificateId: string }) => /^VC-/.test(e.certificateId)));
    assert.equal(cpd.entries.find((e: { eventId: string }) => e.eventId === 'demo-past-asthma-review').reflection, 'I will check inhaler technique at every asthma review and use teach-back.');
    assert.equal((await api(app, '/api/events/demo-past-facilitation-skills/feedback/me', sam)).body.feedback, null, 'one left to answer');
    const past = (await api(app, '/api/me/registrations?past=true', sam)).body.items.filter((e: { attended?: boolean }) => e.attended);
    assert.equal(past.length, 3);
  });

  it('shows the organiser feedback results, a series its results, and coordinators insights', async () => {
    const results = (await api(app, '/api/events/demo-past-asthma-review/feedback', { user: imran.id })).body;
    assert.deepEqual([results.attended, results.responses, results.returnRate], [8, 5, 0.625]);
    const series = (await api(app, '/api/series/sdemo-past-mindfulness/feedback', sam)).body;
    assert.deepEqual([series.events, series.attended, series.responses], [3, 11, 6]);
    const insights = (await api(app, '/api/hubs/kent-medway/insights', sam)).body;
    assert.ok(insights.attended >= 30, JSON.stringify(insights));
    assert.ok(insights.feedbackReturnRate > 0 && insights.ratingMean > 3);
    assert.ok(Object.keys(insights.cpdHoursByProfession).length >= 8);
    assert.ok(insights.noShowRate > 0);
  });

  it('records nothing twice when run again', async () => {
    const before = (await api(app, '/api/events/demo-past-asthma-review/feedback', { user: imran.id })).body;
    await seedPastEvents(app.services);
    assert.deepEqual((await api(app, '/api/events/demo-past-asthma-review/feedback', { user: imran.id })).body, before);
  });
});
