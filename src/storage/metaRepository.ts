// Small app-wide facts, e.g. "demo data seeded at version N".
import type { TableClient } from '@azure/data-tables';
import { getOrNull, insertIfAbsent } from './etag.js';

export class MetaRepository {
  constructor(private readonly table: TableClient) {}

  async get(key: string): Promise<string | null> {
    const row = await getOrNull<{ value: string }>(this.table, 'meta', key);
    return row?.value ?? null;
  }

  /** Claims `key` once: true for the first caller, false for everyone after (across instances). */
  async claim(key: string, value: string): Promise<boolean> {
    return insertIfAbsent(this.table, { partitionKey: 'meta', rowKey: key, value });
  }

  async set(key: string, value: string): Promise<void> {
    await this.table.upsertEntity({ partitionKey: 'meta', rowKey: key, value }, 'Replace');
  }
}
