// People the app has met: name, tenant, guest flag. In the Profiles table, the person's own
// partition (RowKey "person"), so "forget me" clears one partition — and, given the name index,
// the words people find them by (src/storage/personNameIndex.ts).
//
// A request does not wait for the name to be stored (see PeopleService.actor): the write runs beside
// it. Within this instance a later read or erasure of the same person waits for that write first,
// so a name is never read stale here and never lands after "forget me".
import type { TableClient } from '@azure/data-tables';
import type { PersonRecord, PersonRepository } from '../domain/ports.js';
import { deleteIfPresent, getOrNull } from './etag.js';
import type { TablePersonNameIndex } from './personNameIndex.js';

interface PersonEntity {
  name: string;
  tenantId: string;
  guest: boolean;
  email?: string;
  lastSeenAt: Date;
}

const ROW = 'person';

export class TablePersonRepository implements PersonRepository {
  private readonly writing = new Map<string, Promise<unknown>>();

  /** With `names`, every save and delete keeps the name index (people search) in step. */
  constructor(
    private readonly table: TableClient,
    private readonly names?: TablePersonNameIndex,
  ) {}

  /** Waits for this instance's write of the person, if one is under way. */
  private async settled(userId: string): Promise<void> {
    await this.writing.get(userId)?.catch(() => undefined);
  }

  async get(userId: string): Promise<PersonRecord | null> {
    await this.settled(userId);
    const e = await getOrNull<PersonEntity>(this.table, userId, ROW);
    return e ? { userId, name: e.name, tenantId: e.tenantId || undefined, guest: !!e.guest, ...(e.email ? { email: e.email } : {}), lastSeenAt: new Date(e.lastSeenAt) } : null;
  }

  /** Merge, so a save that does not know the mailbox (a Teams activity) keeps the stored one. */
  async save(r: PersonRecord): Promise<void> {
    const entity: PersonEntity & { partitionKey: string; rowKey: string } = { partitionKey: r.userId, rowKey: ROW, name: r.name, tenantId: r.tenantId ?? '', guest: r.guest, lastSeenAt: r.lastSeenAt };
    if (r.email) entity.email = r.email;
    const previous = this.writing.get(r.userId);
    const write = (async () => {
      await previous?.catch(() => undefined);
      // In parallel: the name index is only a hint (searches check hits against this row), so neither
      // write waits for the other and a save costs one round trip as before.
      await Promise.all([this.table.upsertEntity(entity, 'Merge'), this.names?.put({ userId: r.userId, name: r.name, guest: r.guest })]);
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
    // The index first: if that fails the person is still here, and forgetting them again finds every row.
    await this.names?.remove(userId);
    await deleteIfPresent(this.table, userId, ROW);
  }
}
