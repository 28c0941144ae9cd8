// Events on Azure Tables. Each event is one partition (PartitionKey = event id): the event row
// (details and seat counters, RowKey "event"), one row per registration (RowKey "r:<user>") and
// one per booking its owner cancelled (RowKey "x:<user>": the invite link's cancellation).
// Every change to seats is one transaction in that partition, guarded by the event row's ETag.
import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import type { CommitResult, EventRepository, StoredEvent } from '../domain/events/ports.js';
import { EMPTY_SEATS, type CancelledInvite, type Category, type EventStatus, type PltEvent, type Registration, type RegistrationStatus, type Seats } from '../domain/events/event.js';
import type { RowWrite, StoredRegistration } from '../domain/events/seats.js';
import type { Hub } from '../domain/people/hubs.js';
import type { Profession } from '../domain/people/professions.js';
import { NO_MEETING, type MeetingState, type MeetingStatus } from '../domain/events/meeting.js';
import { ATTENDANCE_SOURCES, type AttendanceSource } from '../domain/events/event.js';
import { getOrNull, insertIfAbsent, listAll } from './etag.js';
import { encodeKey } from './keys.js';
import { isConflict, isNotFound, isPreconditionFailed, statusOf } from './errors.js';
import { parseStringList } from './values.js';
import { READ_CACHE_TTL_MS } from './readCache.js';
import { TtlCache } from './ttlCache.js';

const EVENT_ROW = 'event';
const regKey = (userId: string) => `r:${encodeKey(userId)}`;
const cancelledKey = (userId: string) => `x:${encodeKey(userId)}`;

interface EventEntity {
  title: string;
  description: string;
  category: string;
  hub: string;
  professions: string;
  channelId: string;
  start: Date;
  end: Date;
  location: string;
  onlineMeetingUrl: string;
  /** Absent on rows written before Teams meetings (= false). */
  teamsMeeting?: boolean;
  /** The Teams meeting's state as JSON (meeting.ts); absent = none. */
  meeting?: string;
  /** -1 = unlimited (Tables has no null). */
  capacity: number;
  signupOpens?: Date;
  signupCloses?: Date;
  organiserId: string;
  organiserName: string;
  seriesId: string;
  status: string;
  sequence: number;
  createdAt: Date;
  updatedAt: Date;
  booked: number;
  waitlisted: number;
  lastTicket: number;
  promotions: number;
  anonBooked: number;
  anonAttended: number;
  /** JSON array of tickets that left the waitlist; absent on rows written before it was kept. */
  leftTickets?: string;
}

interface RegistrationEntity {
  userId: string;
  name: string;
  status: string;
  ticket: number;
  joinedAt: Date;
  bookedAt?: Date;
  attended: boolean;
  /** Absent until someone (Teams or an organiser) records attendance. */
  attendanceSource?: string;
  attendedMinutes?: number;
  inviteToken: string;
  /** Absent on rows written before it was kept (= 0). */
  inviteSeq?: number;
}

interface CancelledEntity {
  userId: string;
  inviteToken: string;
  inviteSeq: number;
  cancelledAt: Date;
}

const date = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));

const MEETING_STATUSES: readonly MeetingStatus[] = ['none', 'pending', 'created', 'failed'];

/** The Teams meeting's state from its JSON column; anything unreadable is "no meeting". */
function parseMeeting(json: string | undefined): MeetingState {
  if (typeof json !== 'string' || !json) return NO_MEETING;
  try {
    const m = JSON.parse(json) as Record<string, unknown>;
    const text = (k: string) => (typeof m[k] === 'string' && m[k] ? (m[k] as string) : undefined);
    const status = MEETING_STATUSES.find((s) => s === m.status) ?? 'none';
    const readAt = text('attendanceReadAt');
    return {
      status,
      joinUrl: text('joinUrl'),
      message: text('message'),
      graphEventId: text('graphEventId'),
      ownerId: text('ownerId'),
      synced: text('synced'),
      attempts: Number.isInteger(m.attempts) ? (m.attempts as number) : 0,
      gaveUp: text('gaveUp'),
      onlineMeetingId: text('onlineMeetingId'),
      ...(Number.isInteger(m.round) ? { round: m.round as number } : {}),
      attendanceReadAt: readAt ? new Date(readAt) : undefined,
      attendanceMessage: text('attendanceMessage'),
    };
  } catch {
    return NO_MEETING;
  }
}

