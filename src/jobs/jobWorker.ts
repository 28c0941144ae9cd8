// Consumes the jobs queue (every instance runs one) and runs each due job by its handler.
//
// A job is claimed in its row (status `running`, a lease renewed while the handler runs, the queue
// message kept hidden as long). If the instance dies mid-job, the message reappears, the lease has
// lapsed, and another instance runs the handler again — handlers are idempotent by contract, and a
// fan-out of notices is, because notify() sends each key once. Success deletes the job row (only
// if it was not rescheduled meanwhile); failure retries with backoff, then the job is marked failed
// and a copy goes to the poison queue.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Clock, JobHandler } from '../domain/ports.js';
import type { Logger } from '../logging.js';
import { backoffMs } from '../domain/notifications/pacing.js';
import type { JobRecord, TableJobStore } from '../storage/jobStore.js';
import { isConflict, isPreconditionFailed } from '../storage/errors.js';
import { errorSummary } from '../logging.js';
import type { BackgroundTuning } from './tuning.js';
import type { QueueMessage, WorkQueue } from './workQueue.js';
import { QueuePoller } from './queuePoller.js';
import type { JobMessage } from './durableScheduler.js';

export interface PoisonJob {
  k: string;
  kind: string;
  reason: string;
  at: string;
}

const keyPrefix = (key: string) => key.split(':')[0].slice(0, 40);

export interface JobWorkerDeps {
  queue: WorkQueue<JobMessage>;
  poison: WorkQueue<PoisonJob>;
  store: TableJobStore;
  handlers: Record<string, JobHandler>;
  clock: Clock;
  logger: Logger;
  tuning: BackgroundTuning;
}

export class JobWorker {
  private readonly poller: QueuePoller<JobMessage>;

  constructor(private readonly deps: JobWorkerDeps) {
    this.poller = new QueuePoller({
      queue: deps.queue,
      what: 'jobs',
      logger: deps.logger,
      room: (inFlight) => deps.tuning.jobConcurrency - inFlight,
      fullNapMs: 100,
      visibilitySeconds: deps.tuning.jobVisibilitySeconds,
      maxIdleMs: deps.tuning.pollIdleMs,
      handle: (message) => this.handle(message),
    });
  }

  start(): void {
    this.poller.start();
  }

  wake(): void {
    this.poller.wake();
  }

  async stop(drainMs = 3000): Promise<void> {
    await this.poller.stop(drainMs);
  }

  private async handle(message: QueueMessage<JobMessage>): Promise<void> {
    const { queue, store, tuning, clock } = this.deps;
    const body = message.body;
    if (!body || typeof body.k !== 'string' || typeof body.v !== 'string') {
      await queue.delete(message);
      return;
    }
    for (let round = 0; round < 10; round++) {
      const job = await store.get(body.k);
      // Done, cancelled, moved to another time, or given up: this message is spent.
      if (!job || job.version !== body.v || job.status === 'failed') {
        await queue.delete(message);
        return;
      }
      const now = Date.now();
      if (job.status === 'running' && (job.leaseUntil ?? 0) > now) {
        await queue.delay(message, ((job.leaseUntil ?? now) - now) / 1000 + 1);
        return;
      }
      // A retry waiting for its time (its due row will queue it again).
      if (job.status === 'scheduled' && job.dueAt.getTime() > clock.now().getTime() + 1000) {
        await queue.delete(message);
        return;
      }
      if (message.dequeueCount > tuning.maxDequeue) {
        await this.giveUp(job, 'dead-lettered');
        await queue.delete(message);
        return;
      }
      const handler = this.deps.handlers[job.kind];
      if (!handler) {
        await this.giveUp(job, 'no-handler');
        await queue.delete(message);
        return;
      }
      let etag: string;
      try {
        etag = await store.put({ ...job, status: 'running', runner: tuning.instanceId, leaseUntil: now + tuning.jobLeaseMs, attempts: job.attempts + 1, updatedAt: clock.now() }, job.etag);
      } catch (e) {
        if (isPreconditionFailed(e) || isConflict(e)) continue;
        throw e;
      }
      await this.run({ ...job, attempts: job.attempts + 1, etag }, handler, message);
      return;
    }
  }

