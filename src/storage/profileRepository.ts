// Profiles: one row per person (PartitionKey = userId), so reads and erasure are point operations.
// Read on many card actions (warnings, details for leads): each instance keeps what it read for
// READ_CACHE_TTL_MS.profiles, and what it wrote or erased at once.
import type { TableClient } from '@azure/data-tables';
import type { ProfileRecord, ProfileRepository } from '../domain/ports.js';
import type { Hub } from '../domain/people/hubs.js';
import type { Profession } from '../domain/people/professions.js';
import { deleteIfPresent, getOrNull } from './etag.js';
import { READ_CACHE_TTL_MS } from './readCache.js';
import { TtlCache } from './ttlCache.js';

interface ProfileEntity {
  name: string;
  profession: string;
  hub: string;
  pcn: string;
  organisation: string;
  guest: boolean;
  tenantId?: string;
  updatedAt: Date;
}

const ROW = 'profile';

export class TableProfileRepository implements ProfileRepository {
  private readonly cache = new TtlCache<ProfileRecord | null>(() => READ_CACHE_TTL_MS.profiles);

  constructor(private readonly table: TableClient) {}

  async get(userId: string): Promise<ProfileRecord | null> {
    const record = await this.cache.read(userId, () => this.read(userId));
    return record && { ...record };
  }

  private async read(userId: string): Promise<ProfileRecord | null> {
    const e = await getOrNull<ProfileEntity>(this.table, userId, ROW);
    if (!e) return null;
    return {
      userId,
      name: e.name,
      profession: e.profession as Profession,
      hub: e.hub as Hub,
      pcn: e.pcn,
      organisation: e.organisation,
      guest: e.guest,
      tenantId: e.tenantId || undefined,
      updatedAt: new Date(e.updatedAt),
    };
  }

  async save(record: ProfileRecord): Promise<void> {
    const entity: ProfileEntity = {
      name: record.name,
      profession: record.profession,
      hub: record.hub,
      pcn: record.pcn,
      organisation: record.organisation,
      guest: record.guest,
      tenantId: record.tenantId ?? '',
      updatedAt: record.updatedAt,
    };
    // Last write wins: a profile belongs to one person, edited from one card or page at a time.
    this.cache.delete(record.userId);
    await this.table.upsertEntity({ partitionKey: record.userId, rowKey: ROW, ...entity }, 'Replace');
    this.cache.set(record.userId, { ...record, tenantId: record.tenantId || undefined });
  }

  async delete(userId: string): Promise<void> {
    this.cache.delete(userId);
    try {
      await deleteIfPresent(this.table, userId, ROW);
    } finally {
      this.cache.delete(userId);
    }
  }
}
