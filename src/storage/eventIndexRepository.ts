// Ways into the events partitions without scanning: by month of start (listings, feeds), by
// channel (a channel's next events), by organiser (erasure), and by person (my bookings, busy
// times, erasure). Index rows are hints: readers check each event against its partition.
import { createHash } from 'node:crypto';
import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import type { EventIndex, IndexEntry, PersonEntry, PersonIndex } from '../domain/events/ports.js';
import type { Category, EventStatus } from '../domain/events/event.js';
import type { Hub } from '../domain/people/hubs.js';
import { deleteIfPresent, listAll } from './etag.js';
import { encodeKey } from './keys.js';

interface IndexEntity {
  eventId: string;
  start: Date;
  end: Date;
  hub: string;
  category: string;
  channelId: string;
  organiserId: string;
  title: string;
  status: string;
}

const monthKey = (d: Date) => `m:${d.toISOString().slice(0, 7)}`;
const timeRow = (e: { start: Date; eventId: string }) => `${e.start.toISOString()}|${e.eventId}`;
const channelKey = (channelId: string) => `c:${encodeKey(channelId)}`;
const organiserKey = (userId: string) => `o:${encodeKey(userId)}`;

const toEntry = (e: IndexEntity): IndexEntry => ({
  eventId: e.eventId,
  start: new Date(e.start),
  end: new Date(e.end),
  hub: e.hub as Hub,
  category: e.category as Category,
  channelId: e.channelId || undefined,
  organiserId: e.organiserId,
  title: e.title,
  status: e.status as EventStatus,
});

const toEntity = (e: IndexEntry): IndexEntity => ({
  eventId: e.eventId,
  start: e.start,
  end: e.end,
  hub: e.hub,
  category: e.category,
  channelId: e.channelId ?? '',
  organiserId: e.organiserId,
  title: e.title.slice(0, 200),
  status: e.status,
});

/** The UTC months a range touches ("m:2026-07", …). */
export function monthsBetween(from: Date, to: Date): string[] {
  const out: string[] = [];
  const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 1));
  while (d < to && out.length < 60) {
    out.push(monthKey(d));
    d.setUTCMonth(d.getUTCMonth() + 1);
  }
  return out;
}

export class TableEventIndex implements EventIndex {
  constructor(private readonly table: TableClient) {}

  private rows(e: IndexEntry): { partitionKey: string; rowKey: string }[] {
    const rows = [{ partitionKey: monthKey(e.start), rowKey: timeRow(e) }];
    if (e.channelId) rows.push({ partitionKey: channelKey(e.channelId), rowKey: timeRow(e) });
    if (e.organiserId) rows.push({ partitionKey: organiserKey(e.organiserId), rowKey: e.eventId });
    return rows;
  }

  async put(e: IndexEntry): Promise<void> {
    const entity = toEntity(e);
    await Promise.all(this.rows(e).map((keys) => this.table.upsertEntity({ ...keys, ...entity }, 'Replace')));
  }

  async remove(e: IndexEntry, keep?: IndexEntry): Promise<void> {
    const kept = new Set((keep ? this.rows(keep) : []).map((k) => `${k.partitionKey}/${k.rowKey}`));
    const gone = this.rows(e).filter((k) => !kept.has(`${k.partitionKey}/${k.rowKey}`));
    await Promise.all(gone.map((keys) => deleteIfPresent(this.table, keys.partitionKey, keys.rowKey)));
  }

  async range(from: Date, to: Date): Promise<IndexEntry[]> {
    const lo = from.toISOString();
    const hi = to.toISOString();
    const months = await Promise.all(
      monthsBetween(from, to).map((pk) => listAll(this.table.listEntities<IndexEntity>({ queryOptions: { filter: odata`PartitionKey eq ${pk} and RowKey ge ${lo} and RowKey lt ${hi}` } }))),
    );
    return months.flat().map(toEntry);
  }

  async forChannel(channelId: string, from: Date, limit: number): Promise<IndexEntry[]> {
    const iter = this.table.listEntities<IndexEntity>({ queryOptions: { filter: odata`PartitionKey eq ${channelKey(channelId)} and RowKey ge ${from.toISOString()}` } });
    return (await listAll(iter, limit)).map(toEntry);
  }

  async byOrganiser(userId: string): Promise<IndexEntry[]> {
    return (await listAll(this.table.listEntities<IndexEntity>({ queryOptions: { filter: odata`PartitionKey eq ${organiserKey(userId)}` } }))).map(toEntry);
  }
}

/** People's rows spread over a few partitions, so one sign-up batch is a few small transactions. */
const BUCKETS = 8;
export function personBucket(userId: string): string {
  const h = createHash('sha256').update(userId).digest();
  return `p${h[0] % BUCKETS}`;
}
const personRow = (userId: string, eventId: string) => `${encodeKey(userId)}|${eventId}`;

interface PersonEntity {
  eventId: string;
  start: Date;
  end: Date;
}

export class TablePersonIndex implements PersonIndex {
  constructor(private readonly table: TableClient) {}

  async add(rows: (PersonEntry & { userId: string })[]): Promise<void> {
    const byBucket = new Map<string, TransactionAction[]>();
    for (const r of rows) {
      const pk = personBucket(r.userId);
      const list = byBucket.get(pk) ?? [];
      list.push(['upsert', { partitionKey: pk, rowKey: personRow(r.userId, r.eventId), eventId: r.eventId, start: r.start, end: r.end }, 'Replace']);
      byBucket.set(pk, list);
    }
    const chunks: TransactionAction[][] = [];
    for (const list of byBucket.values()) for (let i = 0; i < list.length; i += 100) chunks.push(list.slice(i, i + 100));
    await Promise.all(chunks.map((actions) => (actions.length === 1 ? this.table.upsertEntity(actions[0][1] as never, 'Replace') : this.table.submitTransaction(actions))));
  }

  async list(userId: string): Promise<PersonEntry[]> {
    const prefix = `${encodeKey(userId)}|`;
    const end = `${encodeKey(userId)}}`; // "}" sorts right after "|"
    const rows = await listAll(this.table.listEntities<PersonEntity>({ queryOptions: { filter: odata`PartitionKey eq ${personBucket(userId)} and RowKey ge ${prefix} and RowKey lt ${end}` } }));
    return rows.map((r) => ({ eventId: r.eventId, start: new Date(r.start), end: new Date(r.end) }));
  }

  async remove(userId: string, eventIds: string[]): Promise<void> {
    await Promise.all(eventIds.map((id) => deleteIfPresent(this.table, personBucket(userId), personRow(userId, id))));
  }
}