  private async run(job: JobRecord, handler: JobHandler, message: QueueMessage<JobMessage>): Promise<void> {
    const { queue, store, tuning, clock, logger } = this.deps;
    const started = Date.now();
    let etag = job.etag;
    // Keep the claim and the message alive while the handler runs; the wait between renewals is
    // aborted as soon as the handler ends, so a finished job does not hold its slot (or a timer)
    // for a third of a lease.
    const handlerDone = new AbortController();
    const renewal = (async () => {
      for (;;) {
        try {
          await sleep(tuning.jobLeaseMs / 3, undefined, { signal: handlerDone.signal });
        } catch {
          break; // the handler has ended
        }
        try {
          etag = await store.put({ ...job, status: 'running', runner: tuning.instanceId, leaseUntil: Date.now() + tuning.jobLeaseMs, updatedAt: clock.now() }, etag);
          await queue.delay(message, tuning.jobVisibilitySeconds);
        } catch (e) {
          // Rescheduled or cancelled while running: let the lease go, keep running to the end.
          if (isPreconditionFailed(e)) break;
          logger.warn({ err: errorSummary(e) }, 'could not renew a running job');
        }
      }
    })();
    let failure: unknown;
    try {
      await handler(job.payload, { key: job.key, kind: job.kind, dueAt: job.dueAt });
    } catch (e) {
      failure = e;
    }
    handlerDone.abort();
    await renewal;

    const durationMs = Date.now() - started;
    if (failure === undefined) {
      if (!(await store.remove(job, etag))) {
        const now = await store.get(job.key);
        if (now && now.version === job.version && now.status === 'running' && now.runner === tuning.instanceId) await store.remove(now, now.etag);
      }
      await queue.delete(message);
      logger.info({ kind: job.kind, job: keyPrefix(job.key), attempt: job.attempts, durationMs }, 'job done');
      return;
    }

    const current = await store.get(job.key);
    if (!current || current.version !== job.version) {
      await queue.delete(message);
      return;
    }
    const reason = errorSummary(failure).message;
    if (current.attempts >= tuning.jobMaxAttempts) {
      await this.giveUp(current, reason);
      await queue.delete(message);
      return;
    }
    const retryAt = new Date(clock.now().getTime() + backoffMs(current.attempts, Math.random, tuning.jobRetryBaseMs, 3_600_000));
    const dueRow = await store.putDue(retryAt, job.key, job.version);
    try {
      await store.put({ ...current, status: 'scheduled', dueAt: retryAt, dueRow, runner: undefined, leaseUntil: undefined, lastError: reason, updatedAt: clock.now() }, current.etag);
    } catch (e) {
      if (!isPreconditionFailed(e)) throw e;
    }
    await queue.delete(message);
    logger.warn({ kind: job.kind, job: keyPrefix(job.key), attempt: current.attempts, retryAt, durationMs }, 'job failed; will retry');
  }

  private async giveUp(job: JobRecord, reason: string): Promise<void> {
    const { store, poison, clock, logger } = this.deps;
    try {
      await store.put({ ...job, status: 'failed', runner: undefined, leaseUntil: undefined, lastError: reason, updatedAt: clock.now() }, job.etag);
    } catch (e) {
      if (!isPreconditionFailed(e)) throw e;
      return;
    }
    await poison.send({ k: job.key, kind: job.kind, reason: reason.slice(0, 200), at: new Date().toISOString() }, { ttlSeconds: 7 * 24 * 3600 });
    // The reason stays in the job row and the poison copy; logs get no free text.
    logger.error({ kind: job.kind, job: keyPrefix(job.key), attempts: job.attempts }, 'job given up; copy in the poison queue');
  }
}
