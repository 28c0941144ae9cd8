// A scheduler that keeps jobs in memory and runs them on timers in this process. Not durable: the
// app's default is the DurableScheduler (src/jobs/durableScheduler.ts, Tables + Storage Queues).
// Tests may substitute this one (AppOptions.scheduler): same keys, same handlers.
import type { JobHandler, JobScheduler, ScheduledJob } from '../domain/ports.js';
import { errorSummary, type Logger } from '../logging.js';

const MAX_TIMER_MS = 2_147_000_000; // setTimeout's limit (~24.8 days); longer waits re-arm.

export class InProcessScheduler implements JobScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  readonly ran: ScheduledJob[] = [];

  constructor(
    private readonly handlers: Record<string, JobHandler>,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  async schedule(job: ScheduledJob): Promise<void> {
    await this.cancel(job.key);
    this.arm(job);
  }

  private arm(job: ScheduledJob) {
    const wait = Math.max(0, job.dueAt.getTime() - this.now());
    const timer = setTimeout(() => {
      if (wait > MAX_TIMER_MS) return this.arm(job);
      this.timers.delete(job.key);
      void this.run(job);
    }, Math.min(wait, MAX_TIMER_MS));
    timer.unref();
    this.timers.set(job.key, timer);
  }

  async cancel(key: string): Promise<void> {
    const t = this.timers.get(key);
    if (t) clearTimeout(t);
    this.timers.delete(key);
  }

  pending(): string[] {
    return [...this.timers.keys()];
  }

  private async run(job: ScheduledJob) {
    const handler = this.handlers[job.kind];
    if (!handler) {
      this.logger.warn({ kind: job.kind }, 'no handler for job');
      return;
    }
    try {
      await handler(job.payload, { key: job.key, kind: job.kind, dueAt: job.dueAt });
      this.ran.push(job);
    } catch (e) {
      this.logger.warn({ kind: job.kind, err: errorSummary(e) }, 'job failed; retrying in 30s');
      this.arm({ ...job, dueAt: new Date(this.now() + 30_000) });
    }
  }

  stop(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
