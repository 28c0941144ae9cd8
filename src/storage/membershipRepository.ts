// Channel memberships and join requests, in one table with two views:
//
//   channel view (the source of truth)   PK "c|{channelId}"
//     RK "_count"          { members, version }  — counter and partition lock
//     RK "m|{userId}"      a membership
//     RK "r|{userId}"      a join request (pending, approved or declined)
//   person view (an index)                PK "u|{userId}"
//     RK "m|{channelId}", "r|{channelId}"
//
// "Members of a channel" and "channels of a person" are each one partition query.
// A Table transaction covers one partition only, so the views cannot change together. The rule
// that keeps them consistent: the person index is always a SUPERSET of the truth.
//   - adding: write the index row first (an intent), then the channel-side transaction;
//   - removing: the channel-side transaction first, then delete the index row.
// A crash between the two steps leaves an index row without a truth row, never the reverse. Every
// read of the person view checks each index row against the channel side (point reads) and
// deletes stale rows that are older than a grace period (a fresh one may be a join in flight).
// Every channel-side change rewrites the "_count" row under its ETag, in the same transaction as
// the rows it counts, so the count is exact and concurrent writers (any instance) serialise on it.
//
// Joins are group-committed, as the event seat lines are: inside this process the joins to one
// channel queue up, and each turn of the channel's line reads the count row and the joiners' rows
// (a few queries of up to 7 people each: Azure allows 15 comparisons in a filter) and commits them
// all in one transaction with the count row (up to 99 rows). Other instances are kept out by the
// count row's ETag: a transaction that loses the race is planned again from a fresh read.
// After each commit the new count is told to `watch`ers (the channel rows carry it for the
// directory; see channelRepository.ts).
import { odata, type TableClient, type TableEntity, type TransactionAction } from '@azure/data-tables';
import type { JoinRequest, JoinRequestStatus, Membership } from '../domain/channels/membership.js';
import type { AddMemberResult, AddRequestResult, DecideRequestResult, MembershipRepository } from '../domain/channels/ports.js';
import { getOrNull, listAll, type Stored } from './etag.js';
import { encodeKey } from './keys.js';
import { isConflict, isNotFound, isPreconditionFailed } from './errors.js';
import { KeyedLock } from './keyedLock.js';
import { conflict } from '../domain/errors.js';
import { runLimited } from '../domain/async.js';

const COUNT = '_count';
const channelPk = (channelId: string) => `c|${channelId}`;
const personPk = (userId: string) => `u|${encodeKey(userId)}`;
const memberRk = (userId: string) => `m|${encodeKey(userId)}`;
const requestRk = (userId: string) => `r|${encodeKey(userId)}`;
/** How old an unmatched index row must be before a reader deletes it (a join may be in flight). */
const INDEX_GRACE_MS = 120_000;
const MAX_ATTEMPTS = 25;

interface CountEntity {
  members: number;
  version: number;
}

interface MemberEntity {
  userId: string;
  guest: boolean;
  joinedAt: Date;
  graphMemberId: string;
}

interface RequestEntity {
  userId: string;
  guest: boolean;
  requestedAt: Date;
  status: string;
  decidedAt?: Date;
  reason: string;
}

interface IndexEntity {
  channelId: string;
  writtenAt: Date;
}

const toMembership = (channelId: string, e: MemberEntity): Membership => ({
  channelId,
  userId: e.userId,
  guest: !!e.guest,
  joinedAt: new Date(e.joinedAt),
  ...(e.graphMemberId ? { graphMemberId: e.graphMemberId } : {}),
});

const toRequest = (channelId: string, e: RequestEntity): JoinRequest => ({
  channelId,
  userId: e.userId,
  guest: !!e.guest,
  requestedAt: new Date(e.requestedAt),
  status: (['pending', 'approved', 'declined'].includes(e.status) ? e.status : 'pending') as JoinRequestStatus,
  ...(e.decidedAt ? { decidedAt: new Date(e.decidedAt) } : {}),
  ...(e.reason ? { reason: e.reason } : {}),
});

const memberEntity = (m: Membership): MemberEntity => ({ userId: m.userId, guest: m.guest, joinedAt: m.joinedAt, graphMemberId: m.graphMemberId ?? '' });

const requestEntity = (r: JoinRequest): RequestEntity => ({
  userId: r.userId,
  guest: r.guest,
  requestedAt: r.requestedAt,
  status: r.status,
  ...(r.decidedAt ? { decidedAt: r.decidedAt } : {}),
  reason: r.reason ?? '',
});

