// PLT events: create, change and cancel (organisers and coordinators of the event's hub), browse,
// book and cancel places (through the event's seat line: group commit, never overbooked),
// rosters, attendance and CPD, and the notices and reminders that follow.
import { randomBytes } from 'node:crypto';
import type { Config } from '../../config.js';
import { errorSummary, type Logger } from '../../logging.js';
import type { Clock, JobScheduler, Notifier } from '../../domain/ports.js';
import type { Actor, UserId } from '../../domain/people/person.js';
import { isValidUserId } from '../../domain/people/person.js';
import type { ChannelRepository } from '../../domain/channels/ports.js';
import { noFollowUps, type EventFollowUps, type EventIndex, type EventRepository, type IndexEntry, type PersonIndex, type StoredEvent } from '../../domain/events/ports.js';
import { waitlistPlaceOf, type PltEvent, type Registration } from '../../domain/events/event.js';
import { checkTogether, fieldsOf, readEventFields, readRepeat, seriesOccurrences, type EventFields } from '../../domain/events/input.js';
import type { Outcome, StoredRegistration } from '../../domain/events/seats.js';
import { DEFAULT_RANGE_DAYS, matchesCriteria, type EventCriteria } from '../../domain/events/query.js';
import { parseCategory } from '../../domain/events/event.js';
import { hasRole, requireRole } from '../../domain/people/authorisation.js';
import { parseHub, HUB_NAMES, type Hub } from '../../domain/people/hubs.js';
import { parseProfession, PROFESSION_NAMES, type Profession } from '../../domain/people/professions.js';
import { conflict, forbidden, invalid, notFound } from '../../domain/errors.js';
import { cleanText } from '../../domain/text.js';
import { parseInstant, formatLondonRange, LONDON } from '../../domain/time/london.js';
import { DateTime } from 'luxon';
import type { PeopleService } from '../people.js';
import { SeatLines, type Committed } from './seatLines.js';
import { eventView, type AttendanceAnswer, type EventList, type EventView, type MyRegistration, type Roster, type RosterLine } from '../../contracts/events.js';
import { cancelledNotice, promotedNotice, updatedNotice } from '../../cards/events/notices.js';
import { noticeKeys, reminderKey, REMINDER_KIND, tellRegistrantsKey, TELL_REGISTRANTS_KIND, type RegistrantNews } from './keys.js';
import { runLimited } from '../../domain/async.js';

/** How long the in-process fan-out has before the durable job does it instead. */
const TELL_SAFETY_NET_MS = 60_000;

const EVENT_ID = /^[A-Za-z0-9_-]{1,64}$/;
export const isEventId = (id: unknown): id is string => typeof id === 'string' && EVENT_ID.test(id);
export const newEventId = () => 'e' + randomBytes(8).toString('hex');
/** Unguessable tokens (calendar feeds, invite links): 128 bits or more. */
export const newToken = (bytes = 24) => randomBytes(bytes).toString('base64url');

const MAX_RANGE_DAYS = 400;

/** Everything the events service may touch. */
export interface EventsDeps {
  config: Pick<Config, 'publicUrl' | 'reminderOffsetsMs'>;
  clock: Clock;
  logger: Logger;
  repo: EventRepository;
  index: EventIndex;
  personIndex: PersonIndex;
  /** Checks that an event's channel exists. */
  channels: Pick<ChannelRepository, 'get'>;
  /** A person's profession, for the "not aimed at you" warning. */
  people: Pick<PeopleService, 'getProfile'>;
  notifier: Notifier;
  scheduler: JobScheduler;
  /** What follows an event (feedback after it); told of plans, moves, cancellations and attendance. */
  followUps?: EventFollowUps;
}

export interface EventFilters {
  from?: string;
  to?: string;
  hub?: string;
  category?: string;
  profession?: string;
  channelId?: string;
  status?: string;
  /** Free-text search over title, description, location and organiser. */
  q?: string;
  limit?: string | number;
  next?: string;
}

export interface SignupResult {
  status: 'booked' | 'waitlisted';
  position?: number;
  already: boolean;
  /** The person's view of the event as the booking left it. */
  view: EventView;
}

export const entryOf = (e: PltEvent): IndexEntry => ({
  eventId: e.id,
  start: e.start,
  end: e.end,
  hub: e.hub,
  category: e.category,
  channelId: e.channelId,
  organiserId: e.organiserId,
  title: e.title,
  status: e.status,
});

