// Facilitation requests on Azure Tables. Everything lives in one partition — a few hundred
// requests a year across the three hubs — so each change of a request and of every index row that
// follows from it is one entity-group transaction, guarded by the request row's ETag:
//
//   request:{id}                 the request (JSON)                         ← ETag guard
//   open:{id}                    while matching / offered / escalated       (sweep, dashboard)
//   lead:{leadId}:{id}           the lead's requests                        ("my requests")
//   hist:{userId}:{id}           anyone ever offered or assigned it         ("my offers", export, erase)
//   sess:{startMs}:{id}          confirmed sessions by start time           (matching load, dashboard)
//   slot:{channelId}:{startMs}   one live request per channel and start     (double submits)
//   ics:{token}                  calendar link → request and person
//
// The index rows are a pure function of the request (indexRows), so a change writes exactly the
// difference between the rows of the old and the new version.
import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import type { FacilitationStore, OpenRequestEntry, SessionEntry, StoredRequest } from '../domain/facilitation/ports.js';
import { isOpen, openOffer, type FacilitationRequest } from '../domain/facilitation/request.js';
import { getOrNull, listAll } from './etag.js';
import { encodeKey, padNumber } from './keys.js';
import { isConflict, isPreconditionFailed, statusOf } from './errors.js';

const PK = 'facilitation';

type Row = Record<string, string | number | boolean | Date>;

const ms = (d: Date) => padNumber(d.getTime(), 15);

/** The index rows a request implies, by row key. */
export function indexRows(r: FacilitationRequest): Map<string, Row> {
  const rows = new Map<string, Row>();
  if (isOpen(r.status)) {
    const offer = openOffer(r);
    rows.set(`open:${r.id}`, { status: r.status, start: r.start, expiresAt: offer ? offer.expiresAt.toISOString() : '' });
  }
  if (r.leadId) rows.set(`lead:${encodeKey(r.leadId)}:${r.id}`, { requestId: r.id });
  for (const userId of new Set(r.offers.map((o) => o.facilitatorId).filter(Boolean))) rows.set(`hist:${encodeKey(userId)}:${r.id}`, { requestId: r.id });
  if (r.status === 'confirmed') {
    rows.set(`sess:${ms(r.start)}:${r.id}`, {
      requestId: r.id,
      facilitatorId: r.facilitatorId ?? '',
      channelId: r.channelId,
      hub: r.hub,
      start: r.start,
      end: r.end,
      createdAt: r.createdAt,
      confirmedAt: r.confirmedAt ?? r.updatedAt,
    });
  }
  if (r.status !== 'cancelled') rows.set(slotKey(r.channelId, r.start), { requestId: r.id });
  for (const { userId, token } of r.calendarTokens) rows.set(`ics:${token}`, { requestId: r.id, userId });
  return rows;
}

const slotKey = (channelId: string, start: Date) => `slot:${encodeKey(channelId)}:${ms(start)}`;

const sameRow = (a: Row, b: Row) => {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => {
    const x = a[k];
    const y = b[k];
    return x instanceof Date && y instanceof Date ? x.getTime() === y.getTime() : x === y;
  });
};

// ——— JSON of a request (dates as ISO strings) ———

const DATE_FIELDS = ['start', 'end', 'createdAt', 'updatedAt', 'confirmedAt', 'cancelledAt'] as const;
const OFFER_DATE_FIELDS = ['offeredAt', 'expiresAt', 'decidedAt'] as const;

export function requestToJson(r: FacilitationRequest): string {
  return JSON.stringify(r);
}

export function requestFromJson(json: string): FacilitationRequest {
  const raw = JSON.parse(json) as Record<string, unknown>;
  for (const f of DATE_FIELDS) if (typeof raw[f] === 'string') raw[f] = new Date(raw[f] as string);
  const offers = (raw.offers as Record<string, unknown>[] | undefined) ?? [];
  for (const o of offers) for (const f of OFFER_DATE_FIELDS) if (typeof o[f] === 'string') o[f] = new Date(o[f] as string);
  const r = raw as unknown as FacilitationRequest;
  r.offers = offers as unknown as FacilitationRequest['offers'];
  r.candidates ??= [];
  r.excluded ??= [];
  r.noMatchReasons ??= [];
  r.calendarTokens ??= [];
  return r;
}

interface RequestEntity {
  data: string;
  status: string;
}

export class TableFacilitationStore implements FacilitationStore {
  constructor(private readonly table: TableClient) {}

  async get(id: string): Promise<StoredRequest | null> {
    if (!/^[\w-]{1,64}$/.test(id)) return null;
    const row = await getOrNull<RequestEntity>(this.table, PK, `request:${id}`);
    if (!row || !row.etag) return null;
    return { request: requestFromJson(row.data), etag: row.etag };
  }

