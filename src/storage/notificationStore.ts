// Notification records on Tables, keyed by recipient and idempotency key:
// - PartitionKey = the person, RowKey = a hash of the caller's key → "same key, same person: one
//   message, ever", and "my data" / "forget me" are one partition. The key is hashed because keys
//   name other people (a lead's "new member" notice carries the joiner's id): once that person
//   asks to be forgotten, no trace of their id may stay in someone else's partition. Records are
//   read by key, or by that hash (noticeRowKey) where only the hash travels — queue messages,
//   poison copies and the send journal carry the hash, never the key;
// - the person's preferences live in the same partition (RowKey `!preferences`, which no encoded key
//   can produce), so a worker reads record and preferences in one query;
// - a small index partition lists failed and unconfirmed notices (with when, kind and reason) for the
//   coordinators' counts, so no count ever scans the records.
import { createHash } from 'node:crypto';
import { odata, type TableClient } from '@azure/data-tables';
import type { NotificationStatus } from '../domain/notifications/delivery.js';
import { DEFAULT_PREFERENCES, OPTIONAL_KINDS, type NotificationPreferences } from '../domain/notifications/preferences.js';
import type { FeedNotice } from '../domain/notifications/feed.js';
import { deleteIfPresent, getOrNull, insertIfAbsent, listAll, mutateEntity } from './etag.js';
import { decodeKey, encodeKey } from './keys.js';

const PREFERENCES_ROW = '!preferences';
const PROBLEMS = 'index|problems';
const CHUNK = 30_000; // characters per string property (Tables allow 64 KiB of UTF-16)
const MAX_CHUNKS = 8;

export interface NotificationRecord {
  userId: string;
  /** The caller's idempotency key; where only the hash was known (queue, "my data") the hash. */
  key: string;
  /** The stored hash of the key: what identifies the notice outside this table. */
  rowKey: string;
  kind: string;
  status: NotificationStatus;
  /** Message text and card: kept only until the notice is final (data minimisation). */
  text?: string;
  card?: object;
  /** An activity feed notice's details (kind activity-feed), kept like text and card. */
  feed?: FeedNotice;
  createdAt: Date;
  updatedAt: Date;
  /** Send attempts that got an answer other than 429, or no answer. */
  attempts: number;
  /** 429 answers so far. */
  throttled: number;
  retryAt?: Date;
  claimedBy?: string;
  claimedAt?: Date;
  /** The send lane that claimed it (the claimant's journal file to read if it dies). */
  lane?: number;
  sentAt?: Date;
  reason?: string;
  etag: string;
}

export type NewNotification = Pick<NotificationRecord, 'userId' | 'key' | 'kind' | 'text' | 'card' | 'feed'>;
export type NotificationChanges = Partial<Omit<NotificationRecord, 'userId' | 'key' | 'rowKey' | 'etag' | 'createdAt'>>;

interface Entity {
  partitionKey: string;
  rowKey: string;
  kind: string;
  status: string;
  text?: string;
  createdAt: Date;
  updatedAt: Date;
  attempts: number;
  throttled: number;
  retryAt?: Date;
  claimedBy?: string;
  claimedAt?: Date;
  lane?: number;
  sentAt?: Date;
  reason?: string;
  feed?: string;
  [chunk: `card${number}`]: string | undefined;
}

export interface ProblemCount {
  status: 'failed' | 'unconfirmed';
  kind: string;
  reason: string;
  at: Date;
}

const userPk = (userId: string) => encodeKey(userId);
/** 'k' + SHA-256 of the key: fixed length, never '!preferences', no id in the clear. */
export const noticeRowKey = (key: string) => `k${createHash('sha256').update(key, 'utf8').digest('base64url')}`;
const keyRk = noticeRowKey;
/** What noticeRowKey produces (a queue message naming anything else is not ours). */
export const isNoticeRowKey = (value: unknown): value is string => typeof value === 'string' && /^k[A-Za-z0-9_-]{43}$/.test(value);

function toEntity(record: Omit<NotificationRecord, 'etag'>): Entity {
  const entity: Entity = {
    partitionKey: userPk(record.userId),
    rowKey: record.rowKey,
    kind: record.kind,
    status: record.status,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    attempts: record.attempts,
    throttled: record.throttled,
  };
  if (record.text !== undefined) entity.text = record.text;
  if (record.retryAt) entity.retryAt = record.retryAt;
  if (record.claimedBy) entity.claimedBy = record.claimedBy;
  if (record.claimedAt) entity.claimedAt = record.claimedAt;
  if (record.lane !== undefined) entity.lane = record.lane;
  if (record.sentAt) entity.sentAt = record.sentAt;
  if (record.reason) entity.reason = record.reason;
  if (record.feed) entity.feed = JSON.stringify(record.feed);
  if (record.card) {
    const json = JSON.stringify(record.card);
    const chunks = Math.ceil(json.length / CHUNK);
    if (chunks > MAX_CHUNKS) throw new Error('notification card too large to store');
    for (let i = 0; i < chunks; i++) entity[`card${i}`] = json.slice(i * CHUNK, (i + 1) * CHUNK);
  }
  return entity;
}