export class EventsService {
  readonly lines: SeatLines;
  private readonly followUps: EventFollowUps;

  constructor(private readonly d: EventsDeps) {
    this.followUps = d.followUps ?? noFollowUps;
    this.lines = new SeatLines({ repo: d.repo, people: d.personIndex, clock: d.clock, logger: d.logger, afterCommit: (c) => this.afterCommit(c) });
  }

  // ---- reading ----------------------------------------------------------------------------

  async stored(eventId: unknown): Promise<StoredEvent> {
    if (!isEventId(eventId)) throw notFound('No event with that id.');
    const s = await this.d.repo.get(eventId);
    if (!s) throw notFound('No event with that id.');
    return s;
  }

  /** Organisers and coordinators of the event's hub (never guests). */
  canManage(actor: Actor, e: Pick<PltEvent, 'hub'>): boolean {
    return !actor.guest && hasRole(actor, 'organiser', e.hub);
  }

  inviteUrl(eventId: string, reg: Pick<Registration, 'inviteToken'>): string {
    return `${this.d.config.publicUrl}/api/calendar/invite/${eventId}/${reg.inviteToken}.ics`;
  }

  async view(actor: Actor, eventId: unknown): Promise<EventView> {
    return (await this.viewWithReg(actor, await this.stored(eventId))).view;
  }

  /** The person's view of an event and their registration row (if any). */
  async viewWithReg(actor: Pick<Actor, 'id' | 'guest' | 'roles'>, s: StoredEvent, known?: StoredRegistration | null): Promise<{ view: EventView; reg: StoredRegistration | null }> {
    const reg = known === undefined ? await this.d.repo.registration(s.event.id, actor.id) : known;
    // The place comes from the event row when its leavers are known; otherwise it is counted.
    const position = reg?.status === 'waitlisted' ? (waitlistPlaceOf(s.seats, reg.ticket) ?? (await this.d.repo.waitlistPlace(s.event.id, reg.ticket))) : null;
    const view = eventView(s.event, s.seats, { status: reg?.status ?? 'none', position, attended: reg?.status === 'booked' ? reg.attended : undefined }, this.d.clock.now(), this.canManage(actor as Actor, s.event));
    return { view, reg };
  }

  /** GET /api/events: events starting in a range, filtered, each with the person's own place. */
  async list(actor: Actor, filters: EventFilters): Promise<EventList> {
    const now = this.d.clock.now();
    const from = readBound(filters.from, 'from', false) ?? now;
    const to = readBound(filters.to, 'to', true) ?? DateTime.fromJSDate(from).plus({ days: DEFAULT_RANGE_DAYS }).toJSDate();
    if (to <= from) throw invalid('"to" must be after "from".', { field: 'to' });
    if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * 86_400_000) throw invalid(`Ask for at most ${MAX_RANGE_DAYS} days at a time.`, { field: 'to' });
    const hub = readHubs(filters.hub);
    const category = optional(filters.category, parseCategory, 'category', 'Unknown category. Categories: plt, facilitation-development, cop-session, webinar, other.');
    const profession = optional(filters.profession, parseProfession, 'profession', 'Unknown profession code.');
    const status = optional(filters.status, (s) => (s === 'scheduled' || s === 'cancelled' ? s : null), 'status', 'status must be scheduled or cancelled.');
    const channelId = filters.channelId ? String(filters.channelId).trim() : undefined;
    const text = filters.q === undefined ? undefined : cleanText(filters.q, 200);
    if (text === null) throw invalid('Search for at most 200 characters of text.', { field: 'q' });
    const limit = filters.limit === undefined || filters.limit === '' ? 200 : Number(filters.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw invalid('limit must be a whole number from 1 to 500.', { field: 'limit' });
    const after = filters.next ? readCursor(filters.next) : undefined;

    const found = await this.find(actor, { from, to, hub, category, profession, channelId, status, text: text || undefined }, { limit, after });
    return found;
  }