/** Only what is set, so "no meeting" stays a short row. */
function meetingColumn(m: MeetingState): string | undefined {
  if (m.status === 'none' && !m.graphEventId && !m.onlineMeetingId && !m.attendanceReadAt && !m.message && !m.round) return undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(m)) if (v !== undefined && v !== '') out[k] = v instanceof Date ? v.toISOString() : v;
  return JSON.stringify(out);
}
const optDate = (v: unknown): Date | undefined => (v === undefined || v === null || v === '' ? undefined : date(v));

export function toEvent(id: string, e: EventEntity): PltEvent {
  return {
    id,
    title: e.title,
    description: e.description ?? '',
    category: e.category as Category,
    hub: e.hub as Hub,
    professions: parseStringList(e.professions) as Profession[],
    channelId: e.channelId || undefined,
    start: date(e.start),
    end: date(e.end),
    location: e.location || undefined,
    onlineMeetingUrl: e.onlineMeetingUrl || undefined,
    teamsMeeting: e.teamsMeeting === true,
    meeting: parseMeeting(e.meeting),
    capacity: typeof e.capacity === 'number' && e.capacity >= 0 ? e.capacity : null,
    signupOpens: optDate(e.signupOpens),
    signupCloses: optDate(e.signupCloses),
    organiserId: e.organiserId ?? '',
    organiserName: e.organiserName ?? '',
    seriesId: e.seriesId || undefined,
    status: (e.status as EventStatus) || 'scheduled',
    sequence: Number(e.sequence) || 0,
    createdAt: date(e.createdAt),
    updatedAt: date(e.updatedAt),
  };
}

const toSeats = (e: EventEntity): Seats => ({
  booked: Number(e.booked) || 0,
  waitlisted: Number(e.waitlisted) || 0,
  lastTicket: Number(e.lastTicket) || 0,
  promotions: Number(e.promotions) || 0,
  anonBooked: Number(e.anonBooked) || 0,
  anonAttended: Number(e.anonAttended) || 0,
  leftTickets: parseTickets(e.leftTickets),
});

/** Unknown history (absent or unreadable) is `undefined`: places are then counted from the rows. */
function parseTickets(json: string | undefined): number[] | undefined {
  if (typeof json !== 'string') return undefined;
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) && v.every((t) => Number.isInteger(t)) ? (v as number[]) : undefined;
  } catch {
    return undefined;
  }
}

/** The event's own properties as stored (on its row, and on the index lines that list it). */
function eventProperties(ev: PltEvent): Omit<EventEntity, 'booked' | 'waitlisted' | 'lastTicket' | 'promotions' | 'anonBooked' | 'anonAttended' | 'leftTickets'> {
  const entity: ReturnType<typeof eventProperties> = {
    title: ev.title,
    description: ev.description,
    category: ev.category,
    hub: ev.hub,
    professions: JSON.stringify(ev.professions),
    channelId: ev.channelId ?? '',
    start: ev.start,
    end: ev.end,
    location: ev.location ?? '',
    onlineMeetingUrl: ev.onlineMeetingUrl ?? '',
    capacity: ev.capacity ?? -1,
    organiserId: ev.organiserId,
    organiserName: ev.organiserName,
    seriesId: ev.seriesId ?? '',
    status: ev.status,
    sequence: ev.sequence,
    createdAt: ev.createdAt,
    updatedAt: ev.updatedAt,
  };
  if (ev.signupOpens) entity.signupOpens = ev.signupOpens;
  if (ev.signupCloses) entity.signupCloses = ev.signupCloses;
  if (ev.teamsMeeting) entity.teamsMeeting = true;
  const meeting = meetingColumn(ev.meeting);
  if (meeting) entity.meeting = meeting;
  return entity;
}

function toEntity(ev: PltEvent, seats: Seats): EventEntity {
  const entity: EventEntity = {
    ...eventProperties(ev),
    booked: seats.booked,
    waitlisted: seats.waitlisted,
    lastTicket: seats.lastTicket,
    promotions: seats.promotions,
    anonBooked: seats.anonBooked,
    anonAttended: seats.anonAttended,
  };
  if (seats.leftTickets) entity.leftTickets = JSON.stringify(seats.leftTickets);
  return entity;
}

