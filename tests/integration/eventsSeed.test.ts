// The demo events `npm run dev` seeds: realistic PLT events across the three hubs in the coming
// weeks, some full with a waitlist, some online, some linked to channels; seeding twice is harmless.
import { strict as assert } from 'node:assert';
import { startTestApp, type TestApp } from '../helpers/testApp.js';
import { seedEvents, DEMO_EVENTS } from '../../src/seed/events.js';
import { RecordingScheduler } from '../helpers/events.js';

describe('demo events seed', function () {
  this.timeout(120_000);
  let app: TestApp;
  before(async () => {
    app = await startTestApp({ SEED_DEMO: 'true' }, { scheduler: () => new RecordingScheduler() });
  });
  after(() => app?.close());

  it('seeds events across the hubs in the coming weeks, some full with waitlists, some online, some in channels', async () => {
    const now = app.services.clock.now();
    const stored = await app.services.events.inRange(now, new Date(now.getTime() + 120 * 86_400_000));
    const demo = stored.filter((s) => s.event.id.startsWith('demo-'));
    const expected = DEMO_EVENTS.reduce((n, d) => n + (d.repeat?.repeatCount ?? 1), 0);
    assert.equal(demo.length, expected);
    assert.deepEqual([...new Set(demo.map((s) => s.event.hub))].sort(), ['east-kent', 'kent-medway', 'north-kent', 'west-kent']);
    assert.ok(demo.filter((s) => s.event.capacity !== null && s.seats.booked === s.event.capacity && s.seats.waitlisted > 0).length >= 3, 'some full with a waitlist');
    assert.ok(demo.some((s) => s.event.onlineMeetingUrl) && demo.some((s) => s.event.location));
    assert.ok(demo.filter((s) => s.event.channelId).length >= 8);
    assert.equal(demo.filter((s) => s.event.seriesId && s.event.title.startsWith('Mindfulness')).length, 8, 'the eight-week mindfulness programme');
    for (const s of demo) assert.ok(s.event.start > now);
  });

  it('creates nothing twice when run again', async () => {
    const now = app.services.clock.now();
    const count = async () => (await app.services.events.inRange(now, new Date(now.getTime() + 120 * 86_400_000))).length;
    const before = await count();
    const seats = (await app.services.eventRepository.get('demo-facilitation-skills'))!.seats;
    await seedEvents(app.services);
    assert.equal(await count(), before);
    assert.deepEqual((await app.services.eventRepository.get('demo-facilitation-skills'))!.seats, seats, 'bookings not repeated');
  });
});