  /** Events in a range matching already-read criteria, a page at a time. */
  async find(
    actor: Actor,
    c: EventCriteria & { from: Date; to: Date },
    page: { limit: number; after?: string } = { limit: 200 },
  ): Promise<EventList> {
    const stored = await this.inRange(c.from, c.to);
    const matching = stored.filter(({ event }) => matchesCriteria(event, c));
    const ordered = matching.filter((s) => !page.after || cursorOf(s.event) > page.after);
    const slice = ordered.slice(0, page.limit);
    const items = await runLimited(slice, 16, async (s) => (await this.viewWithReg(actor, s)).view);
    const result: EventList = { items, total: matching.length };
    if (ordered.length > page.limit) result.next = Buffer.from(cursorOf(slice[slice.length - 1].event)).toString('base64url');
    return result;
  }

  /** Events whose start lies in [from, to), checked against their partitions, in start order. */
  async inRange(from: Date, to: Date): Promise<StoredEvent[]> {
    const entries = await this.d.index.range(from, to);
    const ids = [...new Set(entries.map((e) => e.eventId))];
    const heads = await runLimited(ids, 16, (id) => this.d.repo.get(id));
    return heads
      .filter((s): s is StoredEvent => !!s && s.event.start >= from && s.event.start < to)
      // Start, then id: the same order as the `next` cursor (start|id), so pages never overlap or skip.
      .sort((a, b) => a.event.start.getTime() - b.event.start.getTime() || (a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0));
  }

  // ---- organisers -------------------------------------------------------------------------

  private async checkChannel(channelId: string | undefined): Promise<void> {
    if (!channelId) return;
    if (!(await this.d.channels.get(channelId))) throw invalid(`There is no channel “${channelId.slice(0, 60)}”.`, { field: 'channelId' });
  }

  /** Creates one event, or a weekly/monthly series. The first is the one asked for. */
  async create(actor: Actor, input: Record<string, unknown>, options: { id?: (fields: EventFields, i: number) => string } = {}): Promise<PltEvent[]> {
    const now = this.d.clock.now();
    // Someone with no organiser role anywhere is told so before anything about their input.
    if (actor.guest || !hasRole(actor, 'organiser')) throw forbidden('Only organisers and coordinators can create events.');
    const fields = readEventFields(input, now);
    requireRole(actor, 'organiser', fields.hub, 'create events for this hub');
    await this.checkChannel(fields.channelId);
    const repeat = readRepeat(input);
    const all = repeat ? seriesOccurrences(fields, repeat) : [fields];
    all.forEach((f) => checkTogether(f, now, true));
    const seriesId = repeat ? 's' + randomBytes(8).toString('hex') : undefined;
    const events: PltEvent[] = all.map((f, i) => ({
      ...f,
      id: options.id ? options.id(f, i) : newEventId(),
      organiserId: actor.id,
      organiserName: actor.name,
      seriesId,
      status: 'scheduled',
      sequence: 0,
      createdAt: now,
      updatedAt: now,
    }));
    const created: PltEvent[] = [];
    for (const e of events) {
      // Index first: an event that exists can always be found (a stray index line is skipped on read).
      await this.d.index.put(entryOf(e));
      if (!(await this.d.repo.create(e))) {
        if (options.id) continue; // imports: already there from an earlier run
        throw conflict('An event with that id already exists.');
      }
      await this.scheduleReminders(e);
      created.push(e);
    }
    this.d.logger.info({ events: created.length, series: !!seriesId }, 'events created');
    return created;
  }

  async update(actor: Actor, eventId: unknown, input: Record<string, unknown>): Promise<EventView> {
    const s = await this.stored(eventId);
    if (!this.canManage(actor, s.event)) throw forbidden('Only organisers and coordinators of this event’s hub can change it.');
    // Check what we can before queueing: the hub moves only between hubs the person organises.
    const now = this.d.clock.now();
    const preview = readEventFields(input, now, fieldsOf(s.event));
    if (preview.hub !== s.event.hub) requireRole(actor, 'organiser', preview.hub, 'move events to that hub');
    if (preview.channelId !== s.event.channelId) await this.checkChannel(preview.channelId);
    const before = entryOf(s.event);
    const guess = entryOf({ ...s.event, ...preview });
    await this.d.index.put(guess);
    let outcome: Outcome;
    try {
      outcome = await this.lines.submit(s.event.id, { kind: 'update', input });
    } catch (e) {
      await this.d.index.put(before).catch(() => undefined);
      if (!sameIndexKeys(before, guess)) await this.d.index.remove(guess, before).catch(() => undefined);
      throw e;
    }
    if (outcome.kind !== 'event') throw conflict('The event changed while you were editing it. Please try again.');
    const after = entryOf(outcome.event);
    await this.d.index.put(after);
    if (!sameIndexKeys(before, after)) await this.d.index.remove(before, after);
    if (!sameIndexKeys(guess, after)) await this.d.index.remove(guess, after);
    if (outcome.moved) await this.scheduleReminders(outcome.event);
    if (outcome.event.sequence !== s.event.sequence) await this.tellRegistrants(outcome.event, outcome.moved ? 'moved' : 'changed');
    return (await this.viewWithReg(actor, { event: outcome.event, seats: outcome.seats, etag: '' })).view;
  }

