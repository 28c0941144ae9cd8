// Channel proposals: tens of rows, one partition, so "pending proposals" is one partition query.
// Decisions go through the row's ETag (first decision wins).
import { odata, type TableClient } from '@azure/data-tables';
import type { ChannelProposal, ProposalStatus } from '../domain/channels/proposal.js';
import type { ProposalRepository } from '../domain/channels/ports.js';
import type { ChannelType } from '../domain/channels/channel.js';
import type { Hub } from '../domain/people/hubs.js';
import type { Profession } from '../domain/people/professions.js';
import { getOrNull, listAll, mutateEntity } from './etag.js';
import { parseStringList } from './values.js';

const PK = 'proposal';

interface ProposalEntity {
  name: string;
  purpose: string;
  hub: string;
  professions: string;
  proposerId: string;
  proposedLeadIds: string;
  channelType: string;
  status: string;
  reason: string;
  decidedBy: string;
  decidedAt?: Date;
  createdAt: Date;
  channelId: string;
  claimToken: string;
  claimedAt?: Date;
}

function toProposal(id: string, e: ProposalEntity): ChannelProposal {
  return {
    id,
    name: e.name,
    purpose: e.purpose,
    hub: e.hub as Hub,
    professions: parseStringList(e.professions) as Profession[],
    proposerId: e.proposerId,
    proposedLeadIds: parseStringList(e.proposedLeadIds),
    channelType: (e.channelType as ChannelType) || 'standard',
    status: (e.status as ProposalStatus) || 'pending',
    ...(e.reason ? { reason: e.reason } : {}),
    ...(e.decidedBy ? { decidedBy: e.decidedBy } : {}),
    ...(e.decidedAt ? { decidedAt: new Date(e.decidedAt) } : {}),
    createdAt: new Date(e.createdAt),
    ...(e.channelId ? { channelId: e.channelId } : {}),
    ...(e.claimToken && e.claimedAt ? { claim: { token: e.claimToken, at: new Date(e.claimedAt) } } : {}),
  };
}

function toEntity(p: ChannelProposal): ProposalEntity {
  return {
    name: p.name,
    purpose: p.purpose,
    hub: p.hub,
    professions: JSON.stringify(p.professions),
    proposerId: p.proposerId,
    proposedLeadIds: JSON.stringify(p.proposedLeadIds),
    channelType: p.channelType,
    status: p.status,
    reason: p.reason ?? '',
    decidedBy: p.decidedBy ?? '',
    ...(p.decidedAt ? { decidedAt: p.decidedAt } : {}),
    createdAt: p.createdAt,
    channelId: p.channelId ?? '',
    claimToken: p.claim?.token ?? '',
    ...(p.claim ? { claimedAt: p.claim.at } : {}),
  };
}

export class TableProposalRepository implements ProposalRepository {
  constructor(private readonly table: TableClient) {}

  async create(p: ChannelProposal): Promise<void> {
    await this.table.createEntity({ partitionKey: PK, rowKey: p.id, ...toEntity(p) });
  }

  async get(id: string): Promise<ChannelProposal | null> {
    const row = await getOrNull<ProposalEntity>(this.table, PK, id);
    return row ? toProposal(id, row) : null;
  }

  async list(status?: ProposalStatus): Promise<ChannelProposal[]> {
    const filter = status ? odata`PartitionKey eq ${PK} and status eq ${status}` : odata`PartitionKey eq ${PK}`;
    const rows = await listAll(this.table.listEntities<ProposalEntity>({ queryOptions: { filter } }));
    return rows.map((r) => toProposal(r.rowKey as string, r)).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  }

  async update(id: string, change: (current: ChannelProposal) => ChannelProposal | undefined): Promise<{ before: ChannelProposal; after: ChannelProposal } | null> {
    let outcome = null as { before: ChannelProposal; after: ChannelProposal } | null;
    await mutateEntity<ProposalEntity>(this.table, PK, id, (current) => {
      if (!current) {
        outcome = null;
        return undefined;
      }
      const before = toProposal(id, current);
      const next = change(before);
      outcome = { before, after: next ?? before };
      return next ? toEntity(next) : undefined;
    });
    return outcome;
  }

  async involving(userId: string): Promise<ChannelProposal[]> {
    // A partition of tens of rows: filtered in memory (leads are a JSON list).
    return (await this.list()).filter((p) => p.proposerId === userId || p.decidedBy === userId || p.proposedLeadIds.includes(userId));
  }

  async replace(p: ChannelProposal): Promise<void> {
    await this.table.upsertEntity({ partitionKey: PK, rowKey: p.id, ...toEntity(p) }, 'Replace');
  }
}
