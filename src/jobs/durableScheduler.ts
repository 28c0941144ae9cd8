// The app's JobScheduler: due times live in Tables (src/storage/jobStore.ts); the instance holding
// the scheduling lease moves due jobs onto the jobs queue; every instance consumes it (jobWorker.ts).
//
// schedule() writes the new due row before the job row that points at it, so a crash in between
// leaves at worst a due row whose version matches nothing (dropped once it is a minute old: until
// then it may be a schedule() still under way, see STALE_DUE_AFTER_MS), never a job
// that would not run. Scheduling a key again gives it a new version: the old due row, and any
// queue message for the old version, no longer match and are dropped.
import { randomUUID } from 'node:crypto';
import type { Clock, JobScheduler, ScheduledJob } from '../domain/ports.js';
import type { Logger } from '../logging.js';
import { invalid } from '../domain/errors.js';
import { plainObject } from '../domain/input.js';
import type { DueEntry, JobRecord, TableJobStore } from '../storage/jobStore.js';
import { isConflict, isPreconditionFailed } from '../storage/errors.js';
import { errorSummary } from '../logging.js';
import type { WorkQueue } from './workQueue.js';

export interface JobMessage {
  /** Job key. */
  k: string;
  /** The version the scheduler saw due. */
  v: string;
}

const MAX_PAYLOAD_JSON = 30_000;

export class DurableScheduler implements JobScheduler {
  /** Called when a job becomes due soon (lets this process's scheduling loop look at once). */
  onDueSoon?: (dueAt: Date) => void;

  constructor(
    private readonly store: TableJobStore,
    private readonly clock: Clock,
  ) {}

  async schedule(job: ScheduledJob): Promise<void> {
    if (typeof job.key !== 'string' || job.key.length === 0 || job.key.length > 300) throw invalid('A job needs a key of 1 to 300 characters.');
    if (typeof job.kind !== 'string' || !/^[a-z][a-z0-9.-]{0,59}$/i.test(job.kind)) throw invalid('A job kind is a short name such as "event.reminders".');
    if (!(job.dueAt instanceof Date) || Number.isNaN(job.dueAt.getTime())) throw invalid('A job needs a due time.');
    const payload = plainObject(job.payload ?? {}, MAX_PAYLOAD_JSON);
    if (!payload) throw invalid('A job payload is a small JSON object.');

    const version = randomUUID();
    const dueRow = await this.store.putDue(job.dueAt, job.key, version);
    let previousDueRow: string | undefined;
    for (let attempt = 1; ; attempt++) {
      const current = await this.store.get(job.key);
      const fresh = { key: job.key, kind: job.kind, payload, dueAt: job.dueAt, version, status: 'scheduled' as const, dueRow, attempts: 0, updatedAt: this.clock.now() };
      try {
        if (current?.legacy) {
          // A job of the first layout: the new version goes into its shard, the old row goes.
          await this.store.put(fresh, null);
          await this.store.remove(current, current.etag);
        } else await this.store.put(fresh, current?.etag ?? null);
        previousDueRow = current?.dueRow;
        break;
      } catch (e) {
        if (!(isConflict(e) || isPreconditionFailed(e)) || attempt >= 20) throw e;
      }
    }
    if (previousDueRow && previousDueRow !== dueRow) await this.store.removeDue(previousDueRow);
    this.onDueSoon?.(job.dueAt);
  }

  async cancel(key: string): Promise<void> {
    if (typeof key !== 'string' || !key) return;
    const current = await this.store.get(key);
    if (!current) return;
    await this.store.remove(current);
    if (current.dueRow) await this.store.removeDue(current.dueRow);
  }
}

/**
 * How long a due row that leads nowhere (no job row, another version, not waiting) is kept before
 * it is dropped as stale. schedule() writes the due row first and the job row after it, and a
 * retry writes its due row before it turns the running job back to `scheduled`: in between, the
 * row looks stale but is not. Dropping it then lost the job for good (its row pointed at a due row
 * that was gone): a series' second meeting, an imported event's meeting, never made.
 */
export const STALE_DUE_AFTER_MS = 60_000;

export interface DueJobMoverOptions {
  /** STALE_DUE_AFTER_MS unless a test says otherwise. */
  staleDueAfterMs?: number;
  /** The wall clock the due rows' write times are on (not the app's Clock, which tests move). */
  wallNow?: () => number;
}

/** Run by the lease holder: due rows → queue messages. */
export class DueJobMover {
  private readonly staleDueAfterMs: number;
  private readonly wallNow: () => number;

  constructor(
    private readonly store: TableJobStore,
    private readonly queue: WorkQueue<JobMessage>,
    private readonly clock: Clock,
    private readonly logger: Logger,
    options: DueJobMoverOptions = {},
  ) {
    this.staleDueAfterMs = options.staleDueAfterMs ?? STALE_DUE_AFTER_MS;
    this.wallNow = options.wallNow ?? Date.now;
  }

  /**
   * A due row that does not queue its job now may still be wanted while it is young: no job row yet
   * or another version (schedule() writes the due row first), or this version running (a retry
   * writes its due row before turning the job back to `scheduled`). Queued or given up at this
   * version, nothing will ever want it.
   */
  private mayBeWanted(entry: DueEntry, job: JobRecord | null): boolean {
    if (job && job.version === entry.version && job.status !== 'running') return false;
    return entry.writtenAt !== undefined && this.wallNow() - entry.writtenAt < this.staleDueAfterMs;
  }

  /** Moves what is due now; answers how many jobs were queued. */
  async moveDue(limit = 200): Promise<number> {
    const due = await this.store.due(this.clock.now(), limit);
    let queued = 0;
    for (const entry of due) {
      try {
        const job = await this.store.get(entry.key);
        if (job && job.version === entry.version && job.status === 'scheduled') {
          // Queue first, then mark: a crash in between queues it twice, which the worker absorbs.
          await this.queue.send({ k: entry.key, v: entry.version });
          queued++;
          try {
            await this.store.put({ ...job, status: 'queued', dueRow: undefined, updatedAt: this.clock.now() }, job.etag);
          } catch (e) {
            if (!isPreconditionFailed(e)) throw e;
          }
        } else if (this.mayBeWanted(entry, job)) {
          // Perhaps its job row is being written this moment: look again next tick.
          continue;
        }
        await this.store.removeDue(entry.ref);
      } catch (e) {
        this.logger.warn({ err: errorSummary(e) }, 'could not queue a due job; will try again');
      }
    }
    return queued;
  }
}
