// Granted roles: PartitionKey = role, RowKey = userId. "Who are the coordinators" is one partition
// read. Roles are read on every request and change rarely, and the whole table is small (the
// people holding a role: tens here, thousands nationally), so each instance keeps a copy of it for
// READ_CACHE_TTL_MS.roles: "what roles has this person" is then a memory lookup for anyone, new
// people included. A change made through this instance is in its copy at once; one made through
// another instance is seen here within the TTL (a revoked role may work that long).
import type { TableClient } from '@azure/data-tables';
import type { RoleRepository } from '../domain/ports.js';
import { GRANTED_ROLES, type GrantedRole, type RoleGrant } from '../domain/people/person.js';
import { HUBS, type Hub } from '../domain/people/hubs.js';
import { deleteIfPresent, getOrNull, listAll } from './etag.js';
import { odata } from '@azure/data-tables';
import { READ_CACHE_TTL_MS } from './readCache.js';

interface RoleEntity {
  hubs: string;
}

const parseHubs = (json: string): Hub[] => {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((h): h is Hub => (HUBS as readonly string[]).includes(h)) : [];
  } catch {
    return [];
  }
};

/** Holders of each role, by person. */
type Snapshot = Map<GrantedRole, Map<string, Hub[]>>;

export class TableRoleRepository implements RoleRepository {
  private copy?: { holders: Snapshot; at: number };
  private loading?: Promise<Snapshot>;
  /** Bumped by every write here, so a read that began before it never lands as the copy. */
  private generation = 0;

  constructor(private readonly table: TableClient) {}

  private async snapshot(): Promise<Snapshot | null> {
    const ttl = READ_CACHE_TTL_MS.roles;
    if (ttl <= 0) return null;
    if (this.copy && Date.now() - this.copy.at < ttl) return this.copy.holders;
    if (!this.loading) {
      const loading = this.load().finally(() => {
        if (this.loading === loading) this.loading = undefined;
      });
      this.loading = loading;
    }
    return this.loading;
  }

  private async load(): Promise<Snapshot> {
    const generation = this.generation;
    const startedAt = Date.now();
    const parts = await Promise.all(GRANTED_ROLES.map((role) => listAll(this.table.listEntities<RoleEntity>({ queryOptions: { filter: odata`PartitionKey eq ${role}` } }), 100_000)));
    const holders: Snapshot = new Map(GRANTED_ROLES.map((role, i) => [role, new Map(parts[i].map((r) => [r.rowKey as string, parseHubs(r.hubs)]))]));
    if (generation === this.generation) this.copy = { holders, at: startedAt };
    return holders;
  }

  async list(userId: string): Promise<RoleGrant[]> {
    const holders = await this.snapshot();
    if (holders) {
      const grants: RoleGrant[] = [];
      for (const role of GRANTED_ROLES) {
        const hubs = holders.get(role)?.get(userId);
        if (hubs) grants.push({ role, hubs: [...hubs] });
      }
      return grants;
    }
    const rows = await Promise.all(GRANTED_ROLES.map((role) => getOrNull<RoleEntity>(this.table, role, userId)));
    const grants: RoleGrant[] = [];
    rows.forEach((row, i) => {
      if (row) grants.push({ role: GRANTED_ROLES[i], hubs: parseHubs(row.hubs) });
    });
    return grants;
  }

  async set(userId: string, grants: RoleGrant[]): Promise<void> {
    this.generation++;
    try {
      await Promise.all(
        GRANTED_ROLES.map(async (role) => {
          const grant = grants.find((g) => g.role === role);
          if (grant && grant.hubs.length > 0) {
            await this.table.upsertEntity({ partitionKey: role, rowKey: userId, hubs: JSON.stringify([...new Set(grant.hubs)]) }, 'Replace');
          } else {
            await deleteIfPresent(this.table, role, userId);
          }
        }),
      );
    } finally {
      // Whatever happened, read the table afresh next time (a failed write may have half landed).
      this.generation++;
      this.copy = undefined;
      this.loading = undefined; // a read already under way may predate this change
    }
  }

  async listHolders(role: GrantedRole): Promise<{ userId: string; hubs: Hub[] }[]> {
    const holders = await this.snapshot();
    if (holders) return [...(holders.get(role) ?? new Map<string, Hub[]>())].map(([userId, hubs]) => ({ userId, hubs: [...hubs] }));
    const rows = await listAll(this.table.listEntities<RoleEntity>({ queryOptions: { filter: odata`PartitionKey eq ${role}` } }));
    return rows.map((r) => ({ userId: r.rowKey as string, hubs: parseHubs(r.hubs) }));
  }
}
