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

export class TablePersonNameIndex implements PersonNameIndex {
  /**
   * Puts under way in this instance. A person's name is stored beside the request that told it
   * (PeopleService.actor), so a search right after that request waits for them here rather than
   * missing the name.
   */
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly table: TableClient) {}

  /** Indexes the words of the person's current name (one transaction; no read first). */
  async put(person: { userId: string; name: string; guest: boolean }): Promise<void> {
    const put = this.write(person);
    this.pending.add(put);
    try {
      await put;
    } finally {
      this.pending.delete(put);
    }
  }

  private async write(person: { userId: string; name: string; guest: boolean }): Promise<void> {
    const actions: TransactionAction[] = [];
    for (const word of nameWords(person.name)) {
      actions.push(['upsert', { partitionKey: PARTITION, rowKey: wordRow(word, person.userId), userId: person.userId, name: person.name.slice(0, 200), guest: person.guest }, 'Replace']);
      actions.push(['upsert', { partitionKey: PARTITION, rowKey: personRow(person.userId, word) }, 'Replace']);
    }
    for (const batch of chunks(actions)) await this.table.submitTransaction(batch);
  }

  /** Removes every row the person ever had (current and earlier names). */
  async remove(userId: string): Promise<void> {
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
