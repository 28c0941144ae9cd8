// One row per person (PartitionKey = their id, RowKey 'install'): what happened when the app tried to
// install itself for them, or that they removed it themselves. Insert-only claims make "once per
// person" hold across workers and instances.
import type { TableClient } from '@azure/data-tables';
import type { InstallRecord, InstallRecords, InstallState } from '../domain/notifications/install.js';
import { deleteIfPresent, getOrNull } from './etag.js';
import { isConflict } from './errors.js';
import { encodeKey } from './keys.js';

const RK = 'install';

interface Entity {
  userId: string;
  state: InstallState;
  by: 'app' | 'person';
  reason?: string;
  at: Date;
}

export class TableInstallRecords implements InstallRecords {
  constructor(private readonly table: TableClient) {}

  async get(userId: string): Promise<InstallRecord | null> {
    const row = await getOrNull<Entity>(this.table, encodeKey(userId), RK);
    if (!row) return null;
    return { userId: row.userId, state: row.state, by: row.by, ...(row.reason ? { reason: row.reason } : {}), at: new Date(row.at) };
  }

  async claim(userId: string, at: Date): Promise<boolean> {
    try {
      await this.table.createEntity<Entity>({ partitionKey: encodeKey(userId), rowKey: RK, userId, state: 'installing', by: 'app', at });
      return true;
    } catch (e) {
      if (isConflict(e)) return false;
      throw e;
    }
  }

  async set(record: InstallRecord): Promise<void> {
    const entity: Entity = { userId: record.userId, state: record.state, by: record.by, at: record.at, ...(record.reason ? { reason: record.reason } : {}) };
    await this.table.upsertEntity({ partitionKey: encodeKey(record.userId), rowKey: RK, ...entity }, 'Replace');
  }

  async release(userId: string): Promise<void> {
    await deleteIfPresent(this.table, encodeKey(userId), RK);
  }

  async erase(userId: string): Promise<void> {
    await deleteIfPresent(this.table, encodeKey(userId), RK);
  }
}
