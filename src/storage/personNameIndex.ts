// Names people are found by (the people picker): one row per word of a person's name, in one
// partition, so "starts with" is a RowKey range. Beside each word row a row under the person, so
// every word ever indexed for them (names change) is found and removed when they are forgotten.
// Rows are hints: the search checks each hit against the person's own record.
import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import type { PersonNameIndex } from '../domain/people/search.js';
import { nameWords } from '../domain/people/search.js';
import { encodeKey } from './keys.js';
import { deleteIfPresent, getOrNull } from './etag.js';

const PARTITION = 'names';
const wordRow = (word: string, userId: string) => `w|${word}|${encodeKey(userId)}`;
const personRow = (userId: string, word: string) => `p|${encodeKey(userId)}|${word}`;

interface WordEntity {
  userId: string;
  name: string;
  guest: boolean;
}

/** A transaction holds at most 100 actions. */
const chunks = <T>(list: T[], size = 100) => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

/** How long a told name waits to be indexed with others (after the request's answer, coalesced). */
export const NAME_WRITE_DELAY_MS = 200;
/** People whose indexed name this instance remembers (an unchanged name is not written again). */
const INDEXED_MAX = 20_000;

type Named = { userId: string; name: string; guest: boolean };

export class TablePersonNameIndex implements PersonNameIndex {
  /**
   * Writes under way in this instance. A search waits for them (and starts the queued ones at
   * once) rather than missing a name told a moment ago; forgetting someone waits for them too.
   */
  private readonly pending = new Set<Promise<void>>();
  /** Names told and not yet written (putSoon), by person: the latest wins. */
  private readonly queued = new Map<string, Named>();
  private timer: NodeJS.Timeout | undefined;
  /** What this instance last indexed per person (`name|guest`). */
  private readonly indexed = new Map<string, string>();
  /** People forgotten since their name was queued: a failed write is not retried for them. */
  private readonly forgotten = new Set<string>();

  constructor(private readonly table: TableClient) {}

  /** Indexes the words of the person's current name (now; one transaction, no read first). */
  async put(person: Named): Promise<void> {
    await this.track(this.write([person]));
  }

  /**
   * Indexes the name soon, off the request that told it: queued names are written together a
   * moment later (a transaction per 50 words), and a name this instance indexed already is not
   * written again. The person's own record is the truth (searches check each hit against it), so
   * the index may trail it by that moment; a failed write is tried again with the next batch.
   */
  putSoon(person: Named): void {
    if (this.indexed.get(person.userId) === `${person.name}|${person.guest}`) return;
    this.forgotten.delete(person.userId);
    this.queued.set(person.userId, person);
    if (!this.timer) {
      this.timer = setTimeout(() => void this.flush().catch(() => undefined), NAME_WRITE_DELAY_MS);
      this.timer.unref?.();
    }
  }

  /** Writes the queued names now. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = [...this.queued.values()];
    this.queued.clear();
    if (!batch.length) return Promise.resolve();
    return this.track(
      this.write(batch).catch((e: unknown) => {
        // Tried again with the next batch (not for anyone forgotten meanwhile or told a newer name).
        for (const p of batch) if (!this.forgotten.has(p.userId) && !this.queued.has(p.userId)) this.queued.set(p.userId, p);
        if (this.queued.size && !this.timer) {
          this.timer = setTimeout(() => void this.flush().catch(() => undefined), NAME_WRITE_DELAY_MS * 5);
          this.timer.unref?.();
        }
        throw e;
      }),
    );
  }

  private async track(write: Promise<void>): Promise<void> {
    this.pending.add(write);
    try {
      await write;
    } finally {
      this.pending.delete(write);
    }
  }

  private async write(people: Named[]): Promise<void> {
    const actions: TransactionAction[] = [];
    for (const person of people) {
      for (const word of nameWords(person.name)) {
        actions.push(['upsert', { partitionKey: PARTITION, rowKey: wordRow(word, person.userId), userId: person.userId, name: person.name.slice(0, 200), guest: person.guest }, 'Replace']);
        actions.push(['upsert', { partitionKey: PARTITION, rowKey: personRow(person.userId, word) }, 'Replace']);
      }
    }
    for (const batch of chunks(actions)) await this.table.submitTransaction(batch);
    for (const person of people) {
      if (this.indexed.size >= INDEXED_MAX) this.indexed.delete(this.indexed.keys().next().value as string);
      if (!this.forgotten.has(person.userId)) this.indexed.set(person.userId, `${person.name}|${person.guest}`);
    }
  }

  /** Removes every row the person ever had (current and earlier names). */
  async remove(userId: string): Promise<void> {
    // Nothing of theirs still queued or being written may land after the rows are gone.
    this.queued.delete(userId);
    this.indexed.delete(userId);
    this.forgotten.add(userId);
    if (this.pending.size) await Promise.allSettled([...this.pending]);
    const prefix = `p|${encodeKey(userId)}|`;
    const rows = this.table.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${PARTITION} and RowKey ge ${prefix} and RowKey lt ${prefix + '~'}`, select: ['RowKey'] } });
    const actions: TransactionAction[] = [];
    for await (const row of rows) {
      const word = String(row.rowKey).slice(prefix.length);
      actions.push(['delete', { partitionKey: PARTITION, rowKey: wordRow(word, userId) }]);
      actions.push(['delete', { partitionKey: PARTITION, rowKey: String(row.rowKey) }]);
    }
    // Deleting a row that is already gone fails the whole transaction, so one by one when that happens.
    for (const batch of chunks(actions)) {
      try {
        await this.table.submitTransaction(batch);
      } catch {
        for (const [, entity] of batch) await deleteIfPresent(this.table, entity.partitionKey, entity.rowKey);
      }
    }
  }

  async lookup(prefix: string, limit: number): Promise<{ userId: string; name: string; guest: boolean }[]> {
    if (this.queued.size) void this.flush().catch(() => undefined);
    if (this.pending.size) await Promise.allSettled([...this.pending]);
    const from = `w|${prefix}`;
    const pages = this.table.listEntities<WordEntity>({ queryOptions: { filter: odata`PartitionKey eq ${PARTITION} and RowKey ge ${from} and RowKey lt ${from + '~'}` } }).byPage({ maxPageSize: Math.min(limit, 1000) });
    const out: { userId: string; name: string; guest: boolean }[] = [];
    for await (const page of pages) {
      for (const row of page) out.push({ userId: row.userId, name: row.name, guest: !!row.guest });
      if (out.length >= limit) break;
    }
    return out.slice(0, limit);
  }
}

/**
 * Indexes the people saved before the index existed, once per store (a marker in Meta, written when
 * done, so an interrupted run starts again; putting a name twice is harmless). A scan, but one.
 */
export async function indexEarlierPeople(profiles: TableClient, index: TablePersonNameIndex, meta: { get(key: string): Promise<string | null>; set(key: string, value: string): Promise<void> }): Promise<number> {
  const MARKER = 'people-names:v1';
  if (await meta.get(MARKER)) return 0;
  let count = 0;
  const rows = profiles.listEntities<{ name: string; guest: boolean }>({ queryOptions: { filter: odata`RowKey eq ${'person'}`, select: ['PartitionKey', 'name', 'guest'] } });
  for await (const row of rows) {
    const userId = String(row.partitionKey);
    await index.put({ userId, name: String(row.name ?? ''), guest: !!row.guest });
    // Forgotten meanwhile? Then the words go again (erasure must leave nothing behind).
    if (!(await getOrNull(profiles, userId, 'person'))) await index.remove(userId);
    count++;
  }
  await meta.set(MARKER, new Date().toISOString());
  return count;
}
