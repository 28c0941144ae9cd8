// Scheduled jobs on Tables:
// - one row per job (RowKey = the caller's key): kind, payload, due time, a version that changes
//   whenever the job is (re)scheduled, and its state while it runs;
// - one "due" row per scheduled job (RowKey = zero-padded due time + key), so the scheduler finds
//   what is due with one ordered range read, never a scan;
// - the scheduler lease (one instance moves due work onto the queue at a time) and one heartbeat
//   row per live instance (their number splits Teams' per-tenant rate).
// A due row is only trusted when its version matches the job row's, so moving or cancelling a job
// never needs a multi-partition transaction: stale due rows are dropped when they come up (once they
// are old enough not to belong to a schedule() still writing its job row: DueJobMover).
//
// Partitions: job rows are spread over SHARDS partitions by a hash of the key (`job|07`), due rows
// over the minute they fall due and the same shard (`due|202607011200|07`), so a wave of jobs
// falling due together (1,000 PLT afternoons' reminders at 12:00) lands on 16 partitions, not one
// (bench/jobs.bench.ts, docs/scale.md). The scheduler reads due rows with one range query over
// the due partitions up to the current minute. Rows of the first layout (PartitionKey `job` and
// `due`) are still read: a job is looked for there when it is not in its shard, due rows there are
// read with the rest, and the lease holder moves scheduled and failed jobs across (migrateLegacy).
import { createHash } from 'node:crypto';
import { odata, type TableClient } from '@azure/data-tables';
import { deleteIfPresent, getOrNull, listAll } from './etag.js';
import { decodeKey, encodeKey } from './keys.js';
import { isConflict, isNotFound, isPreconditionFailed } from './errors.js';

/** The first layout's partitions (read, and migrated, still). */
const LEGACY_JOB = 'job';
const LEGACY_DUE = 'due';
const LEASE = 'lease';
const INSTANCE = 'instance';
export const SHARDS = 16;

/** 00…15 from the job key: the same key always lands in the same shard. */
export function jobShard(key: string): string {
  return String(createHash('sha256').update(key).digest()[0] % SHARDS).padStart(2, '0');
}
export const jobPartition = (key: string) => `job|${jobShard(key)}`;
/** `due|yyyymmddHHMM|ss`: the UTC minute the job falls due, and its shard. */
export function duePartition(dueAt: Date, key: string): string {
  const iso = new Date(Math.max(0, dueAt.getTime())).toISOString();
  return `due|${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}|${jobShard(key)}`;
}

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
  /** Read from the first layout's `job` partition: written back there (until migrated). */
  legacy?: boolean;
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
  /** Where the due row is (what `removeDue` takes). */
  ref: string;
  key: string;
  version: string;
  dueAt: Date;
  /**
   * When the row was written (epoch ms, wall clock; storage's own timestamp for rows written
   * before it was kept): a young row may belong to a schedule() still writing its job row.
   */
  writtenAt?: number;
}

/** A due row as stored: the job version it was written for and when (`at`, absent on older rows). */
interface DueEntity {
  rowKey?: string;
  timestamp?: string;
  version: string;
  at?: number;
}

export const dueRowKey = (dueAt: Date, key: string) => `${String(Math.max(0, dueAt.getTime())).padStart(15, '0')}|${encodeKey(key)}`;

/** A due row's place as one string: `partition/row` (neither contains '/'), or a bare row key in the first layout. */
const dueRef = (pk: string, rk: string) => `${pk}/${rk}`;
function parseDueRef(ref: string): { pk: string; rk: string } {
  const slash = ref.indexOf('/');
  return slash < 0 ? { pk: LEGACY_DUE, rk: ref } : { pk: ref.slice(0, slash), rk: ref.slice(slash + 1) };
}
const upToMinute = (now: Date) => duePartition(new Date(now.getTime() + 60_000), '').slice(0, 16); // 'due|yyyymmddHHMM' of the next minute

function fromEntity(key: string, e: JobEntity & { etag: string }, legacy: boolean): JobRecord {
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
    ...(legacy ? { legacy } : {}),
  };
}

