// Scale simulation for docs/scale.md: the Virtual Café at all-England size (~150,000 staff,
// ~1,250 PCNs). Seeded synthetic workloads are replayed second by second against the app's real
// partition keys, with per-operation costs read off the code (entities touched per partition;
// file named beside each cost). Prints, for each scenario, the hottest partition's peak load as a
// fraction of Azure Tables' per-partition target (2,000 entities/s) and the account's peak as a
// fraction of its target (20,000 transactions/s), plus the Teams send-rate bound for reminders.
import { personBucket } from '../src/storage/eventIndexRepository.js';
import { duePartition, jobPartition } from '../src/storage/jobStore.js';
import { reminderKey } from '../src/services/events/keys.js';
import { runBench } from './stats.js';

const PARTITION_TARGET = 2000; // entities/s, 1 KiB entities (Azure Tables scalability targets)
const ACCOUNT_TARGET = 20000; // transactions/s per storage account
const TEAMS_APP_TENANT_RPS = 50; // proactive messages per app per tenant (Teams throttling docs)
const GROUP_COMMIT = 99; // sign-ups per Table transaction (src/services/events/seatLines.ts)

/** Deterministic PRNG (mulberry32) so the figures are the same on every run. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Load per second per partition (entities) and per account (transactions). */
class Ledger {
  private readonly entities = new Map<number, Map<string, number>>();
  private readonly transactions = new Map<number, number>();

  touch(second: number, partition: string, entities: number, transactions = 1) {
    const bySecond = this.entities.get(second) ?? new Map<string, number>();
    bySecond.set(partition, (bySecond.get(partition) ?? 0) + entities);
    this.entities.set(second, bySecond);
    this.transactions.set(second, (this.transactions.get(second) ?? 0) + transactions);
  }

  hottest(): { partition: string; second: number; entities: number } {
    let best = { partition: '-', second: 0, entities: 0 };
    for (const [second, parts] of this.entities) for (const [partition, entities] of parts) if (entities > best.entities) best = { partition, second, entities };
    return best;
  }

  peakTransactions(): number {
    return Math.max(0, ...this.transactions.values());
  }
}

/** Arrival seconds for `n` people, half of them within `halfLifeS` of the start (exponential). */
function arrivals(n: number, halfLifeS: number, random: () => number): number[] {
  const rate = Math.LN2 / halfLifeS;
  return Array.from({ length: n }, () => Math.floor(-Math.log(1 - random()) / rate));
}

interface Result {
  name: string;
  hottest: { partition: string; second: number; entities: number };
  peakTx: number;
  note?: string;
}

function report(r: Result) {
  const part = r.hottest.entities / PARTITION_TARGET;
  const acct = r.peakTx / ACCOUNT_TARGET;
  console.log(`${r.name}`);
  console.log(`  hottest partition ${r.hottest.partition} at t=${r.hottest.second}s: ${r.hottest.entities} entities/s`);
  console.log(`  RATIO hottest partition / 2,000 = ${part.toFixed(2)}   RATIO account peak ${r.peakTx} tx/s / 20,000 = ${acct.toFixed(2)}`);
  if (r.note) console.log(`  ${r.note}`);
}

/**
 * A popular event opens for booking to everyone: `people` try within minutes (half in 20 s),
 * spread over `instances` app instances, each group-committing its own batches on the event's
 * partition. Per sign-up (src/services/events/*, src/storage/eventRepository.ts): the transaction's
 * rows, the person index row (8 buckets, src/storage/eventIndexRepository.ts), the person's card
 * (event row + registration; the place in the queue comes from the event row, `waitlistPlaceOf`).
 * `positionCost: 'scan'` models counting the waitlisted rows ahead instead (the first design, and
 * still the fallback for events whose leavers list overflowed) to show why that had to go.
 */
function popularEvent(people: number, capacity: number, instances: number, positionCost: 'scan' | 'constant', seed: number): Result {
  const random = rng(seed);
  const ledger = new Ledger();
  const times = arrivals(people, 20, random).sort((a, b) => a - b);
  const perSecond = new Map<number, number>();
  for (const t of times) perSecond.set(t, (perSecond.get(t) ?? 0) + 1);
  let taken = 0;
  let person = 0;
  for (const [second, count] of [...perSecond].sort((a, b) => a[0] - b[0])) {
    // Each instance commits its share of this second in batches of up to 99.
    const share = Math.ceil(count / instances);
    const transactions = instances * Math.ceil(share / GROUP_COMMIT);
    ledger.touch(second, 'Events/<event>', count + transactions, transactions);
    for (let i = 0; i < count; i++, person++) {
      const waitlistedAhead = Math.max(0, taken - capacity);
      taken++;
      ledger.touch(second, `EventPeople/${personBucket(`person-${person}`)}`, 1);
      // Card for this person: event row + own registration, plus the place in the queue.
      const placeEntities = taken > capacity ? (positionCost === 'scan' ? waitlistedAhead : 0) : 0;
      ledger.touch(second, 'Events/<event>', 2 + placeEntities, 2 + (placeEntities ? Math.ceil(placeEntities / 1000) : 0));
      ledger.touch(second, `Profiles/<person>`, 1); // roles and name: point reads in the person's own partition
    }
  }
  return { name: `Popular event: ${people.toLocaleString('en-GB')} people, ${capacity} seats, ${instances} instances, place ${positionCost === 'scan' ? 'counted by scan (first design)' : 'from the event row (now)'}`, hottest: ledger.hottest(), peakTx: ledger.peakTransactions() };
}

