// Scheduled jobs on Tables:
// - one row per job (PartitionKey `job`, RowKey = the caller's key): kind, payload, due time, a
//   version that changes whenever the job is (re)scheduled, and its state while it runs;
// - one "due" row per scheduled job (PartitionKey `due`, RowKey = zero-padded due time + key), so
//   the scheduler finds what is due with one ordered range read, never a scan;
// - the scheduler lease (one instance moves due work onto the queue at a time) and one heartbeat
//   row per live instance (their number splits Teams' per-tenant rate).
// A due row is only trusted when its version matches the job row's, so moving or cancelling a job
// never needs a multi-partition transaction: stale due rows are dropped when they come up.
import { odata, type TableClient } from '@azure/data-tables';
import { deleteIfPresent, getOrNull, listAll } from './etag.js';
import { decodeKey, encodeKey } from './keys.js';
import { isConflict, isNotFound, isPreconditionFailed } from './errors.js';

const JOB = 'job';
const DUE = 'due';
const LEASE = 'lease';
const INSTANCE = 'instance';

export type JobStatus = 'scheduled' | 'queued' | 'running' | 'failed';

export interface JobRecord {
  key: string;
  kind: string;
  payload: Record<string, unknown>;
  dueAt: Date;
  version: string;
  status: JobStatus;
  dueRow?: string;
  attempts: number;
  runner?: string;
  /** While running: the runner's lease (epoch ms); another instance may take over after it. */
  leaseUntil?: number;
  lastError?: string;
  updatedAt: Date;
  etag: string;
}

interface JobEntity {
  kind: string;
  payload: string;
  dueAt: Date;
  version: string;
  status: string;
  dueRow?: string;
  attempts: number;
  runner?: string;
  leaseUntil?: number;
  lastError?: string;
  updatedAt: Date;
}

export interface DueEntry {
  rowKey: string;
  key: string;
  version: string;
  dueAt: Date;
}

export const dueRowKey = (dueAt: Date, key: string) => `${String(Math.max(0, dueAt.getTime())).padStart(15, '0')}|${encodeKey(key)}`;

function fromEntity(key: string, e: JobEntity & { etag: string }): JobRecord {
  let payload: Record<string, unknown> = {};
  try {
    payload = JSON.parse(e.payload) as Record<string, unknown>;
  } catch {
    payload = {};
  }
  return {
    key,
    kind: e.kind,
    payload,
    dueAt: new Date(e.dueAt),
    version: e.version,
    status: e.status as JobStatus,
    dueRow: e.dueRow || undefined,
    attempts: Number(e.attempts ?? 0),
    runner: e.runner || undefined,
    leaseUntil: e.leaseUntil === undefined || e.leaseUntil === null ? undefined : Number(e.leaseUntil),
    lastError: e.lastError || undefined,
    updatedAt: new Date(e.updatedAt),
    etag: e.etag,
  };
}

function toEntity(r: Omit<JobRecord, 'etag'>): JobEntity & { partitionKey: string; rowKey: string } {
  const e: JobEntity & { partitionKey: string; rowKey: string } = {
    partitionKey: JOB,
    rowKey: encodeKey(r.key),
    kind: r.kind,
    payload: JSON.stringify(r.payload),
    dueAt: r.dueAt,
    version: r.version,
    status: r.status,
    attempts: r.attempts,
    updatedAt: r.updatedAt,
  };
  if (r.dueRow) e.dueRow = r.dueRow;
  if (r.runner) e.runner = r.runner;
  if (r.leaseUntil !== undefined) e.leaseUntil = r.leaseUntil;
  if (r.lastError) e.lastError = r.lastError.slice(0, 500);
  return e;
}

export class TableJobStore {
  constructor(private readonly table: TableClient) {}

  async get(key: string): Promise<JobRecord | null> {
    const row = await getOrNull<JobEntity>(this.table, JOB, encodeKey(key));
    return row ? fromEntity(key, row as unknown as JobEntity & { etag: string }) : null;
  }

  /** Creates the job row, or replaces it if `etag` matches (null: must not exist). Throws 409/412 on a race. */
  async put(record: Omit<JobRecord, 'etag'>, etag: string | null): Promise<string> {
    const entity = toEntity(record);
    const response = etag === null ? await this.table.createEntity(entity) : await this.table.updateEntity(entity, 'Replace', { etag });
    return response.etag ?? '';
  }

