// Ways into the events partitions without scanning: by month of start (listings, feeds), by
// channel (a channel's next events), by organiser (erasure), and by person (my bookings, busy
// times, erasure).
//
// The read model: month and channel lines also carry what a list shows, in one JSON property
// `listing` (one property parses far faster than thirty typed ones): the event as on its row, its
// booked and waitlisted counts with the promotions and waitlist leavers a waiting person's place is
// worked out from, and when the writer knew all that to be true. So a list of events is one query
// per month. Lines are written on create and edit, and refreshed (merged into existing lines,
// never re-creating a line the event has moved away from) after seat commits; the event partition
// stays the truth for booking. Lines written before the read model have no listing: readers check
// those against the partition and the events service upgrades them (upgrade on read). Each
// instance keeps the month partitions it read for READ_CACHE_TTL_MS.eventLists and drops one as
// soon as it writes to it.
import { createHash } from 'node:crypto';
import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import type { EventIndex, IndexEntry, IndexLine, Listing, PersonEntry, PersonIndex } from '../domain/events/ports.js';
import type { Category, EventStatus, PltEvent } from '../domain/events/event.js';
import type { Hub } from '../domain/people/hubs.js';
import type { Profession } from '../domain/people/professions.js';
import { NO_MEETING } from '../domain/events/meeting.js';
import { deleteIfPresent, listAll } from './etag.js';
import { encodeKey } from './keys.js';
import { isNotFound } from './errors.js';
import { READ_CACHE_TTL_MS } from './readCache.js';
import { TtlCache } from './ttlCache.js';

/** Version of the listing carried on month and channel lines; lines with another are read from the partition. */
export const LISTING_VERSION = 1;

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
  /** JSON of StoredListing, on month and channel lines written since the read model. */
  listing?: string;
}

/** The listing as stored: times as epoch ms; `l` null when the waitlist history is unknown. */
interface StoredListing {
  v: number;
  at: number;
  e: Omit<PltEvent, 'start' | 'end' | 'signupOpens' | 'signupCloses' | 'createdAt' | 'updatedAt'> & { start: number; end: number; signupOpens?: number; signupCloses?: number; createdAt: number; updatedAt: number };
  s: { b: number; w: number; p: number; l: number[] | null };
}

/** Beyond this the waitlist history is left out (places are then counted in the partition). */
const MAX_LISTING_CHARS = 30_000;

function encodeListing(l: Listing): string {
  const { start, end, signupOpens, signupCloses, createdAt, updatedAt, ...rest } = l.event;
  const e: StoredListing['e'] = { ...rest, start: start.getTime(), end: end.getTime(), createdAt: createdAt.getTime(), updatedAt: updatedAt.getTime() };
  if (signupOpens) e.signupOpens = signupOpens.getTime();
  if (signupCloses) e.signupCloses = signupCloses.getTime();
  const stored: StoredListing = { v: LISTING_VERSION, at: l.at, e, s: { b: l.seats.booked, w: l.seats.waitlisted, p: l.seats.promotions, l: l.seats.leftTickets ?? null } };
  const json = JSON.stringify(stored);
  return json.length <= MAX_LISTING_CHARS ? json : JSON.stringify({ ...stored, s: { ...stored.s, l: null } });
}

/**
 * The Teams meeting as listed: listings written before Teams meetings have none, and JSON gives the
 * attendance read time back as text.
 */
function meetingOf(e: Partial<Pick<PltEvent, 'teamsMeeting' | 'meeting'>>): Pick<PltEvent, 'teamsMeeting' | 'meeting'> {
  const m = e.meeting;
  if (!m || typeof m !== 'object') return { teamsMeeting: e.teamsMeeting === true, meeting: NO_MEETING };
  const readAt = m.attendanceReadAt as Date | string | undefined;
  return { teamsMeeting: e.teamsMeeting === true, meeting: { ...m, attendanceReadAt: readAt ? new Date(readAt) : undefined } };
}