/**
 * Reminders: PLT afternoons start together, so the 1-hour reminders for every 13:00 session fall
 * due at 12:00. Each notice is a record in the person's partition (src/storage/notificationStore.ts)
 * plus queue traffic; the send rate is bounded by Teams (50/s per app per tenant). Each event's
 * reminder job, as it comes due (src/jobs/durableScheduler.ts, jobWorker.ts; measured on Azurite
 * by bench/jobs.bench.ts: 5.0 entity operations per job on its job row): the mover reads the job
 * row and marks it queued, the worker reads it, claims it and deletes it (5 on the job row's
 * partition), and the due row is read and deleted (2 on its partition). `layout: 'first'` puts
 * every job row in `job` and every due row in `due`, as before; 'sharded' uses the real keys.
 */
function reminderWave(events: number, bookedEach: number, seed: number, layout: 'first' | 'sharded'): Result {
  const random = rng(seed);
  const ledger = new Ledger();
  const total = events * bookedEach;
  // The fan-out jobs run as they fall due (all at once); records are written as fast as storage allows.
  for (let i = 0; i < total; i++) {
    const second = Math.floor(random() * 30); // fan-out of all jobs spread over ~30 s by the workers
    ledger.touch(second, `Notifications/u:<person ${i % 150000}>`, 2, 2); // claim + record
  }
  const dueAt = new Date(Date.UTC(2027, 2, 10, 12, 0, 0));
  for (let e = 0; e < events; e++) {
    const key = reminderKey(`e${String(e).padStart(16, '0')}`, 3_600_000);
    ledger.touch(0, `Jobs/${layout === 'first' ? 'job' : jobPartition(key)}`, 5, 5);
    ledger.touch(0, `Jobs/${layout === 'first' ? 'due' : duePartition(dueAt, key)}`, 2, 2);
  }
  const minutes = total / TEAMS_APP_TENANT_RPS / 60;
  return {
    name: `Reminder wave: ${events.toLocaleString('en-GB')} sessions × ${bookedEach} booked = ${total.toLocaleString('en-GB')} reminders due together, Jobs ${layout === 'first' ? 'in one job and one due partition (first layout)' : 'sharded by key and minute (now)'}`,
    hottest: ledger.hottest(),
    peakTx: ledger.peakTransactions(),
    note: `sending them at ${TEAMS_APP_TENANT_RPS}/s (one tenant) takes ${minutes.toFixed(1)} minutes: RATIO send time / 60-minute lead = ${(minutes / 60).toFixed(2)}`,
  };
}

/**
 * The channel directory at national size: one query over the Channels partition per page view,
 * plus (first design) one count read per channel (src/services/channels.ts →
 * MembershipRepository.count); now counts are on the rows, and each instance keeps the directory
 * for 2 s (src/storage/channelRepository.ts, READ_CACHE_TTL_MS.channels).
 */
function directoryViews(channels: number, viewsPerSecond: number, design: 'counts per channel' | 'counts on rows' | 'cached', instances = 4): Result {
  const ledger = new Ledger();
  for (let s = 0; s < 60; s++) {
    if (design === 'cached') {
      // Each instance reads the directory once every 2 s, whatever the views (their 2 s fall unaligned: half each second).
      for (let i = 0; i < instances; i++) if (s % 2 === i % 2) ledger.touch(s, 'Channels/channel', channels, Math.ceil(channels / 1000));
      continue;
    }
    for (let v = 0; v < viewsPerSecond; v++) {
      ledger.touch(s, 'Channels/channel', channels, Math.ceil(channels / 1000));
      if (design === 'counts per channel') for (let c = 0; c < channels; c++) ledger.touch(s, `ChannelMembers/c|<channel ${c}>`, 1);
    }
  }
  const label = design === 'cached' ? `counts on the rows, directory kept 2 s by each of ${instances} instances (now)` : design === 'counts on rows' ? 'counts on the channel rows, no cache' : 'member counts read per channel (first design)';
  return { name: `Directory: ${channels.toLocaleString('en-GB')} channels, ${viewsPerSecond} views/s, ${label}`, hottest: ledger.hottest(), peakTx: ledger.peakTransactions() };
}

/** A new channel announced nationally: joins land on the channel's partition (member row + count row under ETag). */
function joinWave(joins: number, halfLifeS: number, seed: number): Result {
  const ledger = new Ledger();
  for (const t of arrivals(joins, halfLifeS, rng(seed))) {
    ledger.touch(t, 'ChannelMembers/c|<channel>', 2, 1);
    ledger.touch(t, 'ChannelMembers/u|<person>', 1, 1);
  }
  return { name: `Join wave: ${joins.toLocaleString('en-GB')} joins to one channel, half within ${halfLifeS} s`, hottest: ledger.hottest(), peakTx: ledger.peakTransactions() };
}

runBench(async () => {
  console.log('All-England model: ~150,000 staff, ~1,250 PCNs. Targets: 2,000 entities/s per partition, 20,000 tx/s per account.\n');
  report(popularEvent(10_000, 300, 4, 'scan', 1));
  report(popularEvent(10_000, 300, 4, 'constant', 1));
  report(popularEvent(1_000, 50, 2, 'scan', 2));
  report(popularEvent(1_000, 50, 2, 'constant', 2));
  report(reminderWave(1_000, 30, 3, 'first'));
  report(reminderWave(1_000, 30, 3, 'sharded'));
  report(directoryViews(2_000, 10, 'counts per channel'));
  report(directoryViews(2_000, 10, 'counts on rows'));
  report(directoryViews(2_000, 10, 'cached'));
  report(joinWave(3_000, 60, 4));
});