  async cancelEvent(actor: Actor, eventId: unknown, reason?: unknown): Promise<EventView> {
    const s = await this.stored(eventId);
    if (!this.canManage(actor, s.event)) throw forbidden('Only organisers and coordinators of this event’s hub can cancel it.');
    const why = cleanText(typeof reason === 'string' ? reason.slice(0, 300) : '', 300) ?? '';
    const outcome = await this.lines.submit(s.event.id, { kind: 'cancel-event' });
    if (outcome.kind !== 'event') throw conflict('The event changed; please try again.');
    await this.d.index.put(entryOf(outcome.event));
    await this.cancelReminders(outcome.event.id);
    if (s.event.status !== 'cancelled') await this.tellRegistrants(outcome.event, 'cancelled', why);
    return (await this.viewWithReg(actor, { event: outcome.event, seats: outcome.seats, etag: '' })).view;
  }

  /**
   * Everyone booked or waiting hears about a cancellation or a change of time or place. The change
   * is already committed, so the news must not be lost with this process: a durable job is set
   * first (due in a minute), then the fan-out runs here at once and, when it completes, drops the
   * job. If the process dies or storage fails halfway, the job runs the fan-out again; notice keys
   * make sure nobody is told twice. Returns once the job is set; the fan-out goes on behind.
   */
  private async tellRegistrants(event: PltEvent, what: RegistrantNews, reason?: string): Promise<void> {
    const key = tellRegistrantsKey(event.id, what, event.sequence);
    let safetyNet = true;
    try {
      const dueAt = new Date(this.d.clock.now().getTime() + TELL_SAFETY_NET_MS);
      await this.d.scheduler.schedule({ key, kind: TELL_REGISTRANTS_KIND, dueAt, payload: { eventId: event.id, what, sequence: event.sequence, reason: reason ?? '' } });
    } catch (e) {
      safetyNet = false;
      this.d.logger.warn({ eventId: event.id, what, err: errorSummary(e) }, 'could not set the registrants job; telling them now only');
    }
    void this.notifyRegistrants(event.id, what, event.sequence, reason)
      .then(() => (safetyNet ? this.d.scheduler.cancel(key) : undefined))
      .catch((e) => this.d.logger.warn({ eventId: event.id, what, err: errorSummary(e) }, 'could not tell every registrant yet; the job will finish it'));
  }

  /**
   * The fan-out itself (also the job handler's body): reads the event again and tells everyone on
   * it, unless the news is stale — a cancellation that was not, or a change overtaken by a later one
   * (which has its own fan-out). Throws if any notice could not be recorded, so the job retries.
   */
  async notifyRegistrants(eventId: string, what: RegistrantNews, sequence: number, reason?: string): Promise<void> {
    const stored = await this.d.repo.get(eventId);
    if (!stored) return;
    const event = stored.event;
    if (what === 'cancelled' ? event.status !== 'cancelled' : event.sequence !== sequence || event.status === 'cancelled') return;
    const regs = await this.d.repo.registrations(eventId);
    if (what === 'moved') {
      await this.d.personIndex.add(regs.map((r) => ({ userId: r.userId, eventId, start: event.start, end: event.end }))).catch(() => undefined);
    }
    await runLimited(regs, 8, async (r) => {
      const { view } = await this.viewWithReg({ id: r.userId, guest: true, roles: [] }, stored, r);
      if (what === 'cancelled') await this.d.notifier.notify(r.userId, cancelledNotice(view, reason || undefined), noticeKeys.cancelled(eventId, r.userId), 'booking');
      else await this.d.notifier.notify(r.userId, updatedNotice(view, r.status === 'booked' ? this.inviteUrl(eventId, r) : undefined), noticeKeys.updated(eventId, r.userId, event.sequence), 'booking');
    });
  }

  // ---- reminders --------------------------------------------------------------------------