  /** Deletes the job row if `etag` still matches (or unconditionally without one); false if gone or changed. */
  async remove(key: string, etag?: string): Promise<boolean> {
    try {
      await this.table.deleteEntity(JOB, encodeKey(key), etag ? { etag } : undefined);
      return true;
    } catch (e) {
      if (isNotFound(e) || isPreconditionFailed(e)) return false;
      throw e;
    }
  }

  async putDue(dueAt: Date, key: string, version: string): Promise<string> {
    const rowKey = dueRowKey(dueAt, key);
    await this.table.upsertEntity({ partitionKey: DUE, rowKey, version }, 'Replace');
    return rowKey;
  }

  async removeDue(rowKey: string): Promise<void> {
    await deleteIfPresent(this.table, DUE, rowKey);
  }

  /** Due rows up to `now`, oldest first. */
  async due(now: Date, limit: number): Promise<DueEntry[]> {
    const upTo = `${String(now.getTime()).padStart(15, '0')}|~`;
    const rows = await listAll(
      this.table.listEntities<{ version: string }>({ queryOptions: { filter: odata`PartitionKey eq ${DUE} and RowKey le ${upTo}` } }),
      limit,
    );
    return rows.map((r) => {
      const rowKey = r.rowKey as string;
      const bar = rowKey.indexOf('|');
      return { rowKey, key: decodeKey(rowKey.slice(bar + 1)), version: r.version, dueAt: new Date(Number(rowKey.slice(0, bar))) };
    });
  }

  /** Counts for the coordinators' view: scheduled (due rows) and failed jobs. */
  async counts(): Promise<{ scheduled: number; failed: number }> {
    const [due, failed] = await Promise.all([
      listAll(this.table.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${DUE}`, select: ['rowKey'] } }), 100_000),
      listAll(this.table.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${JOB} and status eq ${'failed'}`, select: ['rowKey'] } }), 100_000),
    ]);
    return { scheduled: due.length, failed: failed.length };
  }

  // ---- scheduler lease ----

  /**
   * Takes or renews the lease named `name` for `owner` until `now + ttlMs`. True when `owner` holds
   * it afterwards. The ETag makes two instances racing for an expired lease end with one holder.
   */
  async acquireLease(name: string, owner: string, now: number, ttlMs: number): Promise<boolean> {
    const current = await getOrNull<{ owner: string; expiresAt: number }>(this.table, LEASE, name);
    const entity = { partitionKey: LEASE, rowKey: name, owner, expiresAt: now + ttlMs };
    try {
      if (!current) await this.table.createEntity(entity);
      else if (current.owner === owner || Number(current.expiresAt) <= now) await this.table.updateEntity(entity, 'Replace', { etag: current.etag });
      else return false;
      return true;
    } catch (e) {
      if (isConflict(e) || isPreconditionFailed(e)) return false;
      throw e;
    }
  }

  async releaseLease(name: string, owner: string): Promise<void> {
    const current = await getOrNull<{ owner: string }>(this.table, LEASE, name);
    if (!current || current.owner !== owner) return;
    try {
      await this.table.deleteEntity(LEASE, name, { etag: current.etag });
    } catch (e) {
      if (!isNotFound(e) && !isPreconditionFailed(e)) throw e;
    }
  }

  // ---- instance heartbeats ----

  async heartbeat(instanceId: string, now: number): Promise<void> {
    await this.table.upsertEntity({ partitionKey: INSTANCE, rowKey: encodeKey(instanceId), seenAt: now }, 'Replace');
  }

  async instances(): Promise<{ id: string; seenAt: number }[]> {
    const rows = await listAll(this.table.listEntities<{ seenAt: number }>({ queryOptions: { filter: odata`PartitionKey eq ${INSTANCE}` } }), 1000);
    return rows.map((r) => ({ id: decodeKey(r.rowKey as string), seenAt: Number(r.seenAt) }));
  }

  async forgetInstance(instanceId: string): Promise<void> {
    await deleteIfPresent(this.table, INSTANCE, encodeKey(instanceId));
  }
}