function toRegistration(e: RegistrationEntity & { etag: string }): StoredRegistration {
  return {
    userId: e.userId,
    name: e.name ?? '',
    status: e.status as RegistrationStatus,
    ticket: Number(e.ticket) || 0,
    joinedAt: date(e.joinedAt),
    bookedAt: optDate(e.bookedAt),
    attended: !!e.attended,
    ...(ATTENDANCE_SOURCES.includes(e.attendanceSource as AttendanceSource) ? { attendanceSource: e.attendanceSource as AttendanceSource } : {}),
    ...(typeof e.attendedMinutes === 'number' && Number.isFinite(e.attendedMinutes) ? { attendedMinutes: e.attendedMinutes } : {}),
    inviteToken: e.inviteToken ?? '',
    inviteSeq: Number(e.inviteSeq) || 0,
    etag: e.etag,
  };
}

const toCancelled = (e: CancelledEntity): CancelledInvite => ({ userId: e.userId, inviteToken: e.inviteToken ?? '', inviteSeq: Number(e.inviteSeq) || 0, cancelledAt: date(e.cancelledAt) });

function regEntity(r: Registration): RegistrationEntity {
  const e: RegistrationEntity = { userId: r.userId, name: r.name, status: r.status, ticket: r.ticket, joinedAt: r.joinedAt, attended: r.attended, inviteToken: r.inviteToken };
  if (r.bookedAt) e.bookedAt = r.bookedAt;
  if (r.inviteSeq) e.inviteSeq = r.inviteSeq;
  if (r.attendanceSource) e.attendanceSource = r.attendanceSource;
  if (r.attendedMinutes !== undefined) e.attendedMinutes = r.attendedMinutes;
  return e;
}

/** A transaction that failed because the partition moved on (another writer got there first). */
const isRace = (e: unknown) => isPreconditionFailed(e) || isConflict(e) || isNotFound(e) || (statusOf(e) === 400 && /etag|precondition/i.test(String((e as Error).message)));

export class TableEventRepository implements EventRepository {
  /** Registrations lists read (`recent`), by event and person; a commit here drops the ones it writes. */
  private readonly recentRegs = new TtlCache<StoredRegistration | null>(() => READ_CACHE_TTL_MS.eventLists, 50_000);

  constructor(private readonly table: TableClient) {}

  async get(eventId: string): Promise<StoredEvent | null> {
    const row = await getOrNull<EventEntity>(this.table, eventId, EVENT_ROW);
    return row ? { event: toEvent(eventId, row), seats: toSeats(row), etag: row.etag } : null;
  }

  async getWithRegistration(eventId: string, userId: string): Promise<{ stored: StoredEvent; reg: StoredRegistration | null } | null> {
    // Two rows of one partition by their keys: one request instead of two point reads.
    const rows = await listAll(this.table.listEntities<EventEntity | RegistrationEntity>({ queryOptions: { filter: odata`PartitionKey eq ${eventId} and (RowKey eq ${EVENT_ROW} or RowKey eq ${regKey(userId)})` } }), 2);
    const head = rows.find((r) => r.rowKey === EVENT_ROW) as (EventEntity & { etag: string }) | undefined;
    if (!head) return null;
    const reg = rows.find((r) => r.rowKey !== EVENT_ROW) as (RegistrationEntity & { etag: string }) | undefined;
    return { stored: { event: toEvent(eventId, head), seats: toSeats(head), etag: head.etag }, reg: reg ? toRegistration(reg) : null };
  }

  async load(eventId: string) {
    const rows = await listAll(this.table.listEntities<EventEntity | RegistrationEntity | CancelledEntity>({ queryOptions: { filter: odata`PartitionKey eq ${eventId}` } }), 100_000);
    const head = rows.find((r) => r.rowKey === EVENT_ROW) as (EventEntity & { etag: string }) | undefined;
    if (!head) return null;
    const regs = new Map<string, StoredRegistration>();
    const cancelled = new Map<string, CancelledInvite>();
    for (const r of rows) {
      if (typeof r.rowKey !== 'string') continue;
      if (r.rowKey.startsWith('r:')) {
        const reg = toRegistration(r as RegistrationEntity & { etag: string });
        regs.set(reg.userId, reg);
      } else if (r.rowKey.startsWith('x:')) {
        const invite = toCancelled(r as CancelledEntity);
        cancelled.set(invite.userId, invite);
      }
    }
    return { event: toEvent(eventId, head), seats: toSeats(head), regs, cancelled, etag: head.etag };
  }

  create(event: PltEvent): Promise<boolean> {
    return insertIfAbsent(this.table, { partitionKey: event.id, rowKey: EVENT_ROW, ...toEntity(event, EMPTY_SEATS) });
  }