  async scheduleReminders(e: PltEvent): Promise<void> {
    const now = this.d.clock.now().getTime();
    for (const offsetMs of this.d.config.reminderOffsetsMs) {
      const dueAt = new Date(e.start.getTime() - offsetMs);
      const key = reminderKey(e.id, offsetMs);
      if (e.status === 'scheduled' && dueAt.getTime() > now) await this.d.scheduler.schedule({ key, kind: REMINDER_KIND, dueAt, payload: { eventId: e.id, offsetMs } });
      else await this.d.scheduler.cancel(key);
    }
    await this.followUps.planned(e);
  }

  async cancelReminders(eventId: string): Promise<void> {
    for (const offsetMs of this.d.config.reminderOffsetsMs) await this.d.scheduler.cancel(reminderKey(eventId, offsetMs));
    await this.followUps.cancelled(eventId);
  }

  // ---- places -----------------------------------------------------------------------------

  async signUp(actor: Actor, eventId: unknown): Promise<SignupResult> {
    if (!isEventId(eventId)) throw notFound('No event with that id.');
    const { outcome, event, seats } = await this.lines.settle(eventId, { kind: 'signup', userId: actor.id, name: actor.name, inviteToken: newToken(18) });
    if (outcome.kind !== 'signup') throw conflict('Your booking changed while it was being made. Please look at the event again.');
    const view = eventView(event, seats, { status: outcome.status, position: outcome.position ?? null, attended: outcome.status === 'booked' ? false : undefined }, this.d.clock.now(), this.canManage(actor, event));
    return { status: outcome.status, position: outcome.position, already: outcome.already, view };
  }

  async cancelBooking(actor: Actor, eventId: unknown): Promise<{ previous: 'booked' | 'waitlisted' | 'none' }> {
    if (!isEventId(eventId)) throw notFound('No event with that id.');
    const outcome = await this.lines.submit(eventId, { kind: 'cancel', userId: actor.id });
    if (outcome.kind !== 'cancel') throw conflict('Please try again.');
    return { previous: outcome.previous };
  }

  private async afterCommit({ eventId, plan }: Committed): Promise<void> {
    if (!plan.promoted.length) return;
    const rows = new Map<UserId, Registration>();
    for (const w of plan.writes) if (w.type === 'create' || w.type === 'update') rows.set(w.reg.userId, w.reg);
    await runLimited(plan.promoted, 8, async (p) => {
      const reg = rows.get(p.userId);
      const view = eventView(plan.event, plan.seats, { status: 'booked', position: null }, this.d.clock.now(), false);
      await this.d.notifier.notify(p.userId, promotedNotice(view, reg ? this.inviteUrl(eventId, reg) : undefined), noticeKeys.promoted(eventId, p.userId, p.number), 'booking');
    });
  }

  // ---- rosters and attendance -------------------------------------------------------------

  async roster(actor: Actor, eventId: unknown): Promise<Roster> {
    const s = await this.stored(eventId);
    if (!this.canManage(actor, s.event)) throw forbidden('Only organisers and coordinators of this event’s hub can see the roster.');
    const regs = await this.d.repo.registrations(s.event.id);
    const booked = regs.filter((r) => r.status === 'booked').sort((a, b) => (a.bookedAt ?? a.joinedAt).getTime() - (b.bookedAt ?? b.joinedAt).getTime());
    const waiting = regs.filter((r) => r.status === 'waitlisted').sort((a, b) => a.ticket - b.ticket);
    const line = (r: StoredRegistration, position: number | null): RosterLine => ({
      userId: r.userId,
      name: r.name || 'Unknown person',
      status: r.status,
      position,
      joinedAt: r.joinedAt.toISOString(),
      ...(r.bookedAt ? { bookedAt: r.bookedAt.toISOString() } : {}),
      attended: r.attended,
    });
    const { view } = await this.viewWithReg(actor, s);
    const attendanceOpen = s.event.status === 'scheduled' && this.d.clock.now() >= s.event.start;
    return { event: view, items: [...booked.map((r) => line(r, null)), ...waiting.map((r, i) => line(r, i + 1))], anonymousBooked: s.seats.anonBooked, attendanceOpen };
  }

