// Channels: a directory of tens of rows, kept in one partition so the whole directory is one query.
// The member count is kept by the membership store (it moves in the same transaction as the
// memberships); the row's own memberCount is only a fallback for stores without one.
import { odata, type TableClient } from '@azure/data-tables';
import type { Channel, ChannelType } from '../domain/channels/channel.js';
import type { ChannelRepository, MemberCounts } from '../domain/channels/ports.js';
import type { Hub } from '../domain/people/hubs.js';
import type { Profession } from '../domain/people/professions.js';
import { getOrNull, insertIfAbsent, listAll, mutateEntity } from './etag.js';
import { parseStringList } from './values.js';

const PK = 'channel';

interface ChannelEntity {
  name: string;
  shortName: string;
  purpose: string;
  guidelines: string;
  hub: string;
  professions: string;
  leadIds: string;
  memberCount: number;
  approvalRequired: boolean;
  channelType: string;
  teamId: string;
  teamsChannelId: string;
}

export function toChannel(id: string, e: ChannelEntity): Channel {
  return {
    id,
    name: e.name,
    shortName: e.shortName,
    purpose: e.purpose,
    guidelines: e.guidelines,
    hub: e.hub as Hub,
    professions: parseStringList(e.professions) as Profession[],
    leadIds: parseStringList(e.leadIds),
    memberCount: Number(e.memberCount) || 0,
    approvalRequired: !!e.approvalRequired,
    channelType: (e.channelType as ChannelType) || 'standard',
    teamId: e.teamId || undefined,
    teamsChannelId: e.teamsChannelId || undefined,
  };
}

export function toEntity(c: Channel): ChannelEntity {
  return {
    name: c.name,
    shortName: c.shortName,
    purpose: c.purpose,
    guidelines: c.guidelines,
    hub: c.hub,
    professions: JSON.stringify(c.professions),
    leadIds: JSON.stringify(c.leadIds),
    memberCount: c.memberCount,
    approvalRequired: c.approvalRequired,
    channelType: c.channelType,
    teamId: c.teamId ?? '',
    teamsChannelId: c.teamsChannelId ?? '',
  };
}

export class TableChannelRepository implements ChannelRepository {
  constructor(
    private readonly table: TableClient,
    private readonly counts?: MemberCounts,
  ) {}

  private async withCount(channel: Channel): Promise<Channel> {
    return this.counts ? { ...channel, memberCount: await this.counts.count(channel.id) } : channel;
  }

  async list(): Promise<Channel[]> {
    const rows = await listAll(this.table.listEntities<ChannelEntity>({ queryOptions: { filter: odata`PartitionKey eq ${PK}` } }));
    const channels = await Promise.all(rows.map((r) => this.withCount(toChannel(r.rowKey as string, r))));
    return channels.sort((a, b) => a.name.localeCompare(b.name));
  }

  async get(id: string): Promise<Channel | null> {
    // Ids from outside (API paths, card data) must be usable as a row key before we look them up.
    // eslint-disable-next-line no-control-regex
    if (!id || id.length > 100 || /[/\\#?\u0000-\u001f]/.test(id)) return null;
    const row = await getOrNull<ChannelEntity>(this.table, PK, id);
    return row ? this.withCount(toChannel(id, row)) : null;
  }

  create(channel: Channel): Promise<boolean> {
    return insertIfAbsent(this.table, { partitionKey: PK, rowKey: channel.id, ...toEntity(channel) });
  }

  async update(id: string, change: (current: Channel) => Channel | undefined): Promise<Channel | null> {
    let result: Channel | null = null;
    await mutateEntity<ChannelEntity>(this.table, PK, id, (current) => {
      if (!current) {
        result = null;
        return undefined;
      }
      const before = toChannel(id, current);
      const next = change(before);
      result = next ?? before;
      return next ? toEntity(next) : undefined;
    });
    return result ? this.withCount(result) : null;
  }
}
