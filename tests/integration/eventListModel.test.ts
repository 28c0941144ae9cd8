// The events read model on Azurite: month and channel index lines carry what a list shows and are
// refreshed after seat commits. Two app instances on one store (same table prefix) book and cancel;
// the lines must settle on exactly the partition's counts within a bounded lag, each instance must
// show its own commits at once, and lines written before the read model must be read from the
// partition and upgraded.
import { strict as assert } from 'node:assert';
import { setTimeout as sleep } from 'node:timers/promises';
import { odata, type TableClient } from '@azure/data-tables';
import { startTestApp, api, type TestApp } from '../helpers/testApp.js';
import { newUserId, uniquePrefix } from '../helpers/ids.js';
import { RecordingNotifier } from '../helpers/recordingNotifier.js';
import { RecordingScheduler, eventBody } from '../helpers/events.js';
import { TableEventIndex } from '../../src/storage/eventIndexRepository.js';
import { TableEventRepository } from '../../src/storage/eventRepository.js';
import { READ_CACHE_TTL_MS } from '../../src/storage/readCache.js';
import { isPreconditionFailed } from '../../src/storage/errors.js';
import type { Listing } from '../../src/domain/events/ports.js';

/** The table with a switch that holds one read until released, and counts listing writes and ETag clashes. */
function gated(table: TableClient) {
  const state = { reads: 0, writes: 0, clashes: 0 };
  let hold: { reached: () => void; released: Promise<void> } | undefined;
  let release = () => {};
  const proxy = new Proxy(table, {
    get(target, prop) {
      if (prop === 'getEntity') {
        return async (...args: Parameters<TableClient['getEntity']>) => {
          state.reads++;
          const row = await target.getEntity(...args);
          const h = hold;
          hold = undefined;
          if (h) {
            h.reached();
            await h.released;
          }
          return row;
        };
      }
      if (prop === 'updateEntity' || prop === 'createEntity' || prop === 'upsertEntity') {
        return async (...args: unknown[]) => {
          try {
            const out = await (target[prop] as (...a: unknown[]) => Promise<unknown>).apply(target, args);
            if ((args[0] as { listing?: unknown }).listing !== undefined) state.writes++;
            return out;
          } catch (e) {
            if (isPreconditionFailed(e)) state.clashes++;
            throw e;
          }
        };
      }
      const v: unknown = Reflect.get(target, prop);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  return {
    table: proxy,
    state,
    /** Holds the next read of a line once it has its answer; resolves when it is held. */
    holdNextRead(): Promise<void> {
      return new Promise<void>((reached) => {
        hold = { reached, released: new Promise<void>((r) => (release = r)) };
      });
    },
    release: () => release(),
  };
}

describe('events read model (index lines that list events)', () => {
  let a: TestApp;
  let b: TestApp;
  const admin = newUserId();
  let lines: TableEventIndex;
  let repo: TableEventRepository;
  const ttl = READ_CACHE_TTL_MS.eventLists;

  before(async () => {
    const prefix = uniquePrefix();
    const env = { ADMIN_AAD_OBJECT_IDS: admin, STORAGE_PREFIX: prefix };
    a = await startTestApp(env, { notifier: () => new RecordingNotifier(), scheduler: () => new RecordingScheduler() });
    b = await startTestApp(env, { notifier: () => new RecordingNotifier(), scheduler: () => new RecordingScheduler() });
    lines = new TableEventIndex(a.services.storage.table('eventIndex'));
    repo = new TableEventRepository(a.services.storage.table('events'));
  });
  after(async () => {
    READ_CACHE_TTL_MS.eventLists = ttl;
    await Promise.all([a?.close(), b?.close()]);
  });

  const create = async (app: TestApp, body: Record<string, unknown>) => {
    const res = await api(app, '/api/events', { method: 'POST', user: admin, name: 'Ola Organiser', body });
    assert.equal(res.status, 201, res.text);
    return res.body.id as string;
  };
  const listed = async (app: TestApp, user: string, id: string) => {
    const res = await api(app, '/api/events?from=2027-01-01&to=2027-12-31', { user });
    assert.equal(res.status, 200, res.text);
    return (res.body.items as { id: string; booked: number; waitlisted: number; myStatus: string; myWaitlistPosition: number | null; start: string }[]).filter((e) => e.id === id);
  };
  /** The month line of the event as stored (no cache), once its listing matches the partition; the time that took. */
  async function settled(id: string, timeoutMs = 5000): Promise<{ lagMs: number; booked: number; waitlisted: number }> {
    READ_CACHE_TTL_MS.eventLists = 0;
    const t0 = Date.now();
    try {
      for (;;) {
        const truth = (await repo.get(id))!;
        const line = (await lines.range(new Date('2027-01-01'), new Date('2028-01-01'))).find((l) => l.eventId === id);
        const l = line?.listing;
        if (l && l.seats.booked === truth.seats.booked && l.seats.waitlisted === truth.seats.waitlisted && l.event.sequence === truth.event.sequence) {
          return { lagMs: Date.now() - t0, booked: l.seats.booked, waitlisted: l.seats.waitlisted };
        }
        if (Date.now() - t0 > timeoutMs) throw new Error(`index line never matched the partition: ${JSON.stringify(l?.seats)} vs ${JSON.stringify(truth.seats)}`);
        await sleep(25);
      }
    } finally {
      READ_CACHE_TTL_MS.eventLists = ttl;
    }
  }

  it('shows each instance its own bookings at once, and the lines settle on the partition’s counts across two instances', async () => {
    const id = await create(a, eventBody({ title: 'Read model PLT', capacity: 3, start: '2027-03-10T13:30', end: '2027-03-10T16:30' }));
    const people = Array.from({ length: 8 }, () => newUserId());
    // Interleaved across the two instances, some at once.
    await Promise.all(people.slice(0, 4).map((u, i) => api(i % 2 ? b : a, `/api/events/${id}/registrations`, { method: 'POST', user: u, name: 'Pat' })));
    const mine = await api(a, `/api/events/${id}/registrations`, { method: 'POST', user: people[4], name: 'Pat' });
    assert.equal(mine.body.status, 'waitlisted');
    const seenByA = await listed(a, people[4], id);
    assert.equal(seenByA.length, 1);
    assert.equal(seenByA[0].myStatus, 'waitlisted', 'my own booking shows in my list at once');
    assert.equal(seenByA[0].booked, 3);
    assert.equal(seenByA[0].waitlisted, 2);

    await Promise.all(people.slice(5).map((u, i) => api(i % 2 ? a : b, `/api/events/${id}/registrations`, { method: 'POST', user: u, name: 'Pat' })));
    // Two booked people cancel, one on each instance: the first two waiting move up.
    const bookedNow = (await repo.registrations(id)).filter((r) => r.status === 'booked').map((r) => r.userId);
    await Promise.all(bookedNow.slice(0, 2).map((u, i) => api(i ? b : a, `/api/events/${id}/registrations/me`, { method: 'DELETE', user: u })));

    const { lagMs, booked, waitlisted } = await settled(id);
    const truth = (await repo.get(id))!.seats;
    assert.deepEqual([booked, waitlisted], [truth.booked, truth.waitlisted]);
    assert.deepEqual([truth.booked, truth.waitlisted], [3, 3]);
    assert.ok(lagMs < 2000, `lines matched the partition ${lagMs} ms after the last commit (bounded: refresh after 200 ms, then a check)`);
    // Once settled, the lines stay settled: a refresh of either instance still under way can only
    // write a later commit of the event row, never put an older listing back. Both instances list
    // exactly the partition's counts, now and after a pause for any refresh still in flight.
    READ_CACHE_TTL_MS.eventLists = 0;
    const waiting = (await repo.registrations(id)).filter((r) => r.status === 'waitlisted').sort((x, y) => x.ticket - y.ticket);
    for (const pause of [0, 600]) {
      await sleep(pause);
      const line = (await lines.range(new Date('2027-03-01'), new Date('2027-04-01'))).find((l) => l.eventId === id)!;
      assert.deepEqual([line.listing?.seats.booked, line.listing?.seats.waitlisted, line.listing?.seats.commits], [truth.booked, truth.waitlisted, truth.commits], `the line after ${pause} ms`);
      for (const app of [a, b]) {
        const [seen] = await listed(app, admin, id);
        assert.deepEqual([seen.booked, seen.waitlisted], [3, 3], `listed as the partition holds it (after ${pause} ms)`);
      }
      // A waiting person's place in the list comes from the listing's waitlist history.
      const [last] = await listed(b, waiting[2].userId, id);
      assert.deepEqual([last.myStatus, last.myWaitlistPosition], ['waitlisted', 3]);
    }
    READ_CACHE_TTL_MS.eventLists = ttl;
  });

  it('never lets an older refresh win over a newer one, whichever way two refreshes cross', async () => {
    // Two "instances" (index objects over the same table); one of them is held between its read of
    // the line and its write, while the other refreshes, then let go.
    const id = await create(a, eventBody({ title: 'Crossing PLT', capacity: 5, start: '2027-09-07T13:30', end: '2027-09-07T16:30' }));
    const { event } = (await repo.get(id))!;
    const table = a.services.storage.table('eventIndex');
    const listingAt = (eventId: string, commits: number): Listing => ({ event: { ...event, id: eventId }, seats: { booked: commits, waitlisted: 0, promotions: 0, leftTickets: [], commits }, at: Date.now() });
    const lineOf = async (eventId: string) => (await lines.range(new Date('2027-09-01'), new Date('2027-10-01'))).find((l) => l.eventId === eventId)?.listing?.seats;
    READ_CACHE_TTL_MS.eventLists = 0;
    try {
      for (const held of ['older', 'newer'] as const) {
        const eventId = `${id}-${held}`; // a line of its own, in a month no other test here reads
        await lines.put({ ...listingAt(eventId, 0).event, eventId }, listingAt(eventId, 0));
        const older = gated(table);
        const newer = gated(table);
        const slow = held === 'older' ? older : newer;
        const fast = held === 'older' ? newer : older;
        const reached = slow.holdNextRead();
        const slowRefresh = new TableEventIndex(slow.table).refresh(listingAt(eventId, held === 'older' ? 1 : 2));
        await reached; // the slow one has read the line (commit 0) and waits
        await new TableEventIndex(fast.table).refresh(listingAt(eventId, held === 'older' ? 2 : 1));
        assert.equal((await lineOf(eventId))?.commits, held === 'older' ? 2 : 1);
        slow.release();
        await slowRefresh;
        assert.equal(slow.state.clashes, 1, `the held ${held} refresh's write met the other's (412) and read again`);
        const final = await lineOf(eventId);
        assert.deepEqual([final?.commits, final?.booked], [2, 2], `the newer listing stays on the line (held: ${held})`);
      }
      // And a refresh or put with an older listing, on its own, leaves a newer line alone.
      const eventId = `${id}-newer`;
      const quiet = gated(table);
      await new TableEventIndex(quiet.table).refresh(listingAt(eventId, 1));
      await new TableEventIndex(quiet.table).put({ ...listingAt(eventId, 0).event, eventId }, listingAt(eventId, 0));
      assert.equal(quiet.state.writes, 0, 'nothing written over a later commit');
      assert.equal((await lineOf(eventId))?.commits, 2);

      // An instance that wrote a line last writes its next listing without a read (If-Match its
      // own ETag); when another instance wrote meanwhile, that write meets a 412 and it reads,
      // compares and writes (or not) as above.
      const x = gated(table);
      const y = gated(table);
      const xIndex = new TableEventIndex(x.table);
      await xIndex.refresh(listingAt(eventId, 3));
      await xIndex.refresh(listingAt(eventId, 4));
      assert.deepEqual([x.state.reads, x.state.writes, x.state.clashes], [1, 2, 0], 'the second write of x needed no read');
      await new TableEventIndex(y.table).refresh(listingAt(eventId, 6));
      await xIndex.refresh(listingAt(eventId, 5));
      assert.deepEqual([x.state.reads, x.state.writes, x.state.clashes], [2, 2, 1], 'x met y’s write, read it and wrote nothing over the later commit');
      assert.equal((await lineOf(eventId))?.commits, 6);
    } finally {
      READ_CACHE_TTL_MS.eventLists = ttl;
    }
  });

  it('reads lines written before the read model from the partition and upgrades them (upgrade on read)', async () => {
    const id = await create(a, eventBody({ title: 'Old line PLT', capacity: 5, start: '2027-04-14T13:30', end: '2027-04-14T16:30' }));
    await api(a, `/api/events/${id}/registrations`, { method: 'POST', user: newUserId(), name: 'Pat' });
    await settled(id);
    // Rewrite the month line as the previous version wrote it: no listing.
    const table = a.services.storage.table('eventIndex');
    const rows = [];
    for await (const r of table.listEntities<Record<string, unknown>>({ queryOptions: { filter: odata`PartitionKey eq ${'m:2027-04'}` } })) rows.push(r);
    const old = rows.find((r) => r.eventId === id)!;
    const { listing: _dropped, etag: _e, timestamp: _t, ...before } = old as Record<string, unknown> & { partitionKey: string; rowKey: string };
    await table.upsertEntity(before as { partitionKey: string; rowKey: string }, 'Replace');
    READ_CACHE_TTL_MS.eventLists = 0;
    const [e] = await listed(b, admin, id);
    READ_CACHE_TTL_MS.eventLists = ttl;
    assert.deepEqual([e?.booked, e?.waitlisted], [1, 0], 'listed from the partition');
    const { lagMs } = await settled(id);
    assert.ok(lagMs < 2000, 'and the line carries the listing again soon after');
  });

  it('does not list a line whose event never came to exist, and lists a moved event once, at its new time', async () => {
    const table = a.services.storage.table('eventIndex');
    const ghost = 'eghost' + Date.now();
    await table.upsertEntity({ partitionKey: 'm:2027-05', rowKey: `2027-05-05T12:00:00.000Z|${ghost}`, eventId: ghost, start: new Date('2027-05-05T12:00:00Z'), end: new Date('2027-05-05T13:00:00Z'), hub: 'east-kent', category: 'plt', channelId: '', organiserId: admin, title: 'Never created', status: 'scheduled' }, 'Replace');
    READ_CACHE_TTL_MS.eventLists = 0;
    assert.deepEqual(await listed(a, admin, ghost), []);

    const id = await create(a, eventBody({ title: 'Moving PLT', start: '2027-05-20T13:30', end: '2027-05-20T16:30' }));
    const moved = await api(b, `/api/events/${id}`, { method: 'PATCH', user: admin, name: 'Ola Organiser', body: { start: '2027-06-03T13:30', end: '2027-06-03T16:30' } });
    assert.equal(moved.status, 200, moved.text);
    for (const app of [a, b]) {
      const found = await listed(app, admin, id);
      assert.equal(found.length, 1);
      assert.equal(found[0].start, '2027-06-03T13:30:00+01:00');
    }
    READ_CACHE_TTL_MS.eventLists = ttl;
  });
});