  async markAttendance(actor: Actor, eventId: unknown, attended: unknown): Promise<AttendanceAnswer> {
    const s = await this.stored(eventId);
    if (!this.canManage(actor, s.event)) throw forbidden('Only organisers and coordinators of this event’s hub can mark attendance.');
    const list = Array.isArray(attended) ? attended : typeof attended === 'string' ? attended.split(',').map((x) => x.trim()).filter(Boolean) : attended === undefined || attended === null ? [] : null;
    if (!list || list.length > 1000 || !list.every(isValidUserId)) throw invalid('attended must be a list of the user ids of people who attended.', { field: 'attended' });
    const outcome = await this.lines.submit(s.event.id, { kind: 'attendance', attended: [...new Set(list as string[])] });
    if (outcome.kind !== 'attendance') throw conflict('Please try again.');
    await this.followUps.attendanceChanged(s.event);
    return { event: await this.view(actor, s.event.id), attended: outcome.marked };
  }

  // ---- a person's own ---------------------------------------------------------------------

  /** The person's bookings and waitlist places (upcoming, or all with `past`). */
  async myRegistrations(actor: Pick<Actor, 'id' | 'guest' | 'roles'>, options: { past?: boolean } = {}): Promise<MyRegistration[]> {
    const now = this.d.clock.now();
    const entries = await this.d.personIndex.list(actor.id);
    const ids = [...new Set(entries.map((e) => e.eventId))];
    const found = await runLimited(ids, 16, async (id): Promise<MyRegistration | null> => {
      const s = await this.d.repo.get(id);
      if (!s || (!options.past && s.event.end < now)) return null;
      const reg = await this.d.repo.registration(id, actor.id);
      if (!reg) return null;
      const { view } = await this.viewWithReg(actor, s, reg);
      return { event: view, inviteUrl: reg.status === 'booked' ? this.inviteUrl(id, reg) : undefined };
    });
    return found.filter((x): x is MyRegistration => !!x).sort((a, b) => a.event.start.localeCompare(b.event.start));
  }

  /** Booked events of a person that overlap [from, to) (facilitation avoids these times). */
  async busy(userId: UserId, from: Date, to: Date, exceptEventId?: string): Promise<{ start: Date; end: Date; eventId: string }[]> {
    const entries = await this.d.personIndex.list(userId);
    const margin = 7 * 86_400_000;
    const near = [...new Set(entries.filter((e) => e.eventId !== exceptEventId && e.end.getTime() >= from.getTime() - margin && e.start.getTime() <= to.getTime() + margin).map((e) => e.eventId))];
    const busy = await runLimited(near, 16, async (id) => {
      const s = await this.d.repo.get(id);
      if (!s || s.event.status !== 'scheduled' || !(s.event.start < to && s.event.end > from)) return null;
      const reg = await this.d.repo.registration(id, userId);
      return reg?.status === 'booked' ? { start: s.event.start, end: s.event.end, eventId: id } : null;
    });
    return busy.filter((b): b is { start: Date; end: Date; eventId: string } => !!b).sort((a, b) => a.start.getTime() - b.start.getTime());
  }

  /** Warnings shown before or after booking: a clash with another booking, or not their profession. */
  async warnings(actor: Actor, v: EventView): Promise<string[]> {
    const out: string[] = [];
    if (v.status === 'cancelled') return out;
    const start = new Date(v.start);
    const end = new Date(v.end);
    const [profile, clashes] = await Promise.all([this.d.people.getProfile(actor.id), this.busy(actor.id, start, end, v.id)]);
    if (profile && v.professions.length && !v.professions.includes(profile.profession)) {
      const aimed = v.professions.map((p) => PROFESSION_NAMES[p as Profession] ?? p).join(', ');
      out.push(`This event is aimed at ${aimed.toLowerCase()}; as a ${PROFESSION_NAMES[profile.profession].toLowerCase()} you can still book.`);
    }
    const others = await Promise.all(clashes.slice(0, 3).map((c) => this.d.repo.get(c.eventId)));
    for (const other of others) {
      if (other) out.push(`It clashes with “${other.event.title}” (${formatLondonRange(other.event.start, other.event.end)}), which you are booked on.`);
    }
    return out;
  }