function toEntity(r: Omit<JobRecord, 'etag'>): JobEntity & { partitionKey: string; rowKey: string } {
  const e: JobEntity & { partitionKey: string; rowKey: string } = {
    partitionKey: r.legacy ? LEGACY_JOB : jobPartition(r.key),
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

/** How long "the first layout's partitions are empty" is believed before it is checked again. */
const LEGACY_RECHECK_MS = 60_000;

export class TableJobStore {
  private legacyState?: { any: boolean; at: number };
  private legacyCheck?: Promise<boolean>;

  constructor(private readonly table: TableClient) {}

  /**
   * Whether the first layout may still hold rows: checked (one row of each old partition) at most
   * once a minute, so an upgraded store pays nothing for it, yet a row an instance of the previous
   * version writes during a rolling deploy is found within a minute.
   */
  private async legacyPossible(): Promise<boolean> {
    const known = this.legacyState;
    if (known && Date.now() - known.at < LEGACY_RECHECK_MS) return known.any;
    this.legacyCheck ??= (async () => {
      try {
        const found = await Promise.all([LEGACY_JOB, LEGACY_DUE].map((pk) => listAll(this.table.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${pk}`, select: ['rowKey'] } }), 1)));
        const any = found.some((rows) => rows.length > 0);
        this.legacyState = { any, at: Date.now() };
        return any;
      } finally {
        this.legacyCheck = undefined;
      }
    })();
    return this.legacyCheck;
  }

  /** The job row: in its shard, or else still in the first layout's partition. */
  async get(key: string): Promise<JobRecord | null> {
    const row = await getOrNull<JobEntity>(this.table, jobPartition(key), encodeKey(key));
    if (row) return fromEntity(key, row as unknown as JobEntity & { etag: string }, false);
    if (!(await this.legacyPossible())) return null;
    const legacy = await getOrNull<JobEntity>(this.table, LEGACY_JOB, encodeKey(key));
    return legacy ? fromEntity(key, legacy as unknown as JobEntity & { etag: string }, true) : null;
  }

  /**
   * Creates the job row (in its shard), or replaces it where it was read if `etag` matches (null:
   * must not exist). Throws 409/412 on a race.
   */
  async put(record: Omit<JobRecord, 'etag'>, etag: string | null): Promise<string> {
    const entity = toEntity(etag === null ? { ...record, legacy: false } : record);
    const response = etag === null ? await this.table.createEntity(entity) : await this.table.updateEntity(entity, 'Replace', { etag });
    return response.etag ?? '';
  }

  /** Deletes the job row if `etag` still matches (or unconditionally without one); false if gone or changed. */
  async remove(job: { key: string; legacy?: boolean }, etag?: string): Promise<boolean> {
    try {
      await this.table.deleteEntity(job.legacy ? LEGACY_JOB : jobPartition(job.key), encodeKey(job.key), etag ? { etag } : undefined);
      return true;
    } catch (e) {
      if (isNotFound(e) || isPreconditionFailed(e)) return false;
      throw e;
    }
  }

  /** Writes the due row (with when it was written); answers where it is (for `removeDue` and the job row's `dueRow`). */
  async putDue(dueAt: Date, key: string, version: string): Promise<string> {
    const pk = duePartition(dueAt, key);
    const rowKey = dueRowKey(dueAt, key);
    await this.table.upsertEntity({ partitionKey: pk, rowKey, version, at: Date.now() }, 'Replace');
    return dueRef(pk, rowKey);
  }

  async removeDue(ref: string): Promise<void> {
    const { pk, rk } = parseDueRef(ref);
    await deleteIfPresent(this.table, pk, rk);
  }

  /** Deletes the due row only while it still carries `version` (a schedule() may have rewritten it since). */
  private async removeDueOf(ref: string, version: string): Promise<void> {
    const { pk, rk } = parseDueRef(ref);
    const row = await getOrNull<DueEntity>(this.table, pk, rk);
    if (!row || row.version !== version) return;
    try {
      await this.table.deleteEntity(pk, rk, { etag: row.etag });
    } catch (e) {
      if (!isNotFound(e) && !isPreconditionFailed(e)) throw e;
    }
  }

  /** Due rows up to `now`, oldest minute first (and the first layout's, oldest first). */
  async due(now: Date, limit: number): Promise<DueEntry[]> {
    const upTo = `${String(now.getTime()).padStart(15, '0')}|~`;
    const toEntry = (pk: string) => (r: DueEntity): DueEntry => {
      const rowKey = r.rowKey as string;
      const bar = rowKey.indexOf('|');
      const written = typeof r.at === 'number' ? r.at : r.timestamp ? Date.parse(r.timestamp) : NaN;
      return {
        ref: pk === LEGACY_DUE ? rowKey : dueRef(pk, rowKey),
        key: decodeKey(rowKey.slice(bar + 1)),
        version: r.version,
        dueAt: new Date(Number(rowKey.slice(0, bar))),
        ...(Number.isFinite(written) ? { writtenAt: written } : {}),
      };
    };
    const [legacy, sharded] = await Promise.all([
      this.legacyPossible().then((any) => (any ? listAll(this.table.listEntities<DueEntity>({ queryOptions: { filter: odata`PartitionKey eq ${LEGACY_DUE} and RowKey le ${upTo}` } }), limit) : [])),
      // One range read over the due partitions of every minute up to now (rows are deleted once queued, so few are there).
      listAll(this.table.listEntities<DueEntity>({ queryOptions: { filter: odata`PartitionKey gt ${'due|'} and PartitionKey lt ${upToMinute(now)} and RowKey le ${upTo}` } }), limit),
    ]);
    const entries = [...legacy.map(toEntry(LEGACY_DUE)), ...sharded.map((r) => toEntry(r.partitionKey as string)(r))];
    return entries.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime()).slice(0, limit);
  }

  /** Counts for the coordinators' view: scheduled (due rows) and failed jobs, both layouts. */
  async counts(): Promise<{ scheduled: number; failed: number }> {
    const [due, failed] = await Promise.all([
      listAll(this.table.listEntities({ queryOptions: { filter: odata`(PartitionKey eq ${LEGACY_DUE}) or (PartitionKey gt ${'due|'} and PartitionKey lt ${'due}'})`, select: ['rowKey'] } }), 100_000),
      listAll(this.table.listEntities({ queryOptions: { filter: odata`((PartitionKey eq ${LEGACY_JOB}) or (PartitionKey gt ${'job|'} and PartitionKey lt ${'job}'})) and status eq ${'failed'}`, select: ['rowKey'] } }), 100_000),
    ]);
    return { scheduled: due.length, failed: failed.length };
  }

  /**
   * Moves up to `limit` jobs of the first layout that are waiting (scheduled) or given up (failed)
   * into their shards, with their due rows; queued and running ones finish where they are. Each
   * move: the new row is created, then the old one deleted under its ETag (if it changed meanwhile,
   * the new row is withdrawn and the job left for the next pass). Answers how many moved.
   */
  async migrateLegacy(limit = 200): Promise<number> {
    if (!(await this.legacyPossible())) return 0;
    const rows = await listAll(this.table.listEntities<JobEntity>({ queryOptions: { filter: odata`PartitionKey eq ${LEGACY_JOB}` } }), limit);
    if (rows.length === 0) this.legacyState = undefined; // look again next time (the old due rows may be gone by now)
    let moved = 0;
    for (const row of rows) {
      const key = decodeKey(row.rowKey as string);
      const old = fromEntity(key, row as unknown as JobEntity & { etag: string }, true);
      if (old.status !== 'scheduled' && old.status !== 'failed') continue;
      // Rescheduled into its shard meanwhile: the old row is stale (its due row is dropped when it comes up).
      if (await getOrNull(this.table, jobPartition(key), encodeKey(key))) {
        await this.remove(old, old.etag);
        continue;
      }
      // Due row first, then the job row that points at it (as schedule does).
      const dueRow = old.status === 'scheduled' ? await this.putDue(old.dueAt, key, old.version) : undefined;
      const { etag: _etag, legacy: _legacy, ...record } = old;
      let newEtag: string;
      try {
        newEtag = await this.put({ ...record, dueRow }, null);
      } catch (e) {
        if (!isConflict(e)) throw e;
        // Scheduled into its shard this very moment: make sure its due row is its own, not ours
        // (ours is withdrawn: left behind, the mover would keep it a while as perhaps still wanted).
        if (dueRow) await this.removeDueOf(dueRow, old.version);
        const now = await this.get(key);
        if (now && !now.legacy && now.status === 'scheduled') await this.putDue(now.dueAt, key, now.version);
        await this.remove(old, old.etag);
        continue;
      }
      if (await this.remove(old, old.etag)) {
        if (old.dueRow) await this.removeDue(old.dueRow);
        moved++;
      } else {
        // The old row changed under us (picked up by a worker): it finishes where it is, and the
        // due row written for the move goes with the withdrawn row.
        await this.remove({ key }, newEtag);
        if (dueRow) await this.removeDueOf(dueRow, old.version);
      }
    }
    return moved;
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
