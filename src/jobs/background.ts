// Everything the app does without being asked, in one place: the queued notifier and the durable
// scheduler (the ports the rest of the app uses), and the loops behind them — the notifications
// and jobs workers (every instance), the instance heartbeat (splits Teams' rate between live
// instances), and the scheduling lease (one instance at a time moves due jobs onto the queue).
import type { Clock, JobHandler } from '../domain/ports.js';
import type { Logger } from '../logging.js';
import type { ProactiveSender } from '../domain/notifications/delivery.js';
import type { DeliveryMonitor, DeliverySummary } from '../domain/notifications/ports.js';
import type { Storage } from '../storage/storage.js';
import { TableNotificationStore } from '../storage/notificationStore.js';
import { TableJobStore } from '../storage/jobStore.js';
import { errorSummary } from '../logging.js';
import { defaultTuning, type BackgroundTuning } from './tuning.js';
import { WorkQueue } from './workQueue.js';
import { QueuedNotifier, type NoticeMessage } from './queuedNotifier.js';
import { NotificationWorker, type PoisonNotice } from './notificationWorker.js';
import { DueJobMover, DurableScheduler, type JobMessage } from './durableScheduler.js';
import { JobWorker, type PoisonJob } from './jobWorker.js';
import { SendJournal } from './sendJournal.js';

const SCHEDULER_LEASE = 'scheduler';
const PROBLEM_WINDOW_MS = 30 * 24 * 3600_000;

export interface BackgroundWorkDeps {
  storage: Storage;
  sender: ProactiveSender;
  clock: Clock;
  logger: Logger;
  tuning?: Partial<BackgroundTuning>;
}

export class BackgroundWork implements DeliveryMonitor {
  readonly tuning: BackgroundTuning;
  readonly notificationStore: TableNotificationStore;
  readonly jobStore: TableJobStore;
  readonly notifier: QueuedNotifier;
  readonly scheduler: DurableScheduler;
  private readonly queues: {
    notifications: WorkQueue<NoticeMessage>;
    notificationsPoison: WorkQueue<PoisonNotice>;
    jobs: WorkQueue<JobMessage>;
    jobsPoison: WorkQueue<PoisonJob>;
  };
  private notificationWorker?: NotificationWorker;
  private jobWorker?: JobWorker;
  private mover?: DueJobMover;
  private leader = false;
  private liveInstances = 1;
  private stopped = false;
  private readonly timers = new Set<NodeJS.Timeout>();
  private tickNow?: () => void;
  private journal?: SendJournal;

  constructor(private readonly deps: BackgroundWorkDeps) {
    this.tuning = defaultTuning(deps.tuning);
    this.notificationStore = new TableNotificationStore(deps.storage.table('notifications'));
    this.jobStore = new TableJobStore(deps.storage.table('jobs'));
    this.queues = {
      notifications: new WorkQueue(deps.storage.queue('notifications')),
      notificationsPoison: new WorkQueue(deps.storage.queue('notificationsPoison')),
      jobs: new WorkQueue(deps.storage.queue('jobs')),
      jobsPoison: new WorkQueue(deps.storage.queue('jobsPoison')),
    };
    this.notifier = new QueuedNotifier(this.notificationStore, this.queues.notifications, deps.clock);
    this.scheduler = new DurableScheduler(this.jobStore, deps.clock);
  }

  /** Starts the workers this app uses: notices (when the queued notifier is the app's), jobs (when handlers are given). */
  async start(parts: { notifications: boolean; jobHandlers?: Record<string, JobHandler> }): Promise<void> {
    const { clock, logger } = this.deps;
    const tuning = this.tuning;
    if (!parts.notifications && !parts.jobHandlers) return;
    await this.beat().catch((e) => logger.warn({ err: errorSummary(e) }, 'first heartbeat failed'));

    if (parts.notifications) {
      if (tuning.journalDir) {
        const journal = new SendJournal(tuning.journalDir, this.deps.storage.prefix, tuning.instanceId, Math.max(1, tuning.sendLanes));
        if (journal.open()) this.journal = journal;
        else logger.warn('send journal unavailable; a notice claimed by an instance that dies will count as delivered');
      }
      const worker = new NotificationWorker({
        journal: this.journal,
        queue: this.queues.notifications,
        poison: this.queues.notificationsPoison,
        store: this.notificationStore,
        sender: this.deps.sender,
        clock,
        logger,
        tuning,
      });
      worker.setLiveInstances(this.liveInstances);
      this.notifier.onQueued = () => worker.wake();
      worker.start();
      this.notificationWorker = worker;
    }
    this.repeat(tuning.heartbeatMs, () => this.beat());

    if (parts.jobHandlers) {
      const worker = new JobWorker({ queue: this.queues.jobs, poison: this.queues.jobsPoison, store: this.jobStore, handlers: parts.jobHandlers, clock, logger, tuning });
      worker.start();
      this.jobWorker = worker;
      this.mover = new DueJobMover(this.jobStore, this.queues.jobs, clock, logger);
      this.scheduler.onDueSoon = (dueAt) => {
        if (dueAt.getTime() <= clock.now().getTime() + tuning.schedulerTickMs) this.tickNow?.();
      };
      await this.holdLease();
      this.repeat(tuning.leaseTtlMs / 3, () => this.holdLease());
      this.runTicks();
    }
    this.repeat(10 * 60_000, () => this.housekeeping());
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.tickNow?.();
    await Promise.all([this.notificationWorker?.stop(), this.jobWorker?.stop()]);
    this.journal?.close();
    // Let the others take over at once rather than after the lease and heartbeat lapse.
    await Promise.all([
      this.leader ? this.jobStore.releaseLease(SCHEDULER_LEASE, this.tuning.instanceId).catch(() => undefined) : undefined,
      this.jobStore.forgetInstance(this.tuning.instanceId).catch(() => undefined),
    ]);
  }