function readFeed(json: unknown): FeedNotice | undefined {
  if (typeof json !== 'string') return undefined;
  try {
    return JSON.parse(json) as FeedNotice;
  } catch {
    return undefined;
  }
}

/** `key`: the caller's key the row was read by (the row holds only its hash). */
function fromEntity(e: Entity & { etag: string }, key: string): NotificationRecord {
  let card: object | undefined;
  if (typeof e.card0 === 'string') {
    let json = '';
    for (let i = 0; typeof e[`card${i}`] === 'string'; i++) json += e[`card${i}`];
    try {
      card = JSON.parse(json) as object;
    } catch {
      card = undefined;
    }
  }
  const date = (d: unknown) => (d === undefined || d === null ? undefined : new Date(d as string));
  return {
    userId: decodeKey(e.partitionKey),
    key,
    rowKey: e.rowKey,
    kind: e.kind,
    status: e.status as NotificationStatus,
    text: e.text,
    card,
    feed: readFeed(e.feed),
    createdAt: new Date(e.createdAt),
    updatedAt: new Date(e.updatedAt),
    attempts: Number(e.attempts ?? 0),
    throttled: Number(e.throttled ?? 0),
    retryAt: date(e.retryAt),
    claimedBy: e.claimedBy || undefined,
    claimedAt: date(e.claimedAt),
    lane: typeof e.lane === 'number' ? e.lane : undefined,
    sentAt: date(e.sentAt),
    reason: e.reason || undefined,
    etag: e.etag,
  };
}

function toPreferences(row: Record<string, unknown> | null | undefined): NotificationPreferences {
  const out = { ...DEFAULT_PREFERENCES };
  if (row) for (const kind of OPTIONAL_KINDS) if (typeof row[kind] === 'boolean') out[kind] = row[kind] as boolean;
  return out;
}

export class TableNotificationStore {
  constructor(private readonly table: TableClient) {}

  /** The record (if any, by its row key: noticeRowKey) and the person's preferences, in one round trip. */
  async readWithPreferences(userId: string, rowKey: string): Promise<{ record: NotificationRecord | null; preferences: NotificationPreferences }> {
    const pk = userPk(userId);
    const rows = await listAll(
      this.table.listEntities<Record<string, unknown>>({
        queryOptions: { filter: odata`PartitionKey eq ${pk} and (RowKey eq ${rowKey} or RowKey eq ${PREFERENCES_ROW})` },
      }),
    );
    let record: NotificationRecord | null = null;
    let preferences = { ...DEFAULT_PREFERENCES };
    for (const row of rows) {
      if (row.rowKey === PREFERENCES_ROW) preferences = toPreferences(row);
      else record = fromEntity(row as unknown as Entity & { etag: string }, rowKey);
    }
    return { record, preferences };
  }

  async get(userId: string, key: string): Promise<NotificationRecord | null> {
    const row = await getOrNull<Entity>(this.table, userPk(userId), keyRk(key));
    return row ? fromEntity(row as unknown as Entity & { etag: string }, key) : null;
  }

  /** The record by its row key (noticeRowKey), for those who only hold the hash. */
  async getByRowKey(userId: string, rowKey: string): Promise<NotificationRecord | null> {
    const row = await getOrNull<Entity>(this.table, userPk(userId), rowKey);
    return row ? fromEntity(row as unknown as Entity & { etag: string }, rowKey) : null;
  }

  /** Records a new notice as pending; false when one with this key exists already. */
  async create(input: NewNotification, now: Date): Promise<boolean> {
    const entity = toEntity({ ...input, rowKey: keyRk(input.key), status: 'pending', createdAt: now, updatedAt: now, attempts: 0, throttled: 0 });
    return insertIfAbsent(this.table, entity as never);
  }

  /**
   * Writes `changes` over `record` if nobody changed it since it was read (ETag); answers the new
   * ETag. A concurrent change surfaces as the SDK's 412 (callers re-read and decide again).
   * Final states drop the message text and card: they are not needed any more.
   */
  async update(record: NotificationRecord, changes: NotificationChanges): Promise<string> {
    const next = { ...record, ...changes };
    if (next.status !== 'pending' && next.status !== 'sending') {
      delete next.text;
      delete next.card;
      delete next.feed;
    }
    const { etag: _etag, ...rest } = next;
    const response = await this.table.updateEntity(toEntity(rest) as never, 'Replace', { etag: record.etag });
    return response.etag ?? '';
  }