function decodeListing(json: string | undefined): Listing | undefined {
  if (typeof json !== 'string' || !json) return undefined;
  try {
    const l = JSON.parse(json) as StoredListing;
    if (l.v !== LISTING_VERSION) return undefined;
    const { start, end, signupOpens, signupCloses, createdAt, updatedAt, ...rest } = l.e;
    const event: PltEvent = { ...rest, professions: rest.professions as Profession[], start: new Date(start), end: new Date(end), createdAt: new Date(createdAt), updatedAt: new Date(updatedAt), ...meetingOf(rest) };
    if (signupOpens !== undefined) event.signupOpens = new Date(signupOpens);
    if (signupCloses !== undefined) event.signupCloses = new Date(signupCloses);
    return { event, seats: { booked: l.s.b, waitlisted: l.s.w, promotions: l.s.p, leftTickets: l.s.l ?? undefined }, at: l.at };
  } catch {
    return undefined;
  }
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

function toLine(e: IndexEntity): IndexLine {
  const line: IndexLine = toEntry(e);
  const listing = decodeListing(e.listing);
  if (listing) line.listing = listing;
  return line;
}

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
  /** Whole month partitions as last read, by partition key. */
  private readonly months = new TtlCache<IndexLine[]>(() => READ_CACHE_TTL_MS.eventLists, 240);

  constructor(private readonly table: TableClient) {}

  private rows(e: IndexEntry): { partitionKey: string; rowKey: string; listed: boolean }[] {
    const rows = [{ partitionKey: monthKey(e.start), rowKey: timeRow(e), listed: true }];
    if (e.channelId) rows.push({ partitionKey: channelKey(e.channelId), rowKey: timeRow(e), listed: true });
    if (e.organiserId) rows.push({ partitionKey: organiserKey(e.organiserId), rowKey: e.eventId, listed: false });
    return rows;
  }

  async put(e: IndexEntry, listing?: Listing): Promise<void> {
    const entity = toEntity(e);
    const json = listing ? encodeListing(listing) : undefined;
    const rows = this.rows(e);
    this.forget(rows);
    try {
      await Promise.all(rows.map(({ listed: carries, ...keys }) => this.table.upsertEntity({ ...keys, ...entity, ...(carries && json ? { listing: json } : {}) }, 'Replace')));
    } finally {
      this.forget(rows);
    }
  }

  async refresh(listing: Listing): Promise<void> {
    const entry = { ...listing.event, eventId: listing.event.id };
    const rows = this.rows(entry).filter((r) => r.listed);
    const { title, status } = toEntity(entry);
    const json = encodeListing(listing);
    await Promise.all(
      rows.map(async ({ listed: _, ...keys }) => {
        try {
          // Merge into the line if it is there (If-Match *): a line the event has moved away from stays deleted.
          await this.table.updateEntity({ ...keys, title, status, listing: json }, 'Merge');
        } catch (e) {
          if (!isNotFound(e)) throw e;
        }
      }),
    );
  }

  async remove(e: IndexEntry, keep?: IndexEntry): Promise<void> {
    const kept = new Set((keep ? this.rows(keep) : []).map((k) => `${k.partitionKey}/${k.rowKey}`));
    const gone = this.rows(e).filter((k) => !kept.has(`${k.partitionKey}/${k.rowKey}`));
    this.forget(gone);
    try {
      await Promise.all(gone.map((keys) => deleteIfPresent(this.table, keys.partitionKey, keys.rowKey)));
    } finally {
      this.forget(gone);
    }
  }

  private forget(rows: { partitionKey: string }[]): void {
    for (const r of rows) if (r.partitionKey.startsWith('m:')) this.months.delete(r.partitionKey);
  }

  /** One month partition, whole (lists ask for overlapping ranges; the whole month is what is cached). */
  private month(pk: string): Promise<IndexLine[]> {
    return this.months.read(pk, async () => (await listAll(this.table.listEntities<IndexEntity>({ queryOptions: { filter: odata`PartitionKey eq ${pk}` } }), 100_000)).map(toLine));
  }

  async range(from: Date, to: Date): Promise<IndexLine[]> {
    const months = await Promise.all(monthsBetween(from, to).map((pk) => this.month(pk)));
    return months.flat().filter((l) => l.start >= from && l.start < to);
  }

  async forChannel(channelId: string, from: Date, limit: number): Promise<IndexLine[]> {
    const iter = this.table.listEntities<IndexEntity>({ queryOptions: { filter: odata`PartitionKey eq ${channelKey(channelId)} and RowKey ge ${from.toISOString()}` } });
    return (await listAll(iter, limit)).map(toLine);
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
  /** People's lines as lists read them (`recent`); dropped when this instance adds or removes theirs. */
  private readonly recent = new TtlCache<PersonEntry[]>(() => READ_CACHE_TTL_MS.eventLists, 20_000);

  constructor(private readonly table: TableClient) {}

  async add(rows: (PersonEntry & { userId: string })[]): Promise<void> {
    const people = [...new Set(rows.map((r) => r.userId))];
    people.forEach((u) => this.recent.delete(u));
    try {
      await this.write(rows);
    } finally {
      people.forEach((u) => this.recent.delete(u));
    }
  }

  private async write(rows: (PersonEntry & { userId: string })[]): Promise<void> {
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

  async list(userId: string, options: { recent?: boolean } = {}): Promise<PersonEntry[]> {
    if (options.recent) return (await this.recent.read(userId, () => this.read(userId))).map((e) => ({ ...e }));
    return this.read(userId);
  }

  private async read(userId: string): Promise<PersonEntry[]> {
    const prefix = `${encodeKey(userId)}|`;
    const end = `${encodeKey(userId)}}`; // "}" sorts right after "|"
    const rows = await listAll(this.table.listEntities<PersonEntity>({ queryOptions: { filter: odata`PartitionKey eq ${personBucket(userId)} and RowKey ge ${prefix} and RowKey lt ${end}` } }));
    return rows.map((r) => ({ eventId: r.eventId, start: new Date(r.start), end: new Date(r.end) }));
  }

  async remove(userId: string, eventIds: string[]): Promise<void> {
    this.recent.delete(userId);
    try {
      await Promise.all(eventIds.map((id) => deleteIfPresent(this.table, personBucket(userId), personRow(userId, id))));
    } finally {
      this.recent.delete(userId);
    }
  }
}