  get isLeader(): boolean {
    return this.leader;
  }

  /** The coordinators' view: counts only. */
  async summary(): Promise<DeliverySummary> {
    const since = new Date(Date.now() - PROBLEM_WINDOW_MS);
    const [pending, problems, deadNotifications, deadJobs, jobs, instances] = await Promise.all([
      this.queues.notifications.approximateCount(),
      this.notificationStore.problemsSince(since),
      this.queues.notificationsPoison.approximateCount(),
      this.queues.jobsPoison.approximateCount(),
      this.jobStore.counts(),
      this.jobStore.instances(),
    ]);
    const byKind: DeliverySummary['byKind'] = {};
    const reasons: Record<string, number> = {};
    let failed = 0;
    let unconfirmed = 0;
    for (const p of problems) {
      const row = (byKind[p.kind] ??= { failed: 0, unconfirmed: 0 });
      if (p.status === 'failed') {
        failed++;
        row.failed++;
        reasons[p.reason] = (reasons[p.reason] ?? 0) + 1;
      } else {
        unconfirmed++;
        row.unconfirmed++;
      }
    }
    const liveSince = Date.now() - this.tuning.instanceStaleMs;
    return {
      pending,
      failed,
      unconfirmed,
      byKind,
      reasons,
      deadLettered: { notifications: deadNotifications, jobs: deadJobs },
      jobs,
      instances: Math.max(1, instances.filter((i) => i.seenAt > liveSince).length),
      since: since.toISOString(),
    };
  }

  private async beat(): Promise<void> {
    const now = Date.now();
    await this.jobStore.heartbeat(this.tuning.instanceId, now);
    const all = await this.jobStore.instances();
    const live = all.filter((i) => i.seenAt > now - this.tuning.instanceStaleMs || i.id === this.tuning.instanceId).length;
    if (live !== this.liveInstances) this.deps.logger.info({ instances: live }, 'instances sharing Teams’ rate');
    this.liveInstances = Math.max(1, live);
    this.notificationWorker?.setLiveInstances(this.liveInstances);
  }

  private async holdLease(): Promise<void> {
    const had = this.leader;
    try {
      this.leader = await this.jobStore.acquireLease(SCHEDULER_LEASE, this.tuning.instanceId, Date.now(), this.tuning.leaseTtlMs);
    } catch (e) {
      // Storage trouble: stop scheduling until the lease is confirmed again (another may take over).
      this.leader = false;
      this.deps.logger.warn({ err: errorSummary(e) }, 'could not renew the scheduling lease');
    }
    if (this.leader !== had) this.deps.logger.info({ leader: this.leader }, this.leader ? 'this instance schedules jobs' : 'this instance no longer schedules jobs');
    if (this.leader && !had) {
      this.tickNow?.();
      void this.migrateJobs();
    }
  }

  /** The scheduling loop: every tick (or at once when woken), if this instance holds the lease, queue what is due. */
  private runTicks(): void {
    const loop = async () => {
      while (!this.stopped) {
        await new Promise<void>((resolve) => {
          const done = () => {
            clearTimeout(timer);
            if (this.tickNow === done) this.tickNow = undefined;
            resolve();
          };
          const timer = setTimeout(done, this.tuning.schedulerTickMs);
          timer.unref();
          this.tickNow = done;
        });
        if (this.stopped || !this.leader || !this.mover) continue;
        try {
          const queued = await this.mover.moveDue();
          if (queued) this.jobWorker?.wake();
        } catch (e) {
          this.deps.logger.warn({ err: errorSummary(e) }, 'scheduling tick failed');
        }
      }
    };
    void loop();
  }

  private async housekeeping(): Promise<void> {
    this.journal?.prune(24 * 3600_000);
    if (!this.leader) return;
    await this.notificationStore.pruneProblems(new Date(Date.now() - PROBLEM_WINDOW_MS));
    await this.migrateJobs();
    const now = Date.now();
    for (const i of await this.jobStore.instances()) if (i.seenAt < now - 3600_000) await this.jobStore.forgetInstance(i.id);
  }

  /** The lease holder moves jobs of the first Jobs layout into their shards (jobStore.migrateLegacy). */
  private async migrateJobs(): Promise<void> {
    try {
      let moved = 0;
      for (let pass = 0; pass < 50 && !this.stopped && this.leader; pass++) {
        const n = await this.jobStore.migrateLegacy(200);
        moved += n;
        if (n === 0) break;
      }
      if (moved) this.deps.logger.info({ jobs: moved }, 'jobs moved into their shards');
    } catch (e) {
      this.deps.logger.warn({ err: errorSummary(e) }, 'could not move jobs of the first layout; will try again');
    }
  }

  /** Runs `fn` every `ms` until stopped; failures are logged, never thrown. */
  private repeat(ms: number, fn: () => Promise<void>): void {
    const schedule = () => {
      if (this.stopped) return;
      const timer = setTimeout(async () => {
        this.timers.delete(timer);
        try {
          await fn();
        } catch (e) {
          this.deps.logger.warn({ err: errorSummary(e) }, 'background task failed');
        }
        schedule();
      }, ms);
      timer.unref();
      this.timers.add(timer);
    };
    schedule();
  }
}
