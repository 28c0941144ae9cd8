// Granted roles: PartitionKey = role, RowKey = userId. "Who are the coordinators" is one partition
// read; "what roles has this person" is two point reads (there are two roles).
import type { TableClient } from '@azure/data-tables';
import type { RoleRepository } from '../domain/ports.js';
import { GRANTED_ROLES, type GrantedRole, type RoleGrant } from '../domain/people/person.js';
import { HUBS, type Hub } from '../domain/people/hubs.js';
import { deleteIfPresent, getOrNull, listAll } from './etag.js';
import { odata } from '@azure/data-tables';

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

export class TableRoleRepository implements RoleRepository {
  constructor(private readonly table: TableClient) {}

  async list(userId: string): Promise<RoleGrant[]> {
    const rows = await Promise.all(GRANTED_ROLES.map((role) => getOrNull<RoleEntity>(this.table, role, userId)));
    const grants: RoleGrant[] = [];
    rows.forEach((row, i) => {
      if (row) grants.push({ role: GRANTED_ROLES[i], hubs: parseHubs(row.hubs) });
    });
    return grants;
  }

  async set(userId: string, grants: RoleGrant[]): Promise<void> {
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
  }

  async listHolders(role: GrantedRole): Promise<{ userId: string; hubs: Hub[] }[]> {
    const rows = await listAll(this.table.listEntities<RoleEntity>({ queryOptions: { filter: odata`PartitionKey eq ${role}` } }));
    return rows.map((r) => ({ userId: r.rowKey as string, hubs: parseHubs(r.hubs) }));
  }
}