  /**
   * pending → sending for `claimedBy`, if nobody changed the record since it was read. A small
   * merge (no text or card): it is the write closest to the wire, so it should be quick.
   */
  async claim(record: NotificationRecord, claimedBy: string, claimedAt: Date, lane = 0): Promise<NotificationRecord> {
    const changes = { status: 'sending' as const, claimedBy, claimedAt, lane, attempts: record.attempts + 1, updatedAt: claimedAt };
    const response = await this.table.updateEntity({ partitionKey: userPk(record.userId), rowKey: record.rowKey, ...changes }, 'Merge', { etag: record.etag });
    return { ...record, ...changes, etag: response.etag ?? '' };
  }

  /** Every notice held for a person ("my data"); `key` is the stored hash, not the caller's key. */
  async listForUser(userId: string): Promise<NotificationRecord[]> {
    const rows = await listAll(this.table.listEntities<Entity>({ queryOptions: { filter: odata`PartitionKey eq ${userPk(userId)}` } }));
    return rows.filter((r) => r.rowKey !== PREFERENCES_ROW).map((r) => fromEntity(r as unknown as Entity & { etag: string }, r.rowKey as string));
  }

  async getPreferences(userId: string): Promise<NotificationPreferences> {
    return toPreferences(await getOrNull<Record<string, unknown>>(this.table, userPk(userId), PREFERENCES_ROW));
  }

  async setPreferences(userId: string, changes: Partial<NotificationPreferences>, now: Date): Promise<NotificationPreferences> {
    const written = await mutateEntity<Record<string, unknown>>(this.table, userPk(userId), PREFERENCES_ROW, (current) => ({
      ...toPreferences(current),
      ...changes,
      updatedAt: now,
    }));
    return toPreferences(written as Record<string, unknown>);
  }

  /** Notes a failed or unconfirmed notice (by its row key) for the coordinators' counts. */
  async noteProblem(userId: string, rowKey: string, problem: ProblemCount): Promise<void> {
    await this.table.upsertEntity(
      { partitionKey: PROBLEMS, rowKey: `${userPk(userId)}|${rowKey}`, status: problem.status, kind: problem.kind, reason: problem.reason, at: problem.at },
      'Replace',
    );
  }

  /** Problems noted since `since` (a partition read of the index, never of the records). */
  async problemsSince(since: Date): Promise<ProblemCount[]> {
    const rows = await listAll(
      this.table.listEntities<{ status: string; kind: string; reason: string; at: Date }>({
        queryOptions: { filter: odata`PartitionKey eq ${PROBLEMS} and at ge ${since}`, select: ['status', 'kind', 'reason', 'at'] },
      }),
      50_000,
    );
    return rows.map((r) => ({ status: r.status as ProblemCount['status'], kind: r.kind, reason: r.reason, at: new Date(r.at) }));
  }

  /** Drops index rows older than `before` (housekeeping by the scheduling instance). */
  async pruneProblems(before: Date, limit = 500): Promise<number> {
    const rows = await listAll(
      this.table.listEntities<{ at: Date }>({ queryOptions: { filter: odata`PartitionKey eq ${PROBLEMS} and at lt ${before}`, select: ['rowKey'] } }),
      limit,
    );
    for (const r of rows) await deleteIfPresent(this.table, PROBLEMS, r.rowKey as string);
    return rows.length;
  }

  /** Forget me: every record, the preferences and the index rows of this person. */
  async eraseUser(userId: string): Promise<void> {
    const pk = userPk(userId);
    const own = await listAll(this.table.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${pk}`, select: ['rowKey'] } }));
    await deleteRows(this.table, pk, own.map((r) => r.rowKey as string));
    const from = `${pk}|`;
    const to = `${pk}}`; // '}' sorts right after '|', and no encoded id contains either
    const indexed = await listAll(
      this.table.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${PROBLEMS} and RowKey ge ${from} and RowKey lt ${to}`, select: ['rowKey'] } }),
    );
    await deleteRows(this.table, PROBLEMS, indexed.map((r) => r.rowKey as string));
  }
}

/** Deletes rows of one partition, 100 per transaction. */
async function deleteRows(table: TableClient, pk: string, rowKeys: string[]): Promise<void> {
  for (let i = 0; i < rowKeys.length; i += 100) {
    const batch = rowKeys.slice(i, i + 100);
    try {
      await table.submitTransaction(batch.map((rk) => ['delete', { partitionKey: pk, rowKey: rk }]));
    } catch {
      // A row deleted meanwhile fails the whole batch: fall back to one by one.
      for (const rk of batch) await deleteIfPresent(table, pk, rk);
    }
  }
}
