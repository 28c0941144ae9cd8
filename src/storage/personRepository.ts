// People the app has met: name, tenant, guest flag. In the Profiles table, the person's own
// partition (RowKey "person"), so "forget me" clears one partition.
//
// A request does not wait for the name to be stored (see PeopleService.actor): the write runs beside
// it. Within this instance a later read or erasure of the same person waits for that write first,
// so a name is never read stale here and never lands after "forget me".
import type { TableClient } from '@azure/data-tables';
import type { PersonRecord, PersonRepository } from '../domain/ports.js';
import { deleteIfPresent, getOrNull } from './etag.js';

interface PersonEntity {
  name: string;
  tenantId: string;
  guest: boolean;
  lastSeenAt: Date;
}

const ROW = 'person';

export class TablePersonRepository implements PersonRepository {
  private readonly writing = new Map<string, Promise<unknown>>();

  constructor(private readonly table: TableClient) {}

  /** Waits for this instance's write of the person, if one is under way. */
  private async settled(userId: string): Promise<void> {
    await this.writing.get(userId)?.catch(() => undefined);
  }

  async get(userId: string): Promise<PersonRecord | null> {
    await this.settled(userId);
    const e = await getOrNull<PersonEntity>(this.table, userId, ROW);
    return e ? { userId, name: e.name, tenantId: e.tenantId || undefined, guest: !!e.guest, lastSeenAt: new Date(e.lastSeenAt) } : null;
  }

  async save(r: PersonRecord): Promise<void> {
    const previous = this.writing.get(r.userId);
    const write = (async () => {
      await previous?.catch(() => undefined);
      await this.table.upsertEntity({ partitionKey: r.userId, rowKey: ROW, name: r.name, tenantId: r.tenantId ?? '', guest: r.guest, lastSeenAt: r.lastSeenAt }, 'Replace');
    })();
    this.writing.set(r.userId, write);
    try {
      await write;
    } finally {
      if (this.writing.get(r.userId) === write) this.writing.delete(r.userId);
    }
  }

  async delete(userId: string): Promise<void> {
    await this.settled(userId);
    await deleteIfPresent(this.table, userId, ROW);
  }
}
