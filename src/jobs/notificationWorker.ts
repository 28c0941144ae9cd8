// Consumes the notifications queue (every instance runs one) and delivers each notice once, within
// Teams' limits.
//
// The hard moment is a crash between Teams accepting a message and us recording that it did: the
// classic duplicate. Here the claim, not the answer, is the commit point. Just before the request
// leaves (after pacing, with the conversation known) a send lane claims the record with its ETag
// (`pending` → `sending`, naming the instance and lane), and at the last moment before the request
// goes to the HTTP transport the lane notes it in its crash journal (sendJournal.ts). A claim whose
// instance died is then resolved without guessing when its machine lives on: the journal says
// whether that request ever left — if not, it is sent now; if so, it is marked `unconfirmed` and
// never sent again. Where the journal cannot tell (the machine itself is gone), a stale claim is
// treated the same way — delivered, never resent — so a crash can cost at most the claims whose
// request had not left yet, one per lane, and never produces a duplicate.
// Answers we do get are recorded as such: 429 releases the claim to retry after Retry-After (and
// pauses the whole process), 403/404 fail for good, 5xx and network errors retry with exponential
// backoff and jitter until `maxAttempts`, then go to the poison queue.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Clock } from '../domain/ports.js';
import type { Logger } from '../logging.js';
import { DeliveryError, isDeliveryError, isFinal, type PersonalConversation, type ProactiveSender } from '../domain/notifications/delivery.js';
import { ConversationLimiter, Pacer, backoffMs, pacerBurst } from '../domain/notifications/pacing.js';
import { wantsNotice } from '../domain/notifications/preferences.js';
import { isNoticeRowKey, noticeRowKey, type NotificationChanges, type NotificationRecord, type TableNotificationStore } from '../storage/notificationStore.js';
import { isPreconditionFailed } from '../storage/errors.js';
import { errorSummary } from '../logging.js';
import type { BackgroundTuning } from './tuning.js';
import type { QueueMessage, WorkQueue } from './workQueue.js';
import { QueuePoller } from './queuePoller.js';
import type { SendJournal } from './sendJournal.js';
import type { NoticeMessage } from './queuedNotifier.js';

/** A notice given up on, kept a week for inspection: ids and the key's hash, never the key or text. */
export interface PoisonNotice {
  u: string;
  /** The notice's row key (noticeRowKey), '' when unknown. */
  r: string;
  kind: string;
  reason: string;
  at: string;
}

type Outcome = 'sent' | 'failed' | 'skipped' | 'unconfirmed' | 'throttled' | 'retried';

class Stopping extends Error {}

const POISON_TTL_S = 7 * 24 * 3600; // poison copies hold ids: kept a week, then gone

export interface NotificationWorkerDeps {
  queue: WorkQueue<NoticeMessage>;
  poison: WorkQueue<PoisonNotice>;
  store: TableNotificationStore;
  sender: ProactiveSender;
  clock: Clock;
  logger: Logger;
  tuning: BackgroundTuning;
  /** Crash journal of this machine's send lanes (absent: every lost claim counts as delivered). */
  journal?: SendJournal;
}

export class NotificationWorker {
  private readonly poller: QueuePoller<NoticeMessage>;
  private started = false;
  private readonly lanes: Lanes;
  private readonly pacers = new Map<string, Pacer>();
  private readonly conversations = new ConversationLimiter();
  private ratePerSecond: number;
  private burst = 1;
  private readonly tally = new Map<string, Partial<Record<Outcome, number>>>();
  private flushTimer?: NodeJS.Timeout;

  constructor(private readonly deps: NotificationWorkerDeps) {
    this.lanes = new Lanes(Math.max(1, deps.tuning.sendLanes));
    this.ratePerSecond = 1;
    this.setLiveInstances(1);
    this.poller = new QueuePoller({
      queue: deps.queue,
      what: 'notifications',
      logger: deps.logger,
      // Hold about half a second's worth of sends: enough to keep the lanes busy, little enough that
      // a held message never outlives its visibility timeout and storage is not swamped with reads.
      // Take them a third of that at a time, not one per send as slots free up (one receive per
      // notice was an eighth of the storage calls of a fan-out).
      room: (inFlight) => {
        const hold = Math.max(8, Math.ceil(this.ratePerSecond / 2));
        const free = hold - inFlight;
        return free >= Math.ceil(hold / 3) || inFlight === 0 ? free : 0;
      },
      fullNapMs: 50,
      visibilitySeconds: deps.tuning.visibilitySeconds,
      maxIdleMs: deps.tuning.pollIdleMs,
      handle: (message) => this.handle(message),
    });
  }

