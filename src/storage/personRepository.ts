// People the app has met: name, tenant, guest flag. In the Profiles table, the person's own
// partition (RowKey "person"), so "forget me" clears one partition.
import type { TableClient } from '@azure/data-tables';
import type { PersonRecord, PersonRepository } from '../domain/ports.js';
import { deleteIfPresent, getOrNull } from './etag.js';

interface PersonEntity {
  name: string;
  tenantId: string;
  guest: boolean;
  email?: string;
  lastSeenAt: Date;
}

const ROW = 'person';

export class TablePersonRepository implements PersonRepository {
  constructor(private readonly table: TableClient) {}

  async get(userId: string): Promise<PersonRecord | null> {
    const e = await getOrNull<PersonEntity>(this.table, userId, ROW);
    return e ? { userId, name: e.name, tenantId: e.tenantId || undefined, guest: !!e.guest, ...(e.email ? { email: e.email } : {}), lastSeenAt: new Date(e.lastSeenAt) } : null;
  }

  /** Merge, so a save that does not know the mailbox (a Teams activity) keeps the stored one. */
  async save(r: PersonRecord): Promise<void> {
    const entity: PersonEntity & { partitionKey: string; rowKey: string } = { partitionKey: r.userId, rowKey: ROW, name: r.name, tenantId: r.tenantId ?? '', guest: r.guest, lastSeenAt: r.lastSeenAt };
    if (r.email) entity.email = r.email;
    await this.table.upsertEntity(entity, 'Merge');
  }

  async delete(userId: string): Promise<void> {
    await deleteIfPresent(this.table, userId, ROW);
  }
}
