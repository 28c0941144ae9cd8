// Sign-ups for one event are a queue, not a race. Inside this process every change to an event's
// seats waits in that event's line; the line takes everything waiting, plans it against its copy
// of the partition (planBatch) and commits it as one Table transaction (group commit). Other
// server instances are kept honest by the event row's ETag: if one of them committed first, the
// transaction fails as a whole, the line re-reads the partition and plans again.
import { errorSummary, type Logger } from '../../logging.js';
import type { Clock } from '../../domain/ports.js';
import type { UserId } from '../../domain/people/person.js';
import type { CommitResult, EventRepository, PersonIndex } from '../../domain/events/ports.js';
import { planBatch, type Outcome, type PartitionSnapshot, type Plan, type SeatOp, type StoredRegistration } from '../../domain/events/seats.js';
import { AppError, conflict, notFound } from '../../domain/errors.js';
import type { CancelledInvite, PltEvent, Seats } from '../../domain/events/event.js';

/** An op's outcome and the event as it stood once the op was committed. */
export interface Settled {
  outcome: Outcome;
  event: PltEvent;
  seats: Seats;
}

interface Waiting {
  op: SeatOp;
  resolve(settled: Settled): void;
  reject(error: unknown): void;
}

interface Copy {
  snapshot: PartitionSnapshot & { regs: Map<UserId, StoredRegistration>; cancelled: Map<UserId, CancelledInvite> };
  etag: string;
  /** When this copy was last known to match storage (read, or our own commit). */
  confirmedAt: number;
}

interface Line {
  eventId: string;
  waiting: Waiting[];
  running: boolean;
  copy?: Copy;
  lastUsed: number;
}

export interface Committed {
  eventId: string;
  plan: Plan;
  ops: SeatOp[];
}

export interface SeatLinesDeps {
  repo: EventRepository;
  people: PersonIndex;
  clock: Clock;
  logger: Logger;
  /** After each commit (notices, index clean-up); must not throw. */
  afterCommit(committed: Committed): Promise<void>;
}

const MAX_ATTEMPTS = 60;
const MAX_LINES = 500;
const IDLE_MS = 120_000;
/** A copy confirmed this recently is used without a check; older ones are checked first. */
const FRESH_MS = 250;

export class SeatLines {
  private readonly lines = new Map<string, Line>();
  private readonly stats = { batches: 0, conflicts: 0, ops: 0 };

  constructor(private readonly deps: SeatLinesDeps) {}

  /** Queues one change for the event and resolves with its outcome once committed. */
  async submit(eventId: string, op: SeatOp): Promise<Outcome> {
    return (await this.settle(eventId, op)).outcome;
  }

  /** Like submit, with the event and seats as committed (no need to read them back). */
  settle(eventId: string, op: SeatOp): Promise<Settled> {
    const line = this.line(eventId);
    return new Promise<Settled>((resolve, reject) => {
      line.waiting.push({ op, resolve, reject });
      if (!line.running) void this.drain(line);
    });
  }

  counters() {
    return { ...this.stats, lines: this.lines.size };
  }

  /**
   * This instance's copy of the event's partition, if it has one confirmed (read, or our own
   * commit) within `maxAgeMs`. Readers may show it instead of reading storage again; it can miss
   * another instance's commit of the last `maxAgeMs`. Never used to decide a booking.
   */
  peek(eventId: string, maxAgeMs: number): { event: PltEvent; seats: Seats; regs: ReadonlyMap<UserId, StoredRegistration>; confirmedAt: number } | undefined {
    const copy = this.lines.get(eventId)?.copy;
    if (!copy || Date.now() - copy.confirmedAt > maxAgeMs) return undefined;
    return { event: copy.snapshot.event, seats: copy.snapshot.seats, regs: copy.snapshot.regs, confirmedAt: copy.confirmedAt };
  }

  private line(eventId: string): Line {
    let line = this.lines.get(eventId);
    if (!line) {
      if (this.lines.size >= MAX_LINES) this.evictIdle(true);
      line = { eventId, waiting: [], running: false, lastUsed: Date.now() };
      this.lines.set(eventId, line);
    }
    line.lastUsed = Date.now();
    return line;
  }

  private evictIdle(force = false) {
    const now = Date.now();
    const idle = [...this.lines.values()].filter((l) => !l.running && l.waiting.length === 0).sort((a, b) => a.lastUsed - b.lastUsed);
    for (const l of idle) {
      if (force || now - l.lastUsed > IDLE_MS) this.lines.delete(l.eventId);
      if (force && this.lines.size < MAX_LINES * 0.9) break;
    }
  }