  private get stopped(): boolean {
    return this.poller.isStopped;
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.poller.start();
    this.flushTimer = setInterval(() => this.flushTally(), 10_000);
    this.flushTimer.unref();
  }

  /** A notice was queued in this process: look now rather than at the next poll. */
  wake(): void {
    this.poller.wake();
  }

  /** Splits the tenant rate between the instances alive now (whole requests per second each). */
  setLiveInstances(count: number): void {
    const { tenantRatePerSecond, rateSafety } = this.deps.tuning;
    const rate = Math.max(1, Math.floor((tenantRatePerSecond * rateSafety) / Math.max(1, count)));
    const burst = pacerBurst(tenantRatePerSecond, rate, count);
    if (rate === this.ratePerSecond && burst === this.burst && this.pacers.size) return;
    this.ratePerSecond = rate;
    this.burst = burst;
    for (const pacer of this.pacers.values()) {
      pacer.setRate(rate);
      pacer.setBurst(burst);
    }
  }

  get rate(): number {
    return this.ratePerSecond;
  }

  async stop(drainMs = 3000): Promise<void> {
    if (this.flushTimer) clearInterval(this.flushTimer);
    await this.poller.stop(drainMs);
    this.flushTally();
  }

  /** One queue message: decide, deliver at most once, record, and let the message go. */
  private async handle(message: QueueMessage<NoticeMessage>): Promise<void> {
    const { queue, store, tuning } = this.deps;
    const body = message.body;
    // Messages name the notice by its key's hash; ones queued before that carry the key itself.
    const rowKey = isNoticeRowKey(body?.r) ? body.r : typeof body?.k === 'string' ? noticeRowKey(body.k) : null;
    if (!body || typeof body.u !== 'string' || !rowKey) {
      await this.toPoison({ u: '', r: '', kind: 'unknown', reason: 'unreadable' });
      await queue.delete(message);
      return;
    }
    for (let round = 0; round < 10; round++) {
      const { record, preferences } = await store.readWithPreferences(body.u, rowKey);
      if (!record || isFinal(record.status)) {
        await queue.delete(message);
        return;
      }
      const now = Date.now();
      if (record.status === 'sending') {
        // Its instance died on this machine: its journal says whether the request ever left.
        const verdict = this.deps.journal?.verdict(record) ?? 'unknown';
        if (verdict === 'not-sent') {
          try {
            await store.update(record, { status: 'pending', claimedBy: undefined, claimedAt: undefined, lane: undefined, reason: 'worker-lost-before-send', updatedAt: new Date() });
          } catch (e) {
            if (!isPreconditionFailed(e)) throw e;
          }
          continue;
        }
        if (verdict === 'sent') {
          if (!(await this.finish(record, 'unconfirmed', { reason: 'worker-lost' }))) continue;
          await queue.delete(message);
          return;
        }
        const age = now - (record.claimedAt?.getTime() ?? 0);
        if (age < tuning.claimTtlMs) {
          // Someone is sending it now (this is a duplicate message): look again after their claim lapses.
          await queue.delay(message, (tuning.claimTtlMs - age) / 1000 + 1);
          return;
        }
        // Its worker died after claiming: the request may well have reached Teams. Never resend.
        if (!(await this.finish(record, 'unconfirmed', { reason: 'worker-lost' }))) continue;
        await queue.delete(message);
        return;
      }
      if (record.retryAt && record.retryAt.getTime() > now + 200) {
        await queue.delay(message, (record.retryAt.getTime() - now) / 1000);
        return;
      }
      if (message.dequeueCount > tuning.maxDequeue) {
        if (!(await this.finish(record, 'failed', { reason: 'dead-lettered' }))) continue;
        await this.toPoison({ u: record.userId, r: record.rowKey, kind: record.kind, reason: 'dead-lettered' });
        await queue.delete(message);
        return;
      }
      if (!wantsNotice(preferences, record.kind)) {
        if (!(await this.finish(record, 'skipped', { reason: 'turned-off' }))) continue;
        await queue.delete(message);
        return;
      }
      const done = await this.attempt(record, message);
      if (done) return;
    }
  }

