// Sign-ups under load and faults, through two server processes on one Azurite:
// - many people at once for few seats: exactly the capacity booked, the rest waitlisted in
//   distinct places in joining order, counters equal rows;
// - one process killed with SIGKILL in the middle and restarted: the same invariants, and everyone
//   whose request was lost can simply try again;
// - Azurite stopped for 5 s in the middle: readable 503s (API) and error cards (bot), nothing
//   half-written, and recovery without restarting the app.
// CI size by default; `npm run soak` runs 1,000 sign-ups for 50 seats.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newUserId, uniquePrefix } from '../helpers/ids.js';
import { startServerProcess, type ServerProcess } from '../helpers/serverProcesses.js';
import { startAzurite, type EmbeddedAzurite } from '../../src/storage/azurite.js';
import { Storage } from '../../src/storage/storage.js';
import { TableEventRepository } from '../../src/storage/eventRepository.js';
import { FakeConnector } from '../helpers/fakeConnector.js';
import { BotClient } from '../helpers/botClient.js';

const SOAK = process.env.SOAK === '1';
const PEOPLE = SOAK ? 1000 : 240;
const SEATS = SOAK ? 50 : 12;

type Answer = { status: number; body: any; error?: string };

async function call(server: { url: string }, path: string, user: string, method = 'GET', body?: unknown): Promise<Answer> {
  try {
    const res = await fetch(server.url + path, {
      method,
      headers: { 'x-dev-user': user, 'x-dev-name': encodeURIComponent(`Person ${user.slice(0, 6)}`), ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(60_000),
    });
    return { status: res.status, body: (await res.json().catch(() => null)) as any };
  } catch (e) {
    return { status: 0, body: null, error: e instanceof Error ? e.message : String(e) };
  }
}

describe('sign-ups under load and faults (two server processes)', function () {
  this.timeout(600_000);
  const dir = mkdtempSync(join(tmpdir(), 'vc-faults-'));
  let azurite: EmbeddedAzurite;
  let servers: ServerProcess[] = [];
  let env: Record<string, string>;
  let repo: TableEventRepository;
  const admin = newUserId();

  before(async () => {
    // Our own Azurite with data on disk: the outage test stops and restarts it on the same ports.
    azurite = await startAzurite({ location: dir });
    const prefix = uniquePrefix();
    env = { AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString, STORAGE_PREFIX: prefix, ADMIN_AAD_OBJECT_IDS: admin };
    servers = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    repo = new TableEventRepository(new Storage({ connectionString: azurite.connectionString }, prefix).table('events'));
  });
  after(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await azurite?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function createEvent(title: string, capacity: number): Promise<string> {
    const start = new Date(Date.now() + 20 * 86_400_000);
    start.setUTCHours(13, 0, 0, 0);
    const created = await call(servers[0], '/api/events', admin, 'POST', {
      title,
      category: 'plt',
      hub: 'west-kent',
      start: start.toISOString(),
      end: new Date(start.getTime() + 2 * 3_600_000).toISOString(),
      location: 'Oakwood House, Maidstone',
      capacity,
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    return created.body.id as string;
  }

  /** The stored truth: counters equal rows, capacity kept, waitlist tickets distinct; ids by status. */
  async function invariants(eventId: string, capacity: number) {
    const snap = (await repo.load(eventId))!;
    const regs = [...snap.regs.values()];
    const booked = regs.filter((r) => r.status === 'booked');
    const waiting = regs.filter((r) => r.status === 'waitlisted').sort((a, b) => a.ticket - b.ticket);
    assert.equal(snap.seats.booked, booked.length, 'booked counter = booked rows');
    assert.equal(snap.seats.waitlisted, waiting.length, 'waitlisted counter = waitlisted rows');
    assert.ok(booked.length <= capacity, `capacity ${capacity} never exceeded (booked ${booked.length})`);
    assert.equal(new Set(waiting.map((r) => r.ticket)).size, waiting.length, 'distinct waitlist places');
    assert.equal(new Set(regs.map((r) => r.userId)).size, regs.length, 'nobody twice');
    return { booked, waiting };
  }

  it(`books exactly ${SEATS} of ${PEOPLE} and waitlists the rest in joining order`, async () => {
    const id = await createEvent('Load: clinical update', SEATS);
    const people: string[] = Array.from({ length: PEOPLE }, () => newUserId());
    const answers = await Promise.all(people.map((u, i) => call(servers[i % 2], `/api/events/${id}/registrations`, u, 'POST')));
    assert.deepEqual(answers.filter((a) => a.status !== 201).map((a) => a.status), [], 'all answered 201');
    const { booked, waiting } = await invariants(id, SEATS);
    assert.equal(booked.length, SEATS);
    assert.equal(waiting.length, PEOPLE - SEATS);
    // Each person's answer matches their stored place; places are 1..n in ticket (joining) order.
    const placeOf = new Map(people.map((u, i) => [u, answers[i].body]));
    waiting.forEach((r, i) => assert.deepEqual([placeOf.get(r.userId).status, placeOf.get(r.userId).position], ['waitlisted', i + 1]));
  });

  it('keeps the invariants when one process is killed with SIGKILL mid-run and restarted', async () => {
    const id = await createEvent('Faults: killed mid-run', SEATS);
    const people: string[] = Array.from({ length: PEOPLE }, () => newUserId());
    const victim = servers[1];
    const inflight = people.map((u, i) => call(servers[i % 2], `/api/events/${id}/registrations`, u, 'POST'));
    await new Promise((r) => setTimeout(r, 150));
    victim.child.kill('SIGKILL');
    const answers = await Promise.all(inflight);
    const lost = people.filter((_, i) => answers[i].status !== 201);
    assert.ok(lost.length > 0, 'the kill landed while requests were in flight');
    await invariants(id, SEATS);

    servers[1] = await startServerProcess(env);
    // Whoever did not get an answer tries again (sign-up is idempotent), on either instance.
    const retried = await Promise.all(lost.map((u, i) => call(servers[i % 2], `/api/events/${id}/registrations`, u, 'POST')));
    assert.deepEqual(retried.filter((a) => a.status !== 201).map((a) => a.status), [], 'retries answered 201');
    const { booked, waiting } = await invariants(id, SEATS);
    assert.equal(booked.length + waiting.length, PEOPLE, 'everyone has exactly one place');
    assert.equal(booked.length, SEATS);
  });

  it('answers 503s and error cards while Azurite is down for 5 s, writes nothing half-way, and recovers', async () => {
    const id = await createEvent('Faults: storage outage', SEATS);
    const connector = await FakeConnector.start();
    const bot = new BotClient(servers[0].url, connector);
    try {
      const people: string[] = Array.from({ length: PEOPLE }, () => newUserId());
      const firstHalf = people.slice(0, PEOPLE / 2);
      const secondHalf = people.slice(PEOPLE / 2);
      const early = Promise.all(firstHalf.map((u, i) => call(servers[i % 2], `/api/events/${id}/registrations`, u, 'POST')));
      await new Promise((r) => setTimeout(r, 100));
      const ports = azurite.ports;
      await azurite.stop();
      const downSince = Date.now();

      // While storage is down: the API says 503 in words, the bot answers an error card.
      const during = await Promise.all(secondHalf.slice(0, 20).map((u, i) => call(servers[i % 2], `/api/events/${id}/registrations`, u, 'POST')));
      for (const a of during) {
        assert.equal(a.status, 503, JSON.stringify(a));
        assert.match(a.body.error.message, /unavailable|try again/i);
      }
      const card = await bot.invoke({ id: secondHalf[20], name: 'Card Person' }, 'event.signup', { eventId: id });
      assert.equal(card.body.statusCode, 503);
      assert.equal(card.body.type, 'application/vnd.microsoft.error');
      assert.match(card.body.value.message, /try again/i);
      const health = await call(servers[1], '/api/health', admin);
      assert.equal(health.status, 503);

      await new Promise((r) => setTimeout(r, Math.max(0, 5000 - (Date.now() - downSince))));
      azurite = await startAzurite({ location: dir, ports });
      const earlyAnswers = await early;
      for (const a of earlyAnswers) assert.ok([201, 503].includes(a.status), `answered ${a.status} ${a.error ?? ''}`);

      // Storage is back: the same servers (not restarted) take the rest, and the retries.
      let healthy = false;
      for (let i = 0; i < 100 && !healthy; i++) {
        healthy = (await call(servers[0], '/api/health', admin)).status === 200 && (await call(servers[1], '/api/health', admin)).status === 200;
        if (!healthy) await new Promise((r) => setTimeout(r, 100));
      }
      assert.ok(healthy, 'both servers healthy again without a restart');
      const notYet = firstHalf.filter((_, i) => earlyAnswers[i].status !== 201).concat(secondHalf);
      const late = await Promise.all(notYet.map((u, i) => call(servers[i % 2], `/api/events/${id}/registrations`, u, 'POST')));
      assert.deepEqual(late.filter((a) => a.status !== 201).map((a) => a.status), []);
      const { booked, waiting } = await invariants(id, SEATS);
      assert.equal(booked.length, SEATS);
      assert.equal(booked.length + waiting.length, PEOPLE, 'everyone has exactly one place');
    } finally {
      await connector.close();
    }
  });
});