  async create(request: FacilitationRequest): Promise<'created' | { duplicateOf: string }> {
    const actions: TransactionAction[] = [['create', { partitionKey: PK, rowKey: `request:${request.id}`, data: requestToJson(request), status: request.status }]];
    for (const [rowKey, row] of indexRows(request)) {
      actions.push(rowKey.startsWith('slot:') ? ['create', { partitionKey: PK, rowKey, ...row }] : ['upsert', { partitionKey: PK, rowKey, ...row }, 'Replace']);
    }
    try {
      await this.table.submitTransaction(actions);
      return 'created';
    } catch (e) {
      if (!isConflict(e)) throw e;
      const slot = await getOrNull<{ requestId: string }>(this.table, PK, slotKey(request.channelId, request.start));
      if (slot) return { duplicateOf: slot.requestId };
      throw e;
    }
  }

  async replace(previous: StoredRequest, next: FacilitationRequest): Promise<boolean> {
    const before = indexRows(previous.request);
    const after = indexRows(next);
    const actions: TransactionAction[] = [
      ['update', { partitionKey: PK, rowKey: `request:${next.id}`, data: requestToJson(next), status: next.status }, 'Replace', { etag: previous.etag }],
    ];
    for (const [rowKey, row] of after) {
      const old = before.get(rowKey);
      if (!old || !sameRow(old, row)) actions.push(['upsert', { partitionKey: PK, rowKey, ...row }, 'Replace']);
    }
    for (const rowKey of before.keys()) if (!after.has(rowKey)) actions.push(['delete', { partitionKey: PK, rowKey }]);
    try {
      await this.table.submitTransaction(actions);
      return true;
    } catch (e) {
      // 412: someone changed the request since it was read. (A 404 on the request row means it was
      // never there to replace — also "changed".)
      if (isPreconditionFailed(e) || (statusOf(e) === 404 && actions.length === 1)) return false;
      throw e;
    }
  }

  private range<E extends object>(prefix: string) {
    // Every prefix ends with ':'; ';' is the next character, so the range is exactly the prefix.
    const end = prefix.slice(0, -1) + ';';
    return listAll(this.table.listEntities<E>({ queryOptions: { filter: odata`PartitionKey eq ${PK} and RowKey ge ${prefix} and RowKey lt ${end}` } }));
  }

  async openRequests(): Promise<OpenRequestEntry[]> {
    const rows = await this.range<{ status: string; start: Date; expiresAt: string }>('open:');
    return rows.map((r) => ({
      requestId: (r.rowKey as string).slice('open:'.length),
      status: r.status as OpenRequestEntry['status'],
      start: new Date(r.start),
      expiresAt: r.expiresAt ? new Date(r.expiresAt) : undefined,
    }));
  }

  async requestIdsLedBy(leadId: string): Promise<string[]> {
    return (await this.range<{ requestId: string }>(`lead:${encodeKey(leadId)}:`)).map((r) => r.requestId);
  }

  async requestIdsOfferedTo(userId: string): Promise<string[]> {
    return (await this.range<{ requestId: string }>(`hist:${encodeKey(userId)}:`)).map((r) => r.requestId);
  }

  async sessionsFrom(from: Date): Promise<SessionEntry[]> {
    const start = `sess:${ms(from)}`;
    const rows = await listAll(
      this.table.listEntities<{ requestId: string; facilitatorId: string; channelId: string; hub: string; start: Date; end: Date; createdAt: Date; confirmedAt: Date }>({
        queryOptions: { filter: odata`PartitionKey eq ${PK} and RowKey ge ${start} and RowKey lt ${'sess;'}` },
      }),
    );
    return rows.map((r) => ({
      requestId: r.requestId,
      facilitatorId: r.facilitatorId,
      channelId: r.channelId,
      hub: r.hub,
      start: new Date(r.start),
      end: new Date(r.end),
      createdAt: new Date(r.createdAt),
      confirmedAt: new Date(r.confirmedAt),
    }));
  }

  async requestsCreatedIn(from: Date, to: Date): Promise<FacilitationRequest[]> {
    // Every request row (one partition, a few hundred a year): read for a coordinator's report, not on a hot path.
    const rows = await this.range<RequestEntity>('request:');
    return rows.map((r) => requestFromJson(r.data)).filter((r) => r.createdAt >= from && r.createdAt < to);
  }

  async calendarToken(token: string): Promise<{ requestId: string; userId: string } | null> {
    if (!/^[A-Za-z0-9_-]{22,64}$/.test(token)) return null;
    const row = await getOrNull<{ requestId: string; userId: string }>(this.table, PK, `ics:${token}`);
    return row ? { requestId: row.requestId, userId: row.userId } : null;
  }
}