/** A conflict on any row of a guarded transaction: someone else changed the partition first. */
const raced = (e: unknown) => isPreconditionFailed(e) || isConflict(e) || isNotFound(e);

function pause(attempt: number): Promise<void> {
  return new Promise((r) => setTimeout(r, Math.min(200, 5 * 2 ** Math.min(attempt, 6)) * Math.random()));
}

/** People planned together in one join transaction (each may need a member row and a request row). */
const JOIN_BATCH = 49;
/** People per state query: the count row and two rows each stay within Azure's 15 comparisons. */
const PER_QUERY = 7;

interface WaitingJoin {
  m: Membership;
  resolve(result: AddMemberResult): void;
  reject(error: unknown): void;
}

export class TableMembershipRepository implements MembershipRepository {
  private readonly lock = new KeyedLock();
  private readonly joins = new Map<string, { waiting: WaitingJoin[]; running: boolean }>();
  private readonly watchers: ((channelId: string, members: number) => void)[] = [];

  constructor(
    private readonly table: TableClient,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** `listener` hears each channel's member count after every change committed here. */
  watch(listener: (channelId: string, members: number) => void): void {
    this.watchers.push(listener);
  }

  private told(channelId: string, count: Stored<CountEntity> | null, delta: number): void {
    if (!delta && count) return;
    const members = Math.max(0, (Number(count?.members) || 0) + delta);
    for (const w of this.watchers) {
      try {
        w(channelId, members);
      } catch {
        /* a watcher's trouble is its own */
      }
    }
  }

  // ---- channel side -------------------------------------------------------------------------

  /**
   * The count row and the person's member and request rows in one request (one partition; a
   * channel has hundreds of rows at most). Measured against three parallel point reads on Azurite
   * (bench/channels.bench.ts) it doubled hot-channel joins, as the store does a third of the work.
   */
  private async readState(channelId: string, userId: string) {
    const pk = channelPk(channelId);
    const [m, r] = [memberRk(userId), requestRk(userId)];
    const rows = await listAll(this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter: odata`PartitionKey eq ${pk} and (RowKey eq ${COUNT} or RowKey eq ${m} or RowKey eq ${r})` } }));
    const find = <E extends object>(rk: string) => (rows.find((row) => row.rowKey === rk) as Stored<E> | undefined) ?? null;
    return [find<CountEntity>(COUNT), find<MemberEntity>(m), find<RequestEntity>(r)] as const;
  }

  /** The "_count" row written under its ETag (or created): the guard every transaction carries. */
  private countAction(pk: string, current: Stored<CountEntity> | null, delta: number): TransactionAction {
    const next: TableEntity<CountEntity & Record<string, unknown>> = {
      partitionKey: pk,
      rowKey: COUNT,
      members: Math.max(0, (Number(current?.members) || 0) + delta),
      version: (Number(current?.version) || 0) + 1,
    };
    return current ? ['update', next, 'Replace', { etag: current.etag }] : ['create', next];
  }

  /**
   * Reads the channel-side state for one person, lets `plan` decide the rows to write (or an
   * answer without writing), and commits them with the count row as guard. Retries on races.
   */
  private async change<T>(
    channelId: string,
    userId: string,
    plan: (state: { count: Stored<CountEntity> | null; member: Stored<MemberEntity> | null; request: Stored<RequestEntity> | null }) => { actions: TransactionAction[]; delta: number; result: T } | { result: T },
  ): Promise<T> {
    const pk = channelPk(channelId);
    return this.lock.run(pk, async () => {
      for (let attempt = 1; ; attempt++) {
        const [count, member, request] = await this.readState(channelId, userId);
        const decided = plan({ count, member, request });
        if (!('actions' in decided)) return decided.result;
        try {
          await this.table.submitTransaction([...decided.actions, this.countAction(pk, count, decided.delta)]);
          this.told(channelId, count, decided.delta);
          return decided.result;
        } catch (e) {
          if (!raced(e)) throw e;
          if (attempt >= MAX_ATTEMPTS) throw conflict('Too many people are joining this channel at once. Please try again.');
          await pause(attempt);
        }
      }
    });
  }

  async count(channelId: string): Promise<number> {
    const row = await getOrNull<CountEntity>(this.table, channelPk(channelId), COUNT);
    return Number(row?.members) || 0;
  }

  async getMember(channelId: string, userId: string): Promise<Membership | null> {
    const row = await getOrNull<MemberEntity>(this.table, channelPk(channelId), memberRk(userId));
    return row ? toMembership(channelId, row) : null;
  }

  async getRequest(channelId: string, userId: string): Promise<JoinRequest | null> {
    const row = await getOrNull<RequestEntity>(this.table, channelPk(channelId), requestRk(userId));
    return row ? toRequest(channelId, row) : null;
  }

  async addMember(m: Membership): Promise<AddMemberResult> {
    await this.writeIndex(m.userId, `m|${m.channelId}`, m.channelId);
    return new Promise<AddMemberResult>((resolve, reject) => {
      let line = this.joins.get(m.channelId);
      if (!line) {
        line = { waiting: [], running: false };
        this.joins.set(m.channelId, line);
      }
      line.waiting.push({ m, resolve, reject });
      if (!line.running) void this.drainJoins(m.channelId, line);
    });
  }

  private async drainJoins(channelId: string, line: { waiting: WaitingJoin[]; running: boolean }): Promise<void> {
    line.running = true;
    try {
      while (line.waiting.length) {
        // One person once per batch (a second join of theirs waits for the next and finds them a member).
        const batch: WaitingJoin[] = [];
        const people = new Set<string>();
        for (const w of line.waiting) {
          if (batch.length >= JOIN_BATCH) break;
          if (people.has(w.m.userId)) continue;
          people.add(w.m.userId);
          batch.push(w);
        }
        line.waiting = line.waiting.filter((w) => !batch.includes(w));
        try {
          const results = await this.lock.run(channelPk(channelId), () => this.commitJoins(channelId, batch.map((w) => w.m)));
          batch.forEach((w, i) => w.resolve(results[i]));
        } catch (e) {
          batch.forEach((w) => w.reject(e));
        }
      }
    } finally {
      line.running = false;
      if (!line.waiting.length && this.joins.get(channelId) === line) this.joins.delete(channelId);
    }
  }

  /** The count row and these people's member and request rows, a few queries in parallel. */
  private async readJoinState(channelId: string, userIds: string[]) {
    const pk = channelPk(channelId);
    const chunks: string[][] = [];
    for (let i = 0; i < userIds.length; i += PER_QUERY) chunks.push(userIds.slice(i, i + PER_QUERY));
    const rows = (
      await Promise.all(
        chunks.map((chunk, i) => {
          const keys = [...(i === 0 ? [COUNT] : []), ...chunk.flatMap((u) => [memberRk(u), requestRk(u)])];
          const filter = `${odata`PartitionKey eq ${pk}`} and (${keys.map((k) => odata`RowKey eq ${k}`).join(' or ')})`;
          return listAll(this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter } }));
        }),
      )
    ).flat();
    const find = <E extends object>(rk: string) => (rows.find((row) => row.rowKey === rk) as Stored<E> | undefined) ?? null;
    return { count: find<CountEntity>(COUNT), member: (u: string) => find<MemberEntity>(memberRk(u)), request: (u: string) => find<RequestEntity>(requestRk(u)) };
  }

  /** Plans and commits one batch of joins (one transaction with the count row); retries on races. */
  private async commitJoins(channelId: string, joins: Membership[]): Promise<AddMemberResult[]> {
    const pk = channelPk(channelId);
    let state: Awaited<ReturnType<TableMembershipRepository['readJoinState']>> | undefined;
    for (let attempt = 1; ; attempt++) {
      state ??= await this.readJoinState(channelId, joins.map((m) => m.userId));
      const actions: TransactionAction[] = [];
      const results: AddMemberResult[] = [];
      let added = 0;
      for (const m of joins) {
        const member = state.member(m.userId);
        if (member) {
          results.push({ status: 'already-member', membership: toMembership(channelId, member) });
          continue;
        }
        actions.push(['create', { partitionKey: pk, rowKey: memberRk(m.userId), ...memberEntity(m) }]);
        // Joining settles a pending request (e.g. the channel stopped needing approval).
        const request = state.request(m.userId);
        if (request && request.status === 'pending') {
          const settled = { ...toRequest(channelId, request), status: 'approved' as const, decidedAt: m.joinedAt };
          actions.push(['update', { partitionKey: pk, rowKey: requestRk(m.userId), ...requestEntity(settled) }, 'Replace', { etag: request.etag }]);
        }
        results.push({ status: 'joined', membership: m });
        added++;
      }
      if (!added) return results;
      try {
        await this.table.submitTransaction([...actions, this.countAction(pk, state.count, added)]);
        this.told(channelId, state.count, added);
        return results;
      } catch (e) {
        if (!raced(e)) throw e;
        if (attempt >= MAX_ATTEMPTS) throw conflict('Too many people are joining this channel at once. Please try again.');
        await pause(attempt);
        // Usually another instance's joins moved only the count row: read just that, once; if
        // the next try fails too (or a row of ours changed: 409), read everything again.
        state = isPreconditionFailed(e) && attempt % 2 === 1 ? { ...state, count: await getOrNull<CountEntity>(this.table, pk, COUNT) } : undefined;
      }
    }
  }

  async removeMember(channelId: string, userId: string): Promise<{ removed: Membership | null; withdrawn: JoinRequest | null }> {
    const pk = channelPk(channelId);
    const result = await this.change(channelId, userId, ({ member, request }) => {
      const pending = request && request.status === 'pending' ? request : null;
      if (!member && !pending) return { result: { removed: null, withdrawn: null } };
      const actions: TransactionAction[] = [];
      if (member) actions.push(['delete', { partitionKey: pk, rowKey: memberRk(userId) }]);
      if (pending) actions.push(['delete', { partitionKey: pk, rowKey: requestRk(userId) }]);
      return {
        actions,
        delta: member ? -1 : 0,
        result: { removed: member ? toMembership(channelId, member) : null, withdrawn: pending ? toRequest(channelId, pending) : null },
      };
    });
    // Truth first, then the index (see the top of this file).
    await Promise.all([this.deleteIndex(userId, `m|${channelId}`), result.withdrawn ? this.deleteIndex(userId, `r|${channelId}`) : undefined]);
    return result;
  }

  async addRequest(r: { channelId: string; userId: string; guest: boolean; requestedAt: Date }): Promise<AddRequestResult> {
    await this.writeIndex(r.userId, `r|${r.channelId}`, r.channelId);
    const pk = channelPk(r.channelId);
    return this.change<AddRequestResult>(r.channelId, r.userId, ({ member, request }) => {
      if (member) return { result: { status: 'already-member' } };
      if (request && request.status === 'pending') return { result: { status: 'already-requested', request: toRequest(r.channelId, request) } };
      const fresh: JoinRequest = { ...r, status: 'pending' };
      const entity = { partitionKey: pk, rowKey: requestRk(r.userId), ...requestEntity(fresh) };
      // A decided request is replaced by the new one (someone declined may ask again).
      const action: TransactionAction = request ? ['update', entity, 'Replace', { etag: request.etag }] : ['create', entity];
      return { actions: [action], delta: 0, result: { status: 'requested', request: fresh } };
    });
  }

  async decideRequest(channelId: string, userId: string, d: { approve: boolean; at: Date; reason?: string; graphMemberId?: string }): Promise<DecideRequestResult> {
    if (d.approve) await this.writeIndex(userId, `m|${channelId}`, channelId);
    const pk = channelPk(channelId);
    return this.change<DecideRequestResult>(channelId, userId, ({ member, request }) => {
      if (!request) return { result: { status: 'no-request' } };
      const current = toRequest(channelId, request);
      if (current.status !== 'pending') return { result: { status: 'already-decided', request: current } };
      const decided: JoinRequest = { ...current, status: d.approve ? 'approved' : 'declined', decidedAt: d.at, ...(d.reason ? { reason: d.reason } : {}) };
      const actions: TransactionAction[] = [['update', { partitionKey: pk, rowKey: requestRk(userId), ...requestEntity(decided) }, 'Replace', { etag: request.etag }]];
      if (!d.approve) return { actions, delta: 0, result: { status: 'declined', request: decided } };
      const membership: Membership = member
        ? toMembership(channelId, member)
        : { channelId, userId, guest: current.guest, joinedAt: d.at, ...(d.graphMemberId ? { graphMemberId: d.graphMemberId } : {}) };
      if (!member) actions.push(['create', { partitionKey: pk, rowKey: memberRk(userId), ...memberEntity(membership) }]);
      return { actions, delta: member ? 0 : 1, result: { status: 'approved', membership, request: decided } };
    });
  }

  async membersOf(channelId: string): Promise<Membership[]> {
    const pk = channelPk(channelId);
    const rows = await listAll(this.table.listEntities<MemberEntity>({ queryOptions: { filter: odata`PartitionKey eq ${pk} and RowKey ge ${'m|'} and RowKey lt ${'m}'}` } }));
    return rows.map((r) => toMembership(channelId, r)).sort((a, b) => a.joinedAt.getTime() - b.joinedAt.getTime());
  }

  async pendingRequestsOf(channelId: string): Promise<JoinRequest[]> {
    const pk = channelPk(channelId);
    const rows = await listAll(this.table.listEntities<RequestEntity>({ queryOptions: { filter: odata`PartitionKey eq ${pk} and RowKey ge ${'r|'} and RowKey lt ${'r}'}` } }));
    return rows.map((r) => toRequest(channelId, r)).filter((r) => r.status === 'pending').sort((a, b) => a.requestedAt.getTime() - b.requestedAt.getTime());
  }

  // ---- person side (index) ------------------------------------------------------------------

  private async writeIndex(userId: string, rowKey: string, channelId: string): Promise<void> {
    await this.table.upsertEntity<IndexEntity>({ partitionKey: personPk(userId), rowKey, channelId, writtenAt: this.now() }, 'Replace');
  }

  private async deleteIndex(userId: string, rowKey: string): Promise<void> {
    try {
      await this.table.deleteEntity(personPk(userId), rowKey);
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }

  private async indexRows(userId: string, kind: 'm' | 'r'): Promise<Stored<IndexEntity>[]> {
    const pk = personPk(userId);
    return listAll(this.table.listEntities<IndexEntity>({ queryOptions: { filter: odata`PartitionKey eq ${pk} and RowKey ge ${kind + '|'} and RowKey lt ${kind + '}'}` } }));
  }

  /** Deletes an index row that has no truth behind it, if it is old enough and unchanged. */
  private async repair(userId: string, row: Stored<IndexEntity>): Promise<void> {
    const written = new Date(row.writtenAt).getTime();
    if (!(this.now().getTime() - written > INDEX_GRACE_MS)) return;
    try {
      await this.table.deleteEntity(personPk(userId), row.rowKey as string, { etag: row.etag });
    } catch (e) {
      if (!raced(e)) throw e;
    }
  }

  async channelsOf(userId: string): Promise<Membership[]> {
    const rows = await this.indexRows(userId, 'm');
    const checked = await Promise.all(
      rows.map(async (row) => {
        const truth = await this.getMember(row.channelId, userId);
        if (!truth) await this.repair(userId, row);
        return truth;
      }),
    );
    return checked.filter((m): m is Membership => m !== null);
  }

  async requestsOf(userId: string): Promise<JoinRequest[]> {
    const rows = await this.indexRows(userId, 'r');
    const checked = await Promise.all(
      rows.map(async (row) => {
        const truth = await this.getRequest(row.channelId, userId);
        if (!truth) await this.repair(userId, row);
        return truth;
      }),
    );
    return checked.filter((r): r is JoinRequest => r !== null);
  }

  /** Removes every membership and request of a person ("forget me"), counts kept right. */
  async forget(userId: string): Promise<void> {
    const rows = [...(await this.indexRows(userId, 'm')), ...(await this.indexRows(userId, 'r'))];
    const channelIds = [...new Set(rows.map((r) => r.channelId))];
    for (const channelId of channelIds) {
      await this.removeMember(channelId, userId);
      // Decided requests are history about the person: remove them too (the count row still guards).
      await this.change(channelId, userId, ({ request }) =>
        request ? { actions: [['delete', { partitionKey: channelPk(channelId), rowKey: requestRk(userId) }] as TransactionAction], delta: 0, result: undefined } : { result: undefined },
      );
    }
    await Promise.all(rows.map((r) => this.deleteIndex(userId, r.rowKey as string)));
  }

  async importMembers(channelId: string, members: Membership[]): Promise<number> {
    const pk = channelPk(channelId);
    // Index first (the superset rule), then the channel side in transactions of up to 99 rows + count.
    await runLimited(members, 16, (m) => this.writeIndex(m.userId, `m|${channelId}`, channelId));
    return this.lock.run(pk, async () => {
      let added = 0;
      for (let attempt = 1; ; attempt++) {
        const existing = new Set((await this.membersOf(channelId)).map((m) => m.userId));
        const todo = members.filter((m) => !existing.has(m.userId));
        if (todo.length === 0) return added;
        const batch = todo.slice(0, 99);
        const count = await getOrNull<CountEntity>(this.table, pk, COUNT);
        try {
          await this.table.submitTransaction([
            ...batch.map((m): TransactionAction => ['create', { partitionKey: pk, rowKey: memberRk(m.userId), ...memberEntity(m) }]),
            this.countAction(pk, count, batch.length),
          ]);
          this.told(channelId, count, batch.length);
          added += batch.length;
        } catch (e) {
          if (!raced(e) || attempt >= MAX_ATTEMPTS) throw e;
          await pause(attempt);
        }
      }
    });
  }
}
