// Timings and limits of the background work. The defaults suit production; tests shorten the
// timeouts (a killed instance's work is picked up after these, so they bound recovery time).
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { TEAMS_TENANT_RATE_PER_SECOND } from '../domain/notifications/pacing.js';

export interface BackgroundTuning {
  /** Names this process in leases, claims and heartbeats (host, pid and a random part). */
  instanceId: string;
  /** Teams' documented per-app, per-tenant rate, split between live instances. */
  tenantRatePerSecond: number;
  /** Fraction of that rate we aim for, leaving room for clock drift and the bot's own replies. */
  rateSafety: number;
  /** How long a received notice stays hidden from other workers (must exceed pacing wait + send timeout). */
  visibilitySeconds: number;
  /**
   * Notices one instance has between claim and Teams' answer at once. A lane manages about one send
   * per round trip (storage claim + Teams), so two keep up with the paced rate locally; raise it when
   * Teams' round trips are long. A crash on a machine that lives on is resolved per lane by the send
   * journal; a machine lost with its journal can cost each lane's claim that had not yet left.
   */
  sendLanes: number;
  /** Where send lanes keep their crash journal (local disk; see sendJournal.ts). Empty: no journal. */
  journalDir: string;
  /** Upper bound on one send to the connector. */
  sendTimeoutMs: number;
  /** A claim older than this belongs to a worker that died (must exceed sendTimeoutMs). */
  claimTtlMs: number;
  /** Send attempts (answers other than 429, or none) before a notice is given up. */
  maxAttempts: number;
  /** 429 answers before a notice is given up. */
  maxThrottled: number;
  /** Deliveries of one queue message before it goes to the poison queue regardless. */
  maxDequeue: number;
  /** First retry delay after a transient failure (doubles, with jitter). */
  retryBaseMs: number;
  /** Longest wait between polls of an empty queue. */
  pollIdleMs: number;
  heartbeatMs: number;
  /** An instance not seen for this long no longer counts for the rate split. */
  instanceStaleMs: number;
  schedulerTickMs: number;
  /** The scheduling lease; renewed every third of it. */
  leaseTtlMs: number;
  /** A running job's lease, renewed every third of it while the handler runs. */
  jobLeaseMs: number;
  jobVisibilitySeconds: number;
  jobMaxAttempts: number;
  jobRetryBaseMs: number;
  /** Jobs run at once per instance. */
  jobConcurrency: number;
}

export function defaultTuning(overrides: Partial<BackgroundTuning> = {}): BackgroundTuning {
  return {
    instanceId: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    tenantRatePerSecond: TEAMS_TENANT_RATE_PER_SECOND,
    rateSafety: 0.96,
    visibilitySeconds: 60,
    sendLanes: 2,
    journalDir: join(tmpdir(), 'virtual-cafe-sends'),
    sendTimeoutMs: 20_000,
    claimTtlMs: 40_000,
    maxAttempts: 8,
    maxThrottled: 60,
    maxDequeue: 30,
    retryBaseMs: 2_000,
    pollIdleMs: 1_000,
    heartbeatMs: 5_000,
    instanceStaleMs: 16_000,
    schedulerTickMs: 1_000,
    leaseTtlMs: 15_000,
    jobLeaseMs: 30_000,
    jobVisibilitySeconds: 60,
    jobMaxAttempts: 8,
    jobRetryBaseMs: 10_000,
    jobConcurrency: 4,
    ...overrides,
  };
}