  /**
   * One delivery attempt. Answers false when the record changed under us before we claimed it
   * (the caller reads it again and decides afresh).
   */
  private async attempt(record: NotificationRecord, message: QueueMessage<NoticeMessage>): Promise<boolean> {
    const { queue, sender } = this.deps;
    // Finding (or opening) the 1:1 chat claims nothing and is safe to repeat: done outside the lane.
    let to: PersonalConversation | null;
    try {
      to = await sender.reach(record.userId, { beforeRequest: (tenantId, conversationId) => this.pace(tenantId, conversationId) });
    } catch (e) {
      if (e instanceof Stopping) {
        await queue.delay(message, 0);
        return true;
      }
      if (!isDeliveryError(e)) throw e;
      await this.afterFailure(record, false, e, message);
      return true;
    }
    if (!to) {
      if (!(await this.finish(record, 'failed', { reason: 'no-conversation' }))) return false;
      await queue.delete(message);
      return true;
    }
    const { lane, release } = await this.lanes.acquire();
    try {
      return await this.sendInLane(record, to, message, lane, release);
    } finally {
      release();
    }
  }

  /** From pacing to Teams' answer, in a send lane; a success frees the lane before it is recorded. */
  private async sendInLane(record: NotificationRecord, to: PersonalConversation, message: QueueMessage<NoticeMessage>, lane: number, releaseLane: () => void): Promise<boolean> {
    const { queue, sender, tuning, journal } = this.deps;
    const state: { claimed: NotificationRecord | null } = { claimed: null };
    const hooks = {
      beforeRequest: (tenantId: string, conversationId: string) => this.pace(tenantId, conversationId),
      beforeSend: async () => {
        if (this.stopped) throw new Stopping();
        state.claimed = await this.claim(record, lane);
      },
      onWire: () => {
        if (state.claimed?.claimedAt) journal?.wire(lane, record.userId, record.rowKey, state.claimed.claimedAt);
      },
    };
    try {
      await sender.deliver(to, { text: record.text ?? '', card: record.card }, hooks, tuning.sendTimeoutMs);
    } catch (e) {
      if (e instanceof Stopping) {
        // Shutting down before the claim: hand the message straight back to the other instances.
        await queue.delay(message, 0);
        return true;
      }
      if (!state.claimed && isPreconditionFailed(e)) return false;
      if (!isDeliveryError(e)) throw e;
      await this.afterFailure(state.claimed ?? record, !!state.claimed, e, message);
      return true;
    }
    if (!state.claimed) throw new Error('delivered without a claim');
    releaseLane();
    // Delivered. If this write fails the claim stays and later reads as "unconfirmed" — still never resent.
    await this.finish(state.claimed, 'sent', { sentAt: new Date() }).catch((e) =>
      this.deps.logger.warn({ err: errorSummary(e) }, 'notification sent but not recorded; it will show as unconfirmed'),
    );
    await queue.delete(message);
    return true;
  }

  /** pending → sending, guarded by the ETag; robust to a lost answer from storage. */
  private async claim(record: NotificationRecord, lane: number): Promise<NotificationRecord> {
    const { store, tuning } = this.deps;
    const claimedAt = new Date();
    try {
      return await store.claim(record, tuning.instanceId, claimedAt, lane);
    } catch (e) {
      if (isPreconditionFailed(e)) throw e;
      // Did the write land before the error? Then the claim is ours.
      const now = await store.getByRowKey(record.userId, record.rowKey);
      if (now && now.status === 'sending' && now.claimedBy === tuning.instanceId && now.claimedAt?.getTime() === claimedAt.getTime()) return now;
      throw e;
    }
  }

  private async afterFailure(record: NotificationRecord, claimed: boolean, failure: DeliveryError, message: QueueMessage<NoticeMessage>): Promise<void> {
    const { queue, tuning } = this.deps;
    const now = Date.now();
    // Attempts that got no 429 count towards giving up; a claim already counted one.
    const attempts = failure.kind === 'throttled' ? (claimed ? record.attempts - 1 : record.attempts) : claimed ? record.attempts : record.attempts + 1;
    if (failure.kind === 'gone' || failure.kind === 'rejected') {
      await this.settle(record, 'failed', { reason: failure.reason, attempts });
      await queue.delete(message);
      return;
    }
    if (failure.kind === 'throttled') {
      const waitMs = failure.retryAfterMs ?? backoffMs(record.throttled + 1, Math.random, 1000, 60_000);
      this.pauseAll(now + waitMs);
      const throttled = record.throttled + 1;
      if (throttled >= tuning.maxThrottled) {
        await this.settle(record, 'failed', { reason: 'throttled-out', attempts, throttled });
        await this.toPoison({ u: record.userId, r: record.rowKey, kind: record.kind, reason: 'throttled-out' });
        await queue.delete(message);
        return;
      }
      await this.settle(record, 'pending', { attempts, throttled, retryAt: new Date(now + waitMs), reason: failure.reason });
      this.count(record.kind, 'throttled');
      await queue.delay(message, waitMs / 1000);
      return;
    }
    if (attempts >= tuning.maxAttempts) {
      await this.settle(record, 'failed', { reason: `gave-up:${failure.reason}`, attempts });
      await this.toPoison({ u: record.userId, r: record.rowKey, kind: record.kind, reason: failure.reason });
      await queue.delete(message);
      return;
    }
    const waitMs = backoffMs(attempts, Math.random, tuning.retryBaseMs);
    await this.settle(record, 'pending', { attempts, retryAt: new Date(now + waitMs), reason: failure.reason });
    this.count(record.kind, 'retried');
    await queue.delay(message, waitMs / 1000);
  }

