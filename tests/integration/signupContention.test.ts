// The never-overbook proof: 500 people sign up at once for a 20-seat event through two server
// instances — separate Node processes — on the same Azurite. Exactly 20 are booked, 480 wait with
// distinct places, the counters equal the rows; then 5 cancellations promote exactly the first 5.
import { strict as assert } from 'node:assert';
import { sharedAzurite } from '../helpers/rootHooks.js';
import { newUserId, uniquePrefix } from '../helpers/ids.js';
import { startServerProcess, type ServerProcess } from '../helpers/serverProcesses.js';
import { Storage } from '../../src/storage/storage.js';
import { TableEventRepository } from '../../src/storage/eventRepository.js';
import type { StoredRegistration } from '../../src/domain/events/seats.js';

describe('sign-up contention across two server processes', function () {
  this.timeout(240_000);
  let servers: ServerProcess[] = [];
  let repo: TableEventRepository;
  const admin = newUserId();

  before(async () => {
    const azurite = await sharedAzurite();
    const prefix = uniquePrefix();
    const env = { AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString, STORAGE_PREFIX: prefix, ADMIN_AAD_OBJECT_IDS: admin };
    servers = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    const storage = new Storage({ connectionString: azurite.connectionString }, prefix);
    repo = new TableEventRepository(storage.table('events'));
  });
  after(async () => {
    await Promise.all(servers.map((s) => s.stop()));
  });

  const call = async (server: ServerProcess, path: string, user: string, method = 'GET', body?: unknown) => {
    const res = await fetch(server.url + path, {
      method,
      headers: { 'x-dev-user': user, 'x-dev-name': encodeURIComponent(`Person ${user.slice(0, 4)}`), ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, body: (await res.json().catch(() => null)) as any };
  };

  function check(regs: StoredRegistration[], seats: { booked: number; waitlisted: number }) {
    const booked = regs.filter((r) => r.status === 'booked');
    const waiting = regs.filter((r) => r.status === 'waitlisted');
    assert.equal(seats.booked, booked.length, 'booked counter equals booked rows');
    assert.equal(seats.waitlisted, waiting.length, 'waitlisted counter equals waitlisted rows');
    assert.equal(new Set(waiting.map((r) => r.ticket)).size, waiting.length, 'distinct waitlist tickets');
    return { booked, waiting: waiting.sort((a, b) => a.ticket - b.ticket) };
  }

  it('books exactly 20 of 500, waitlists 480 in distinct places, and 5 cancellations promote the first 5', async () => {
    const [a, b] = servers;
    const start = new Date(Date.now() + 30 * 86_400_000);
    start.setUTCHours(13, 0, 0, 0);
    const created = await call(a, '/api/events', admin, 'POST', {
      title: 'Contended PLT afternoon',
      category: 'plt',
      hub: 'east-kent',
      start: start.toISOString(),
      end: new Date(start.getTime() + 3 * 3_600_000).toISOString(),
      location: 'Canterbury',
      capacity: 20,
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id = created.body.id as string;

    const people = Array.from({ length: 500 }, () => newUserId());
    const answers = await Promise.all(people.map((u, i) => call(i % 2 ? b : a, `/api/events/${id}/registrations`, u, 'POST')));
    const failed = answers.filter((r) => r.status !== 201);
    assert.equal(failed.length, 0, `all 500 answered 201 (first failure: ${JSON.stringify(failed[0])})`);
    const bookedAnswers = answers.filter((r) => r.body.status === 'booked');
    const waitAnswers = answers.filter((r) => r.body.status === 'waitlisted');
    assert.equal(bookedAnswers.length, 20);
    assert.equal(waitAnswers.length, 480);
    const positions = waitAnswers.map((r) => r.body.position as number).sort((x, y) => x - y);
    assert.deepEqual(positions, Array.from({ length: 480 }, (_, i) => i + 1), 'places 1..480, each once');

    const snapshot = (await repo.load(id))!;
    const { booked, waiting } = check([...snapshot.regs.values()], snapshot.seats);
    assert.equal(booked.length, 20);
    assert.equal(waiting.length, 480);
    const viewB = await call(b, `/api/events/${id}`, people[0]);
    assert.deepEqual([viewB.body.booked, viewB.body.waitlisted], [20, 480]);

    // Five booked people cancel at once, through both instances.
    const leaving = booked.slice(0, 5).map((r) => r.userId);
    const firstFive = waiting.slice(0, 5).map((r) => r.userId);
    const cancels = await Promise.all(leaving.map((u, i) => call(i % 2 ? a : b, `/api/events/${id}/registrations/me`, u, 'DELETE')));
    assert.ok(cancels.every((c) => c.status === 200 && c.body.previous === 'booked'));

    const after = (await repo.load(id))!;
    const now = check([...after.regs.values()], after.seats);
    assert.equal(now.booked.length, 20, 'still exactly 20 booked');
    assert.equal(now.waiting.length, 475);
    assert.deepEqual(firstFive.filter((u) => after.regs.get(u)?.status === 'booked'), firstFive, 'the first five waiting were promoted');
    assert.ok(leaving.every((u) => !after.regs.has(u)));
    const sixth = waiting[5].userId;
    assert.equal((await call(a, `/api/events/${id}`, sixth)).body.myWaitlistPosition, 1, 'the sixth is now next');
    assert.equal(after.seats.promotions, 5);
  });
});
