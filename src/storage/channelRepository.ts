// Channels: a directory of tens of rows, kept in one partition so the whole directory is one query.
// The exact member count is the membership store's (it moves in the same transaction as the
// memberships, in another table). Each channel row carries a copy of it for the directory,
// reconciled: after every membership change committed through this instance, the row is brought
// up to the count (soon, once per burst, under the row's ETag, checked again afterwards so rows
// settle on the count whichever instance changed it). A row not yet reconciled (no `counted`, as
// rows written before this version) is read with its count and reconciled (upgrade on read). So
// the directory is one query; `get` still reads the exact count. Each instance keeps the
// directory for READ_CACHE_TTL_MS.channels, with its own latest counts laid over it.
import { odata, type TableClient } from '@azure/data-tables';
import type { Channel, ChannelType } from '../domain/channels/channel.js';
import type { ChannelRepository, MemberCounts } from '../domain/channels/ports.js';
import type { Hub } from '../domain/people/hubs.js';
import type { Profession } from '../domain/people/professions.js';
import { getOrNull, insertIfAbsent, listAll, mutateEntity } from './etag.js';
import { READ_CACHE_TTL_MS } from './readCache.js';
import { TtlCache } from './ttlCache.js';
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
  /** memberCount has been reconciled with the membership store (absent on rows of the first version). */
  counted?: boolean;
}

/** A burst of membership changes to one channel brings its row up to date once, this long after the first. */
const RECONCILE_DELAY_MS = 200;

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
  private readonly directory = new TtlCache<{ channel: Channel; counted: boolean }[]>(() => READ_CACHE_TTL_MS.channels, 1);
  /** Counts this instance committed (or read exactly), with when: newer than any row read before. */
  private readonly known = new Map<string, { members: number; at: number }>();
  private readonly reconciling = new Set<string>();
  private readonly again = new Set<string>();

  constructor(
    private readonly table: TableClient,
    private readonly counts?: MemberCounts,
  ) {
    counts?.watch?.((channelId, members) => {
      this.known.set(channelId, { members, at: Date.now() });
      this.reconcile(channelId);
    });
  }

  private async withCount(channel: Channel): Promise<Channel> {
    if (!this.counts) return channel;
    const members = await this.counts.count(channel.id);
    this.known.set(channel.id, { members, at: Date.now() });
    return { ...channel, memberCount: members };
  }

  private async rows(): Promise<{ channel: Channel; counted: boolean }[]> {
    return this.directory.read('all', async () => {
      const rows = await listAll(this.table.listEntities<ChannelEntity>({ queryOptions: { filter: odata`PartitionKey eq ${PK}` } }));
      return rows.map((r) => ({ channel: toChannel(r.rowKey as string, r), counted: !!r.counted }));
    });
  }

  async list(): Promise<Channel[]> {
    const readAt = Date.now();
    const rows = await this.rows();
    const channels = await Promise.all(
      rows.map(async ({ channel, counted }) => {
        const mine = this.known.get(channel.id);
        if (mine && mine.at >= readAt - READ_CACHE_TTL_MS.channels) return { ...channel, memberCount: mine.members };
        if (counted || !this.counts) return channel;
        // A row of the first version: its count from the store, and the row upgraded.
        const exact = await this.withCount(channel);
        this.reconcile(channel.id);
        return exact;
      }),
    );
    return channels.sort((a, b) => a.name.localeCompare(b.name));
  }

  async get(id: string): Promise<Channel | null> {
    // Ids from outside (API paths, card data) must be usable as a row key before we look them up.
    // eslint-disable-next-line no-control-regex
    if (!id || id.length > 100 || /[/\\#?\u0000-\u001f]/.test(id)) return null;
    const row = await getOrNull<ChannelEntity>(this.table, PK, id);
    return row ? this.withCount(toChannel(id, row)) : null;
  }

  async create(channel: Channel): Promise<boolean> {
    this.directory.clear();
    const created = await insertIfAbsent(this.table, { partitionKey: PK, rowKey: channel.id, ...toEntity(channel) });
    this.directory.clear();
    if (created && this.counts) this.reconcile(channel.id);
    return created;
  }

  async update(id: string, change: (current: Channel) => Channel | undefined): Promise<Channel | null> {
    let result: Channel | null = null;
    this.directory.clear();
    try {
      await mutateEntity<ChannelEntity>(this.table, PK, id, (current) => {
        if (!current) {
          result = null;
          return undefined;
        }
        const before = toChannel(id, current);
        const next = change(before);
        result = next ?? before;
        // Keep the reconciled mark while the count is the one reconciled.
        return next ? { ...toEntity(next), ...(current.counted && next.memberCount === before.memberCount ? { counted: true } : {}) } : undefined;
      });
    } finally {
      this.directory.clear();
    }
    return result ? this.withCount(result) : null;
  }

  /**
   * Brings the channel row's memberCount up to the store's count, soon and once per burst: read
   * the count, write it under the row's ETag, and go round again if the count moved meanwhile.
   * Never throws (the next change or directory read tries again).
   */
  private reconcile(channelId: string): void {
    if (!this.counts) return;
    if (this.reconciling.has(channelId)) {
      this.again.add(channelId);
      return;
    }
    this.reconciling.add(channelId);
    const counts = this.counts;
    void (async () => {
      try {
        await new Promise((r) => setTimeout(r, RECONCILE_DELAY_MS));
        for (let round = 0; round < 10; round++) {
          this.again.delete(channelId);
          const members = await counts.count(channelId);
          await mutateEntity<ChannelEntity>(this.table, PK, channelId, (current) =>
            !current || (current.counted && Number(current.memberCount) === members) ? undefined : { ...stripped(current), memberCount: members, counted: true },
          );
          this.directory.clear();
          if (!this.again.has(channelId) && (await counts.count(channelId)) === members) break;
        }
      } catch {
        /* storage trouble: the next change or directory read reconciles */
      } finally {
        this.reconciling.delete(channelId);
        this.again.delete(channelId);
      }
    })();
  }
}

/** The row's own properties, without the SDK's metadata. */
function stripped(e: ChannelEntity & { etag?: string; partitionKey?: string; rowKey?: string; timestamp?: string }): ChannelEntity {
  const { etag: _e, partitionKey: _p, rowKey: _r, timestamp: _t, ...rest } = e;
  return rest;
}