  /**
   * Records the outcome of an attempt we made (claimed or not), retrying storage hiccups a few
   * times: failing to release a claim would leave it to read as "unconfirmed" later.
   */
  private async settle(record: NotificationRecord, status: 'pending' | 'failed', changes: NotificationChanges): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        if (status === 'pending') {
          await this.deps.store.update(record, { ...changes, status, claimedBy: undefined, claimedAt: undefined, lane: undefined, updatedAt: new Date() });
        } else await this.finish(record, status, changes);
        return;
      } catch (e) {
        if (isPreconditionFailed(e) || attempt >= 4) throw e;
        await sleep(100 * attempt);
      }
    }
  }

  /** Writes a final state; false when the record changed since it was read. */
  private async finish(record: NotificationRecord, status: 'sent' | 'failed' | 'skipped' | 'unconfirmed', changes: NotificationChanges): Promise<boolean> {
    const at = new Date();
    try {
      await this.deps.store.update(record, { ...changes, status, retryAt: undefined, updatedAt: at });
    } catch (e) {
      if (isPreconditionFailed(e)) return false;
      throw e;
    }
    if (status === 'failed' || status === 'unconfirmed') {
      await this.deps.store
        .noteProblem(record.userId, record.rowKey, { status, kind: record.kind, reason: changes.reason ?? record.reason ?? 'unknown', at })
        .catch((e) => this.deps.logger.warn({ err: errorSummary(e) }, 'could not index a failed notification'));
    }
    this.count(record.kind, status);
    return true;
  }

  /**
   * Waits for this conversation's and this tenant's next slot (the per-conversation limit first, so
   * no tenant slot is wasted). A slot reserved before a 429 paused the tenant is taken again after.
   */
  private async pace(tenantId: string, conversationId: string): Promise<void> {
    const convWait = this.conversations.reserve(conversationId, Date.now());
    if (convWait > 0) await sleep(convWait);
    const pacer = this.pacer(tenantId);
    do {
      if (this.stopped) throw new Stopping();
      const wait = pacer.reserve(Date.now());
      if (wait > 0) await sleep(wait);
    } while (pacer.isPaused(Date.now()));
    if (this.conversations.size > 10_000) this.conversations.prune(Date.now());
  }

  private pacer(tenantId: string): Pacer {
    let pacer = this.pacers.get(tenantId);
    if (!pacer) {
      pacer = new Pacer(this.ratePerSecond, this.burst);
      this.pacers.set(tenantId, pacer);
    }
    return pacer;
  }

  private pauseAll(until: number): void {
    for (const pacer of this.pacers.values()) pacer.pauseUntil(until);
  }

  private async toPoison(notice: Omit<PoisonNotice, 'at'>): Promise<void> {
    await this.deps.poison.send({ ...notice, at: new Date().toISOString() }, { ttlSeconds: POISON_TTL_S });
  }

  private count(kind: string, outcome: Outcome): void {
    const row = this.tally.get(kind) ?? {};
    row[outcome] = (row[outcome] ?? 0) + 1;
    this.tally.set(kind, row);
  }

  /** Logs what was sent to how many, per kind — counts only, never text or who. */
  private flushTally(): void {
    for (const [kind, counts] of this.tally) this.deps.logger.info({ kind, ...counts }, 'notifications delivered');
    this.tally.clear();
  }
}

/**
 * Send lanes: how many notices one instance has between claim and Teams' answer at once, each with
 * its own journal file, so a crash leaves at most one claim per lane to resolve. Releasing twice
 * is harmless.
 */
class Lanes {
  private readonly free: number[];
  private readonly waiting: ((lane: number) => void)[] = [];

  constructor(size: number) {
    this.free = Array.from({ length: size }, (_, i) => i);
  }

  async acquire(): Promise<{ lane: number; release: () => void }> {
    const lane = this.free.length ? this.free.shift()! : await new Promise<number>((resolve) => this.waiting.push(resolve));
    let released = false;
    return {
      lane,
      release: () => {
        if (released) return;
        released = true;
        const next = this.waiting.shift();
        if (next) next(lane);
        else this.free.push(lane);
      },
    };
  }
}