  private async load(line: Line): Promise<Copy | null> {
    const loaded = await this.deps.repo.load(line.eventId);
    if (!loaded) return null;
    const { etag, ...snapshot } = loaded;
    return { snapshot: { ...snapshot, regs: new Map(snapshot.regs), cancelled: new Map(snapshot.cancelled) }, etag, confirmedAt: Date.now() };
  }

  private async drain(line: Line): Promise<void> {
    line.running = true;
    try {
      while (line.waiting.length > 0) await this.runBatch(line);
    } finally {
      line.running = false;
      line.lastUsed = Date.now();
      if (this.lines.size > 50) this.evictIdle();
    }
  }

  private async runBatch(line: Line): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const batch = line.waiting.slice(0, 100);
      let plan: Plan;
      try {
        if (!line.copy) line.copy = (await this.load(line)) ?? undefined;
        if (!line.copy) {
          line.waiting.splice(0, batch.length).forEach((w) => w.reject(notFound('No event with that id.')));
          return;
        }
        const copy = line.copy;
        plan = planBatch(copy.snapshot, batch.map((w) => w.op), this.deps.clock.now());
        if (!plan.changed) {
          // Nothing to write, so no transaction will tell us if the copy is stale: ask once.
          if (Date.now() - copy.confirmedAt > FRESH_MS) {
            const head = await this.deps.repo.get(line.eventId);
            if (!head || head.etag !== copy.etag) {
              line.copy = undefined;
              continue;
            }
            copy.confirmedAt = Date.now();
          }
          this.finish(line, batch, plan);
          return;
        }
        if (plan.added.length) {
          // The person's index row first: a registration must never exist that "my bookings" cannot find.
          const { start, end } = plan.event;
          await this.deps.people.add(plan.added.map((userId) => ({ userId, eventId: line.eventId, start, end })));
        }
        const result = await this.deps.repo.commit(line.eventId, copy.etag, plan.event, plan.seats, plan.writes);
        this.stats.batches++;
        if (result === null) {
          this.stats.conflicts++;
          line.copy = undefined;
          if (attempt >= MAX_ATTEMPTS) {
            line.waiting.splice(0, batch.length).forEach((w) => w.reject(conflict('Too many people are booking this event at once. Please try again.')));
            return;
          }
          await pause(attempt);
          continue;
        }
        this.apply(line, copy, plan, result);
      } catch (e) {
        // Storage trouble: everyone in this batch hears about it; the copy may be stale now.
        line.copy = undefined;
        line.waiting.splice(0, batch.length).forEach((w) => w.reject(e));
        if (!(e instanceof AppError)) this.deps.logger.warn({ eventId: line.eventId, err: errorSummary(e) }, 'seat batch failed');
        return;
      }
      this.finish(line, batch, plan);
      if (plan.needsReconcile) line.waiting.push({ op: { kind: 'reconcile' }, resolve: () => undefined, reject: () => undefined });
      void this.deps.afterCommit({ eventId: line.eventId, plan, ops: batch.slice(0, plan.consumed).map((w) => w.op) }).catch((e: unknown) =>
        this.deps.logger.warn({ eventId: line.eventId, err: errorSummary(e) }, 'after-commit work failed'),
      );
      return;
    }
  }

  private finish(line: Line, batch: Waiting[], plan: Plan) {
    line.waiting.splice(0, plan.consumed);
    this.stats.ops += plan.consumed;
    for (let i = 0; i < plan.consumed; i++) {
      const outcome = plan.outcomes[i];
      if (outcome instanceof AppError) batch[i].reject(outcome);
      else batch[i].resolve({ outcome, event: plan.event, seats: plan.seats });
    }
  }

  /** Brings our copy up to date with what we just committed. */
  private apply(line: Line, copy: Copy, plan: Plan, result: CommitResult) {
    const { regs, cancelled } = copy.snapshot;
    let complete = !!result.etag;
    for (const w of plan.writes) {
      if (w.type === 'delete') regs.delete(w.userId);
      else if (w.type === 'put-cancelled') cancelled.set(w.invite.userId, w.invite);
      else if (w.type === 'delete-cancelled') cancelled.delete(w.userId);
      else {
        const etag = result.rows.get(w.reg.userId);
        if (!etag) complete = false;
        regs.set(w.reg.userId, { ...w.reg, etag: etag ?? '' });
      }
    }
    copy.snapshot = { event: plan.event, seats: plan.seats, regs, cancelled };
    copy.etag = result.etag;
    copy.confirmedAt = Date.now();
    // Never guard a later write with an unknown ETag: read the partition again instead.
    if (!complete) line.copy = undefined;
  }
}

function pause(attempt: number): Promise<void> {
  const ms = Math.min(100, 2 * 2 ** Math.min(attempt, 6)) * Math.random();
  return new Promise((r) => setTimeout(r, ms));
}
