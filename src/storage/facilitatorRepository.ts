// The facilitator pool: tens of people across the hubs, one partition, so the whole pool is one
// query (matching reads it for every request) and each profile is a point read.
import { odata, type TableClient } from '@azure/data-tables';
import type { FacilitatorRepository } from '../domain/facilitation/ports.js';
import type { Facilitator } from '../domain/facilitation/facilitator.js';
import { deleteIfPresent, getOrNull, insertIfAbsent, listAll, mutateEntity } from './etag.js';
import { encodeKey } from './keys.js';

const PK = 'pool';

interface FacilitatorEntity {
  data: string;
}

const toEntity = (f: Facilitator): FacilitatorEntity => ({ data: JSON.stringify(f) });

function fromEntity(e: FacilitatorEntity): Facilitator {
  const f = JSON.parse(e.data) as Facilitator;
  f.addedAt = new Date(f.addedAt);
  f.updatedAt = new Date(f.updatedAt);
  return f;
}

export class TableFacilitatorRepository implements FacilitatorRepository {
  constructor(private readonly table: TableClient) {}

  async list(): Promise<Facilitator[]> {
    const rows = await listAll(this.table.listEntities<FacilitatorEntity>({ queryOptions: { filter: odata`PartitionKey eq ${PK}` } }));
    return rows.map(fromEntity);
  }

  async get(userId: string): Promise<Facilitator | null> {
    const row = await getOrNull<FacilitatorEntity>(this.table, PK, encodeKey(userId));
    return row ? fromEntity(row) : null;
  }

  create(f: Facilitator): Promise<boolean> {
    return insertIfAbsent(this.table, { partitionKey: PK, rowKey: encodeKey(f.userId), ...toEntity(f) });
  }

  async update(userId: string, change: (current: Facilitator) => Facilitator | undefined): Promise<Facilitator | null> {
    let result: Facilitator | null = null;
    await mutateEntity<FacilitatorEntity>(this.table, PK, encodeKey(userId), (current) => {
      if (!current) {
        result = null;
        return undefined;
      }
      const before = fromEntity(current);
      const next = change(before);
      result = next ?? before;
      return next ? toEntity(next) : undefined;
    });
    return result;
  }

  delete(userId: string): Promise<boolean> {
    return deleteIfPresent(this.table, PK, encodeKey(userId));
  }
}