  async commit(eventId: string, etag: string, event: PltEvent, seats: Seats, writes: RowWrite[]): Promise<CommitResult | null> {
    const actions: TransactionAction[] = [['update', { partitionKey: eventId, rowKey: EVENT_ROW, ...toEntity(event, seats) }, 'Replace', { etag }]];
    for (const w of writes) {
      if (w.type === 'create') actions.push(['create', { partitionKey: eventId, rowKey: regKey(w.reg.userId), ...regEntity(w.reg) }]);
      else if (w.type === 'update') actions.push(['update', { partitionKey: eventId, rowKey: regKey(w.reg.userId), ...regEntity(w.reg) }, 'Replace', { etag: w.etag }]);
      // Deletes in a batch carry no ETag in this SDK; the event row's ETag guards the partition anyway.
      else if (w.type === 'delete') actions.push(['delete', { partitionKey: eventId, rowKey: regKey(w.userId) }]);
      else if (w.type === 'put-cancelled') {
        const entity: CancelledEntity = { userId: w.invite.userId, inviteToken: w.invite.inviteToken, inviteSeq: w.invite.inviteSeq, cancelledAt: w.invite.cancelledAt };
        actions.push(['upsert', { partitionKey: eventId, rowKey: cancelledKey(w.invite.userId), ...entity }, 'Replace']);
      } else actions.push(['delete', { partitionKey: eventId, rowKey: cancelledKey(w.userId) }]);
    }
    // The registrations this commit writes: this instance's recent reads of them are dropped.
    const touched = writes.flatMap((w) => (w.type === 'delete' ? [`${eventId}|${w.userId}`] : w.type === 'create' || w.type === 'update' ? [`${eventId}|${w.reg.userId}`] : []));
    touched.forEach((k) => this.recentRegs.delete(k));
    try {
      const result = await this.table.submitTransaction(actions);
      touched.forEach((k) => this.recentRegs.delete(k));
      // Sub-responses come back in the order of the actions.
      const etags = result.subResponses.map((r) => r.etag ?? '');
      const rows = new Map<string, string>();
      writes.forEach((w, i) => {
        if ((w.type === 'create' || w.type === 'update') && etags[i + 1]) rows.set(w.reg.userId, etags[i + 1]);
      });
      return { etag: etags[0] || ((await this.get(eventId))?.etag ?? ''), rows };
    } catch (e) {
      touched.forEach((k) => this.recentRegs.delete(k));
      if (isRace(e)) return null;
      throw e;
    }
  }

  async registration(eventId: string, userId: string, options: { recent?: boolean } = {}): Promise<StoredRegistration | null> {
    const read = async () => {
      const row = await getOrNull<RegistrationEntity>(this.table, eventId, regKey(userId));
      return row ? toRegistration(row) : null;
    };
    return options.recent ? this.recentRegs.read(`${eventId}|${userId}`, read) : read();
  }

  async registrations(eventId: string): Promise<StoredRegistration[]> {
    const rows = await listAll(
      this.table.listEntities<RegistrationEntity>({ queryOptions: { filter: odata`PartitionKey eq ${eventId} and RowKey ge ${'r:'} and RowKey lt ${'r;'}` } }),
      100_000,
    );
    return rows.map((r) => toRegistration(r as RegistrationEntity & { etag: string }));
  }

  async waitlistPlace(eventId: string, ticket: number): Promise<number> {
    const rows = await listAll(
      this.table.listEntities<{ ticket: number }>({
        queryOptions: { filter: odata`PartitionKey eq ${eventId} and RowKey ge ${'r:'} and RowKey lt ${'r;'} and status eq ${'waitlisted'} and ticket lt ${ticket}`, select: ['ticket'] },
      }),
      100_000,
    );
    return rows.length + 1;
  }

  async byInviteToken(eventId: string, token: string): Promise<{ registration: StoredRegistration } | { cancelled: CancelledInvite } | null> {
    // The registration row or, after its owner cancelled, the cancelled invite: never both at once.
    const rows = await listAll(this.table.listEntities<RegistrationEntity | CancelledEntity>({ queryOptions: { filter: odata`PartitionKey eq ${eventId} and inviteToken eq ${token}` } }), 2);
    if (rows.length !== 1) return null;
    const row = rows[0];
    if (typeof row.rowKey === 'string' && row.rowKey.startsWith('r:')) return { registration: toRegistration(row as RegistrationEntity & { etag: string }) };
    if (typeof row.rowKey === 'string' && row.rowKey.startsWith('x:')) return { cancelled: toCancelled(row as CancelledEntity) };
    return null;
  }
}
