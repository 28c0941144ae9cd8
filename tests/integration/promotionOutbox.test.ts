// A waitlist promotion's notice is written as an outbox row in the same Table transaction as the
// seat (the event's partition), against Azurite: when the process "dies" between the commit and
// the notice (here: the notifier fails), the row stays and the sweep delivers it, once.
import { strict as assert } from 'node:assert';
import { startTestApp, type TestApp } from '../helpers/testApp.js';
import { RecordingNotifier } from '../helpers/recordingNotifier.js';
import { newUserId } from '../helpers/ids.js';
import type { OutboundMessage } from '../../src/domain/ports.js';
import type { Actor } from '../../src/domain/people/person.js';

/** Fails promotion notices while `down` is set, as a crash right after the commit would lose them. */
class CrashingNotifier extends RecordingNotifier {
  down = false;
  override async notify(userId: string, message: OutboundMessage, key: string, kind?: string): Promise<void> {
    if (this.down && key.startsWith('promoted:')) throw new Error('process gone');
    await super.notify(userId, message, key, kind);
  }
}

describe('waitlist promotion outbox (Azurite)', function () {
  this.timeout(60_000);
  let app: TestApp;
  const notifier = new CrashingNotifier();
  const organiser: Actor = { id: newUserId(), name: 'Olu Organiser', guest: false, roles: [{ role: 'organiser', hubs: ['west-kent'] }] };
  const person = (name: string): Actor => ({ id: newUserId(), name, guest: false, roles: [] });

  before(async () => {
    app = await startTestApp({}, { notifier: () => notifier });
  });
  after(() => app?.close());

  async function fullEventWithWaitlist() {
    const [event] = await app.services.events.create(organiser, {
      title: 'Outbox clinic', description: '', category: 'plt', hub: 'west-kent', professions: '', start: '2027-03-04T13:00:00Z', end: '2027-03-04T15:00:00Z', location: 'Oakwood House', capacity: 1,
    });
    const [ann, ben] = [person('Ann'), person('Ben')];
    await app.services.events.signUp(ann, event.id);
    assert.equal((await app.services.events.signUp(ben, event.id)).status, 'waitlisted');
    return { eventId: event.id, ann, ben };
  }

  it('writes the notice with the seat, delivers it and clears the row', async () => {
    const { eventId, ann, ben } = await fullEventWithWaitlist();
    await app.services.events.cancelBooking(ann, eventId);
    const deadline = Date.now() + 10_000;
    while (notifier.withKey(`promoted:${eventId}:`).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(notifier.withKey(`promoted:${eventId}:`).map((n) => n.userId), [ben.id]);
    while ((await app.services.eventRepository.outbox(eventId)).length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(await app.services.eventRepository.outbox(eventId), [], 'delivered: the row is gone');
  });

  it('keeps the notice when the process dies after the commit, and the sweep delivers it exactly once', async () => {
    const { eventId, ann, ben } = await fullEventWithWaitlist();
    notifier.down = true;
    await app.services.events.cancelBooking(ann, eventId);
    // The seat is committed: Ben is booked; his notice waits in the event's partition.
    const deadline = Date.now() + 10_000;
    let pending = await app.services.eventRepository.outbox(eventId);
    while (!pending.length && Date.now() < deadline) pending = await app.services.eventRepository.outbox(eventId);
    assert.deepEqual(pending.map((p) => [p.eventId, p.userId, p.number]), [[eventId, ben.id, 1]]);
    const snapshot = await app.services.eventRepository.load(eventId);
    assert.equal(snapshot?.regs.get(ben.id)?.status, 'booked');
    assert.equal(notifier.withKey(`promoted:${eventId}:`).length, 0, 'nobody told yet');

    notifier.down = false;
    assert.ok((await app.services.events.deliverOutbox()) >= 1);
    const told = notifier.withKey(`promoted:${eventId}:`);
    assert.deepEqual(told.map((n) => [n.userId, n.key]), [[ben.id, `promoted:${eventId}:${ben.id}:1`]]);
    assert.match(told[0].message.text, /place/i);
    assert.deepEqual(await app.services.eventRepository.outbox(eventId), []);
    await app.services.events.deliverOutbox();
    assert.equal(notifier.withKey(`promoted:${eventId}:`).length, 1, 'a second sweep tells nobody again');
  });
});