  /**
   * The events a person attended (walk-ins included), each with their registration: what their
   * CPD record and certificates are made from. Cancelled events count for nothing.
   */
  async attendedBy(userId: UserId): Promise<{ event: PltEvent; registration: StoredRegistration }[]> {
    const entries = await this.d.personIndex.list(userId);
    const ids = [...new Set(entries.map((e) => e.eventId))];
    const found = await runLimited(ids, 16, async (id) => {
      const s = await this.d.repo.get(id);
      if (!s || s.event.status !== 'scheduled') return null;
      const registration = await this.d.repo.registration(id, userId);
      return registration?.attended ? { event: s.event, registration } : null;
    });
    return found.filter((x): x is { event: PltEvent; registration: StoredRegistration } => !!x).sort((a, b) => a.event.start.getTime() - b.event.start.getTime());
  }

  /**
   * An event that has already taken place, with who booked and who came, as the app would have
   * recorded them (demo data; history brought in from elsewhere). Ids already present are left as
   * they are.
   */
  async recordPast(event: PltEvent, people: { userId: UserId; name: string; bookedAt: Date; attended: boolean }[]): Promise<boolean> {
    if (event.end > this.d.clock.now()) throw invalid('Only events that have ended can be recorded as past.');
    await this.d.index.put(entryOf(event));
    if (!(await this.d.repo.create(event))) return false;
    await this.d.personIndex.add(people.map((p) => ({ userId: p.userId, eventId: event.id, start: event.start, end: event.end })));
    const stored = await this.d.repo.get(event.id);
    const capacity = event.capacity ?? Number.POSITIVE_INFINITY;
    const writes = people.slice(0, Math.min(98, capacity)).map((p) => ({
      type: 'create' as const,
      reg: { userId: p.userId, name: p.name, status: 'booked' as const, ticket: 0, joinedAt: p.bookedAt, bookedAt: p.bookedAt, attended: p.attended, inviteToken: newToken(18) },
    }));
    const seats = { ...stored!.seats, booked: writes.length };
    if (!(await this.d.repo.commit(event.id, stored!.etag, event, seats, writes))) throw conflict('The event changed while it was being recorded.');
    await this.followUps.planned(event);
    return true;
  }
}

const sameIndexKeys = (a: IndexEntry, b: IndexEntry) => a.start.getTime() === b.start.getTime() && a.channelId === b.channelId && a.organiserId === b.organiserId;

const cursorOf = (e: PltEvent) => `${e.start.toISOString()}|${e.id}`;
function readCursor(text: string): string {
  const decoded = Buffer.from(text, 'base64url').toString('utf8');
  if (!/^\d{4}-\d{2}-\d{2}T[\d:.]+Z\|[A-Za-z0-9_-]{1,64}$/.test(decoded)) throw invalid('That "next" cursor is not one I gave out.', { field: 'next' });
  return decoded;
}

/** A date (London day; `to` means the end of that day) or a date-time. */
export function readBound(value: string | undefined, field: string, endOfDay: boolean): Date | undefined {
  if (value === undefined || value === '') return undefined;
  const text = String(value).trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const day = DateTime.fromISO(text, { zone: LONDON });
    if (!day.isValid) throw invalid(`"${field}" is not a real date.`, { field });
    return (endOfDay ? day.plus({ days: 1 }) : day).toJSDate();
  }
  const d = parseInstant(text);
  if (!d) throw invalid(`"${field}" must be an ISO 8601 date or date-time, e.g. 2026-07-01 or 2026-07-01T09:00:00+01:00.`, { field });
  return d;
}

/** `hub=west-kent` is that hub only; `hub=west-kent,kent-medway` any of those (the tab's "For you"). */
function readHubs(value: string | undefined): Hub | Hub[] | undefined {
  if (value === undefined || value === '') return undefined;
  const parts = String(value).split(',').map((h) => h.trim()).filter(Boolean);
  const hubs: Hub[] = [];
  for (const part of parts.slice(0, 8)) {
    const hub = parseHub(part);
    if (!hub) throw invalid('Unknown hub. Hubs: north-kent, west-kent, east-kent, kent-medway (or several, separated by commas).', { field: 'hub' });
    if (!hubs.includes(hub)) hubs.push(hub);
  }
  if (parts.length > 8 || hubs.length === 0) throw invalid('Give one hub, or a few separated by commas.', { field: 'hub' });
  return hubs.length === 1 ? hubs[0] : hubs;
}

function optional<T>(value: string | undefined, parse: (v: string) => T | null, field: string, message: string): T | undefined {
  if (value === undefined || value === '') return undefined;
  const parsed = parse(String(value));
  if (parsed === null) throw invalid(message, { field });
  return parsed;
}

export const hubLabel = (hub: Hub) => HUB_NAMES[hub];
