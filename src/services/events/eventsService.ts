// PLT events: create, change and cancel (organisers and coordinators of the event's hub), browse,
// book and cancel places (through the event's seat line: group commit, never overbooked),
// rosters, attendance and CPD, and the notices and reminders that follow.
import { randomBytes } from 'node:crypto';
import type { Config } from '../../config.js';
import { errorSummary, type Logger } from '../../logging.js';
import type { Clock, DelegatedAccess, JobScheduler, Notifier, ProfileRecord } from '../../domain/ports.js';
import type { Actor, UserId } from '../../domain/people/person.js';
import { isValidUserId } from '../../domain/people/person.js';
import type { ChannelRepository } from '../../domain/channels/ports.js';
import { noFollowUps, type EventFollowUps, type EventIndex, type EventRepository, type IndexEntry, type Listing, type OutboxEntry, type PersonEntry, type PersonIndex, type StoredEvent } from '../../domain/events/ports.js';
import { EMPTY_SEATS, myStatusOf, waitlistPlaceOf, type PltEvent, type Registration, type Seats } from '../../domain/events/event.js';
import { isTeamsJoinUrl, meetingWork, NO_MEETING, type MeetingOutcome } from '../../domain/events/meeting.js';
import { TEAMS_ATTENDANCE_CHUNK } from '../../domain/events/seats.js';
import type { AttendanceDecision } from '../../domain/events/attendance.js';
import { checkTogether, fieldsOf, readEventFields, readRepeat, seriesOccurrences, type EventFields } from '../../domain/events/input.js';
import type { Outcome, StoredRegistration } from '../../domain/events/seats.js';
import { DEFAULT_RANGE_DAYS, matchesCriteria, type EventCriteria } from '../../domain/events/query.js';
import { parseCategory } from '../../domain/events/event.js';
import { hasRole, requireRole } from '../../domain/people/authorisation.js';
import { parseHub, HUB_NAMES, type Hub } from '../../domain/people/hubs.js';
import { parseProfession, PROFESSION_NAMES, type Profession } from '../../domain/people/professions.js';
import { conflict, forbidden, invalid, isAppError, notFound } from '../../domain/errors.js';
import { cleanText } from '../../domain/text.js';
import { parseInstant, formatLondonRange, LONDON } from '../../domain/time/london.js';
import { DateTime } from 'luxon';
import type { PeopleService } from '../people.js';
import { SeatLines, type Committed } from './seatLines.js';
import { eventView, type AttendanceAnswer, type EventList, type EventView, type MyRegistration, type Roster } from '../../contracts/events.js';
import { cancelledNotice, promotedNotice, updatedNotice } from '../../cards/events/notices.js';
import { attendanceKey, ATTENDANCE_KIND, MEETING_KIND, meetingKey, noticeKeys, reminderKey, REMINDER_KIND, tellRegistrantsKey, TELL_REGISTRANTS_KIND, type RegistrantNews } from './keys.js';
import type { MeetingSync } from './meetings.js';
import { rosterLines } from './roster.js';
import { runLimited } from '../../domain/async.js';

/** How long the in-process fan-out has before the durable job does it instead. */
const TELL_SAFETY_NET_MS = 60_000;
/** How long the in-process Teams meeting work has before the durable job does it instead. */
const MEETING_SAFETY_NET_MS = 120_000;
/** The second read of Teams' attendance report, after the first. */
const SECOND_ATTENDANCE_READ_MS = 86_400_000;

const EVENT_ID = /^[A-Za-z0-9_-]{1,64}$/;
export const isEventId = (id: unknown): id is string => typeof id === 'string' && EVENT_ID.test(id);
export const newEventId = () => 'e' + randomBytes(8).toString('hex');
/** Unguessable tokens (calendar feeds, invite links): 128 bits or more. */
export const newToken = (bytes = 24) => randomBytes(bytes).toString('base64url');

const MAX_RANGE_DAYS = 400;
/**
 * A card built right after this instance committed a change (the answer to a sign-up or a
 * cancellation) shows the event from the seat line's copy, confirmed by that commit, instead of
 * reading it back: it can miss only another instance's commit of these few milliseconds. Pages
 * (GET /api/events/{id}) always read the partition. Bookings are always decided against it.
 */
const COPY_FRESH_MS = 50;
/** How long what a sign-up's warnings need stays usable for the card that follows it. */
const PREFETCH_MS = 5_000;
/** A burst of seat commits on one event refreshes its index lines once, this long after the first. */
const REFRESH_DELAY_MS = 200;

/** Everything the events service may touch. */
export interface EventsDeps {
  config: Pick<Config, 'publicUrl' | 'reminderOffsetsMs' | 'attendanceAfterMs'>;
  clock: Clock;
  logger: Logger;
  repo: EventRepository;
  index: EventIndex;
  personIndex: PersonIndex;
  /** Checks that an event's channel exists. */
  channels: Pick<ChannelRepository, 'get'>;
  /** A person's profession, for the "not aimed at you" warning; roster details. */
  people: Pick<PeopleService, 'getProfile' | 'details'>;
  notifier: Notifier;
  scheduler: JobScheduler;
  /** What follows an event (feedback after it); told of plans, moves, cancellations and attendance. */
  followUps?: EventFollowUps;
  /** The Graph side of events' Teams meetings. */
  meetings: MeetingSync;
}

/** Who asked, when the request came with their own sign-in (the tab): Graph calls on their behalf. */
export interface OnBehalf {
  delegated?: DelegatedAccess;
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

/** What a list shows of an event, as known now. */
export const listingOf = (event: PltEvent, seats: Seats, at = Date.now()): Listing => ({
  event,
  seats: { booked: seats.booked, waitlisted: seats.waitlisted, promotions: seats.promotions, leftTickets: seats.leftTickets, commits: seats.commits ?? 0 },
  at,
});

/** Seats as a listing knows them (enough for the counts and a waiting person's place). */
const listedSeats = (l: Listing): Seats => ({ ...EMPTY_SEATS, ...l.seats });

/** Everything a list line shows; two listings with the same fingerprint look the same. */
const fingerprint = (l: Listing) =>
  [l.event.sequence, l.event.status, l.event.start.getTime(), l.event.end.getTime(), l.event.updatedAt.getTime(), l.event.title, l.event.channelId ?? '', l.event.organiserName, l.seats.booked, l.seats.waitlisted, l.seats.promotions, l.seats.leftTickets?.length ?? -1, l.seats.commits ?? -1].join('|');

/** Which of two listings of one event is later: the later commit of its row, else (listings from before commits were counted) the later `at`. */
const newer = (a: Listing, b: Listing): boolean => {
  const [ca, cb] = [a.seats.commits ?? -1, b.seats.commits ?? -1];
  return ca !== cb ? ca > cb : a.event.sequence !== b.event.sequence ? a.event.sequence > b.event.sequence : a.at > b.at;
};

export class EventsService {
  readonly lines: SeatLines;
  private readonly followUps: EventFollowUps;
  /** Teams meeting work under way in this process, by event (one at a time per event). */
  private readonly meetingWork = new Map<string, Promise<unknown>>();
  /** What a sign-up's warnings need, read while it commits (see signUp), by person and event. */
  private readonly prefetched = new Map<string, { at: number; inputs: Promise<[ProfileRecord | null, PersonEntry[]]> }>();
  /** Index refreshes under way, by event: the newest listing still to write. */
  private readonly refreshing = new Map<string, { next?: Listing }>();

  constructor(private readonly d: EventsDeps) {
    this.followUps = d.followUps ?? noFollowUps;
    this.lines = new SeatLines({ repo: d.repo, people: d.personIndex, clock: d.clock, logger: d.logger, afterCommit: (c) => this.afterCommit(c) });
  }

  // ---- reading ----------------------------------------------------------------------------

  async stored(eventId: unknown): Promise<StoredEvent> {
    if (!isEventId(eventId)) throw notFound('No event with that id.');
    const copy = this.lines.peek(eventId, COPY_FRESH_MS);
    if (copy) return { event: copy.event, seats: copy.seats, etag: '' };
    const s = await this.d.repo.get(eventId);
    if (!s) throw notFound('No event with that id.');
    return s;
  }

  /** The event and the person's registration: one request (or this instance's copy, just confirmed). */
  private async withRegistration(eventId: unknown, userId: UserId, useCopy = false): Promise<{ s: StoredEvent; reg: StoredRegistration | null }> {
    if (!isEventId(eventId)) throw notFound('No event with that id.');
    const copy = useCopy ? this.lines.peek(eventId, COPY_FRESH_MS) : undefined;
    if (copy) return { s: { event: copy.event, seats: copy.seats, etag: '' }, reg: copy.regs.get(userId) ?? null };
    const found = await this.d.repo.getWithRegistration(eventId, userId);
    if (!found) throw notFound('No event with that id.');
    return { s: found.stored, reg: found.reg };
  }

  /** Organisers and coordinators of the event's hub (never guests). */
  canManage(actor: Actor, e: Pick<PltEvent, 'hub'>): boolean {
    return !actor.guest && hasRole(actor, 'organiser', e.hub);
  }

  inviteUrl(eventId: string, reg: Pick<Registration, 'inviteToken'>): string {
    return `${this.d.config.publicUrl}/api/calendar/invite/${eventId}/${reg.inviteToken}.ics`;
  }

  async view(actor: Actor, eventId: unknown): Promise<EventView> {
    const { s, reg } = await this.withRegistration(eventId, actor.id);
    return (await this.viewWithReg(actor, s, reg)).view;
  }

  /** GET /api/events/{id}: the person's view and its warnings, every read in one parallel round. */
  async detail(actor: Actor, eventId: unknown): Promise<{ view: EventView; warnings: string[] }> {
    // The person's other bookings only feed the clash warning: this instance's read of the last moments will do.
    const [{ s, reg }, profile, entries] = await Promise.all([this.withRegistration(eventId, actor.id), this.d.people.getProfile(actor.id), this.d.personIndex.list(actor.id, { recent: true })]);
    const { view } = await this.viewWithReg(actor, s, reg);
    return { view, warnings: await this.warningsFrom(actor, view, profile, entries) };
  }

  /** The person's view of an event and their registration row (if any). */
  async viewWithReg(actor: Pick<Actor, 'id' | 'guest' | 'roles'>, s: StoredEvent, known?: StoredRegistration | null): Promise<{ view: EventView; reg: StoredRegistration | null }> {
    const copy = known === undefined ? this.lines.peek(s.event.id, COPY_FRESH_MS) : undefined;
    const reg = known !== undefined ? known : copy ? (copy.regs.get(actor.id) ?? null) : await this.d.repo.registration(s.event.id, actor.id);
    // The place comes from the event row when its leavers are known; otherwise it is counted.
    const position = reg?.status === 'waitlisted' ? await this.waitlistPlace(s, reg.ticket) : null;
    const attended = reg?.status === 'booked' || reg?.status === 'walk-in' ? reg.attended : undefined;
    const view = eventView(s.event, s.seats, { status: myStatusOf(reg?.status), position, attended, walkIn: reg?.status === 'walk-in' }, this.d.clock.now(), this.canManage(actor as Actor, s.event));
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
    c: EventCriteria & { from: Date; to: Date; where?: (e: PltEvent) => boolean },
    page: { limit: number; after?: string } = { limit: 200 },
  ): Promise<EventList> {
    // The list and the person's own index lines in parallel: one round of partition queries (each
    // may come from this instance's reads of the last moments: a list may lag a little).
    const [stored, mine] = await Promise.all([this.inRange(c.from, c.to), this.d.personIndex.list(actor.id, { recent: true })]);
    const matching = stored.filter(({ event }) => matchesCriteria(event, c) && (!c.where || c.where(event)));
    const ordered = matching.filter((s) => !page.after || cursorOf(s.event) > page.after);
    const slice = ordered.slice(0, page.limit);
    // The person's place is read only where their index says they may have one.
    const maybeMine = new Set(mine.map((m) => m.eventId));
    const items = await runLimited(slice, 16, async (s) => {
      const copy = maybeMine.has(s.event.id) ? this.lines.peek(s.event.id, COPY_FRESH_MS) : undefined;
      const reg = !maybeMine.has(s.event.id) ? null : copy ? (copy.regs.get(actor.id) ?? null) : await this.d.repo.registration(s.event.id, actor.id, { recent: true });
      return (await this.viewWithReg(actor, s, reg)).view;
    });
    const result: EventList = { items, total: matching.length };
    if (ordered.length > page.limit) result.next = Buffer.from(cursorOf(slice[slice.length - 1].event)).toString('base64url');
    return result;
  }

  /**
   * Events whose start lies in [from, to), in start order, from the index lines' listings (the read
   * model: may lag the partitions by a few seconds). Lines without a listing are checked against
   * their partition and upgraded. Where this instance holds a newer copy of an event's partition
   * (its own commits), that copy is shown.
   */
  async inRange(from: Date, to: Date): Promise<StoredEvent[]> {
    const lines = await this.d.index.range(from, to);
    const best = new Map<string, Listing>();
    const unlisted = new Set<string>();
    for (const line of lines) {
      if (!line.listing) {
        unlisted.add(line.eventId);
        continue;
      }
      const seen = best.get(line.eventId);
      // A moved event may leave a line behind for a moment: the newer edit wins.
      if (!seen || newer(line.listing, seen)) best.set(line.eventId, line.listing);
    }
    const unchecked = [...unlisted].filter((id) => !best.has(id));
    await runLimited(unchecked, 16, async (id) => {
      const s = await this.d.repo.get(id);
      if (!s) return;
      const listing = listingOf(s.event, s.seats);
      best.set(id, listing);
      this.refreshIndex(listing);
    });
    const out: StoredEvent[] = [];
    for (const [id, listing] of best) {
      const copy = this.lines.peek(id, 60_000);
      // This instance's copy when it holds a later commit (before commits were counted: later in time).
      const mineIsNewer = copy && (listing.seats.commits !== undefined ? (copy.seats.commits ?? 0) > listing.seats.commits : copy.confirmedAt > listing.at);
      const s = mineIsNewer ? { event: copy.event, seats: copy.seats, etag: '' } : { event: listing.event, seats: listedSeats(listing), etag: '' };
      if (s.event.start >= from && s.event.start < to) out.push(s);
    }
    // Start, then id: the same order as the `next` cursor (start|id), so pages never overlap or skip.
    return out.sort((a, b) => a.event.start.getTime() - b.event.start.getTime() || (a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0));
  }

  /** A waiting person's place: from the event's waitlist history when known, else counted in the partition. */
  private async waitlistPlace(s: StoredEvent, ticket: number): Promise<number> {
    return waitlistPlaceOf(s.seats, ticket) ?? (await this.d.repo.waitlistPlace(s.event.id, ticket));
  }

  /**
   * Writes the event's listing to its index lines soon (after a seat commit, an upgrade), once per
   * burst of commits, then reads the event row and writes again if another instance committed
   * meanwhile — so lines settle on the partition whichever instance committed. Two instances'
   * refreshes crossing cannot put an older state back: the index writes a listing only over an
   * older commit of the event row (read, compare, write If-Match). Never throws.
   */
  refreshIndex(listing: Listing): void {
    const id = listing.event.id;
    const running = this.refreshing.get(id);
    if (running) {
      if (!running.next || listing.at >= running.next.at) running.next = listing;
      return;
    }
    const state: { next?: Listing } = { next: listing };
    this.refreshing.set(id, state);
    void (async () => {
      try {
        await new Promise((r) => setTimeout(r, REFRESH_DELAY_MS));
        for (let round = 0; state.next && round < 20; round++) {
          const written = state.next;
          state.next = undefined;
          await this.d.index.refresh(written);
          if (state.next) continue; // a newer commit of ours came in meanwhile: write that
          const head = await this.d.repo.get(id);
          const truth = head ? listingOf(head.event, head.seats) : undefined;
          if (truth && fingerprint(truth) !== fingerprint(written)) state.next = truth;
        }
      } catch (e) {
        this.d.logger.warn({ eventId: id, err: errorSummary(e) }, 'could not refresh the event list lines; the next commit or read will');
      } finally {
        this.refreshing.delete(id);
      }
    })();
  }

  // ---- organisers -------------------------------------------------------------------------

  private async checkChannel(channelId: string | undefined): Promise<void> {
    if (!channelId) return;
    if (!(await this.d.channels.get(channelId))) throw invalid(`There is no channel “${channelId.slice(0, 60)}”.`, { field: 'channelId' });
  }

  /** Creates one event, or a weekly/monthly series. The first is the one asked for. */
  async create(actor: Actor, input: Record<string, unknown>, options: { id?: (fields: EventFields, i: number) => string; meetingNow?: boolean } & OnBehalf = {}): Promise<PltEvent[]> {
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
      meeting: f.teamsMeeting ? { ...NO_MEETING, status: 'pending' } : NO_MEETING,
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
      // The event exists now: its lines may list it without a look at the partition.
      await this.d.index.refresh(listingOf(e, EMPTY_SEATS));
      await this.scheduleReminders(e);
      await this.scheduleAttendanceReads(e);
      created.push(e);
    }
    this.d.logger.info({ events: created.length, series: !!seriesId, teamsMeetings: created.filter((e) => e.teamsMeeting).length }, 'events created');
    // The first event's Teams meeting is made while the person waits (its answer says how it went);
    // a series' others follow through the job at once.
    for (const [i, e] of created.entries()) if (e.teamsMeeting) await this.startMeetingWork(e.id, i === 0 && options.meetingNow !== false ? 'now' : 'job', options.delegated);
    return created;
  }

  async update(actor: Actor, eventId: unknown, input: Record<string, unknown>, options: OnBehalf = {}): Promise<EventView> {
    const s = await this.stored(eventId);
    if (!this.canManage(actor, s.event)) throw forbidden('Only organisers and coordinators of this event’s hub can change it.');
    // Check what we can before queueing: the hub moves only between hubs the person organises.
    const now = this.d.clock.now();
    const preview = readEventFields(input, now, fieldsOf(s.event));
    if (preview.hub !== s.event.hub) requireRole(actor, 'organiser', preview.hub, 'move events to that hub');
    if (preview.channelId !== s.event.channelId) await this.checkChannel(preview.channelId);
    const before = entryOf(s.event);
    const guess = entryOf({ ...s.event, ...preview });
    // Written before the change so the event can be found at its new time; no listing until it commits.
    await this.d.index.put(guess);
    let outcome: Outcome;
    try {
      outcome = await this.lines.submit(s.event.id, { kind: 'update', input });
    } catch (e) {
      await this.d.index.put(before, listingOf(s.event, s.seats)).catch(() => undefined);
      if (!sameIndexKeys(before, guess)) await this.d.index.remove(guess, before).catch(() => undefined);
      throw e;
    }
    if (outcome.kind !== 'event') throw conflict('The event changed while you were editing it. Please try again.');
    const after = entryOf(outcome.event);
    await this.d.index.put(after, listingOf(outcome.event, outcome.seats));
    if (!sameIndexKeys(before, after)) await this.d.index.remove(before, after);
    if (!sameIndexKeys(guess, after)) await this.d.index.remove(guess, after);
    if (outcome.moved) await this.scheduleReminders(outcome.event);
    if (outcome.moved || outcome.event.teamsMeeting !== s.event.teamsMeeting || outcome.event.onlineMeetingUrl !== s.event.onlineMeetingUrl) await this.scheduleAttendanceReads(outcome.event);
    if (outcome.event.sequence !== s.event.sequence) await this.tellRegistrants(outcome.event, outcome.moved ? 'moved' : 'changed');
    if (meetingWork(outcome.event)) {
      await this.startMeetingWork(outcome.event.id, 'now', options.delegated);
      return this.view(actor, outcome.event.id);
    }
    return (await this.viewWithReg(actor, { event: outcome.event, seats: outcome.seats, etag: '' })).view;
  }

  async cancelEvent(actor: Actor, eventId: unknown, reason?: unknown, options: OnBehalf = {}): Promise<EventView> {
    const s = await this.stored(eventId);
    if (!this.canManage(actor, s.event)) throw forbidden('Only organisers and coordinators of this event’s hub can cancel it.');
    const why = cleanText(typeof reason === 'string' ? reason.slice(0, 300) : '', 300) ?? '';
    const outcome = await this.lines.submit(s.event.id, { kind: 'cancel-event' });
    if (outcome.kind !== 'event') throw conflict('The event changed; please try again.');
    await this.d.index.put(entryOf(outcome.event), listingOf(outcome.event, outcome.seats));
    await this.cancelReminders(outcome.event.id);
    await this.scheduleAttendanceReads(outcome.event);
    if (s.event.status !== 'cancelled') await this.tellRegistrants(outcome.event, 'cancelled', why);
    if (meetingWork(outcome.event)) {
      await this.startMeetingWork(outcome.event.id, 'now', options.delegated);
      return this.view(actor, outcome.event.id);
    }
    return (await this.viewWithReg(actor, { event: outcome.event, seats: outcome.seats, etag: '' })).view;
  }

  // ---- Teams meetings ---------------------------------------------------------------------

  /**
   * Sets the durable job first (so the work is done even if this process dies), then does the
   * work here at once (`now`) or leaves it to the job, due at once (`job`).
   */
  private async startMeetingWork(eventId: string, when: 'now' | 'job', delegated?: DelegatedAccess): Promise<void> {
    const dueAt = new Date(this.d.clock.now().getTime() + (when === 'now' ? MEETING_SAFETY_NET_MS : 0));
    await this.d.scheduler.schedule({ key: meetingKey(eventId), kind: MEETING_KIND, dueAt, payload: { eventId } });
    if (when === 'now') await this.syncMeeting(eventId, delegated);
  }

  /**
   * Does what the event's Teams meeting needs from Graph now and records how it went: done (the job
   * is dropped), to be tried again (the job is moved to the retry time), or given up (with words the
   * organiser reads). One at a time per event in this process; Graph's transaction id and the state
   * it leaves make a second instance's round harmless. Also the job handler's body.
   */
  async syncMeeting(eventId: string, delegated?: DelegatedAccess): Promise<void> {
    const previous = this.meetingWork.get(eventId) ?? Promise.resolve();
    const mine = previous.catch(() => undefined).then(() => this.syncMeetingNow(eventId, delegated));
    this.meetingWork.set(eventId, mine);
    try {
      await mine;
    } finally {
      if (this.meetingWork.get(eventId) === mine) this.meetingWork.delete(eventId);
    }
  }

  private async syncMeetingNow(eventId: string, delegated?: DelegatedAccess): Promise<void> {
    // A change made while Graph was busy is picked up by the next round (a few at most).
    for (let round = 0; round < 3; round++) {
      const stored = await this.d.repo.get(eventId);
      const work = stored ? meetingWork(stored.event) : null;
      if (!stored || !work) {
        await this.d.scheduler.cancel(meetingKey(eventId));
        return;
      }
      const outcome = await this.d.meetings.run(stored.event, work, delegated);
      const settled = await this.recordMeeting(eventId, outcome);
      if (outcome.kind === 'failed' && outcome.retry && outcome.retryAt) {
        await this.d.scheduler.schedule({ key: meetingKey(eventId), kind: MEETING_KIND, dueAt: outcome.retryAt, payload: { eventId } });
        return;
      }
      // The joining link came (or went): people already booked get it in their invites.
      if (settled.sequence !== stored.event.sequence && settled.status === 'scheduled' && stored.seats.booked + stored.seats.waitlisted > 0) await this.tellRegistrants(settled, 'changed');
      if (outcome.kind === 'failed' || outcome.kind === 'unavailable') {
        await this.d.scheduler.cancel(meetingKey(eventId));
        return;
      }
    }
  }

  /** Records what Graph did for the event's Teams meeting (or the attendance report's reading). */
  async recordMeeting(eventId: string, outcome: MeetingOutcome): Promise<PltEvent> {
    const settled = await this.lines.settle(eventId, { kind: 'meeting', outcome });
    return settled.event;
  }

  /** What Teams' attendance report says, recorded (organisers' own marks kept); how many attended. */
  async recordTeamsAttendance(eventId: string, decisions: AttendanceDecision[], names: Readonly<Record<string, string>>): Promise<number> {
    let marked = 0;
    for (let i = 0; i < decisions.length; i += TEAMS_ATTENDANCE_CHUNK) {
      const outcome = await this.lines.submit(eventId, { kind: 'teams-attendance', decisions: decisions.slice(i, i + TEAMS_ATTENDANCE_CHUNK), names });
      if (outcome.kind === 'attendance') marked += outcome.marked;
    }
    return marked;
  }

  /**
   * Teams' attendance report is read ATTENDANCE_AFTER after the end and again a day later, for an
   * event with a Teams meeting (the app's own, or a Teams link pasted by hand) while Graph is on.
   */
  async scheduleAttendanceReads(e: PltEvent): Promise<void> {
    const wanted = e.status === 'scheduled' && this.d.meetings.live && (e.teamsMeeting || isTeamsJoinUrl(e.onlineMeetingUrl));
    for (const read of [1, 2] as const) {
      const key = attendanceKey(e.id, read);
      if (!wanted) await this.d.scheduler.cancel(key);
      // The end it was set for travels with it: a read set for an earlier end is dropped (retries keep it).
      else await this.d.scheduler.schedule({ key, kind: ATTENDANCE_KIND, dueAt: this.attendanceReadAt(e, read), payload: { eventId: e.id, read, end: e.end.toISOString() } });
    }
  }

  attendanceReadAt(e: Pick<PltEvent, 'end'>, read: 1 | 2): Date {
    return new Date(e.end.getTime() + this.d.config.attendanceAfterMs + (read === 2 ? SECOND_ATTENDANCE_READ_MS : 0));
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
    // Walk-ins hold no place: news about the event is for the booked and the waiting.
    const regs = (await this.d.repo.registrations(eventId)).filter((r) => r.status !== 'walk-in');
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

  /**
   * Books a place (or the waitlist). `options.warnings`: the caller will show this person's
   * warnings for the event next (the card after a sign-up), so what they need (profile, other
   * bookings) is read while the booking commits rather than after.
   */
  async signUp(actor: Actor, eventId: unknown, options: { warnings?: boolean } = {}): Promise<SignupResult> {
    if (!isEventId(eventId)) throw notFound('No event with that id.');
    if (options.warnings) this.prefetchWarnings(actor.id, eventId);
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
    // Lists show the counts from the index lines: bring them up to this commit (soon, once per burst).
    if (plan.changed) this.refreshIndex(listingOf(plan.event, plan.seats));
    if (!plan.promoted.length) return;
    const rows = new Map<UserId, Registration>();
    for (const w of plan.writes) if (w.type === 'create' || w.type === 'update') rows.set(w.reg.userId, w.reg);
    // Each notice was written as an outbox row with the seat (RowWrite put-outbox): deliver it, then
    // clear the row. A crash in between leaves the row for deliverOutbox; the key keeps it exactly-once.
    await runLimited(plan.promoted, 8, (p) => this.deliverPromotion({ eventId, userId: p.userId, number: p.number }, plan.event, plan.seats, rows.get(p.userId)));
  }

  private async deliverPromotion(entry: OutboxEntry, event: PltEvent, seats: Seats, reg: Registration | undefined): Promise<void> {
    const view = eventView(event, seats, { status: 'booked', position: null }, this.d.clock.now(), false);
    await this.d.notifier.notify(entry.userId, promotedNotice(view, reg ? this.inviteUrl(entry.eventId, reg) : undefined), noticeKeys.promoted(entry.eventId, entry.userId, entry.number), 'booking');
    await this.d.repo.clearOutbox(entry);
  }

  /**
   * Promotion notices a crash left in the outbox (committed seat, notice not yet handed over):
   * delivered now, under the same key, so nobody is told twice. Run at start-up and by a sweep.
   */
  async deliverOutbox(): Promise<number> {
    let delivered = 0;
    for (const entry of await this.d.repo.outbox()) {
      const loaded = await this.d.repo.load(entry.eventId);
      const reg = loaded?.regs.get(entry.userId);
      // Still booked on a live event: tell them. Otherwise (cancelled since, erased) the row just goes.
      if (loaded && reg?.status === 'booked' && loaded.event.status === 'scheduled') {
        await this.deliverPromotion(entry, loaded.event, loaded.seats, reg);
        delivered++;
      } else await this.d.repo.clearOutbox(entry);
    }
    return delivered;
  }

  // ---- rosters and attendance -------------------------------------------------------------

  async roster(actor: Actor, eventId: unknown): Promise<Roster> {
    const s = await this.stored(eventId);
    if (!this.canManage(actor, s.event)) throw forbidden('Only organisers and coordinators of this event’s hub can see the roster.');
    const regs = await this.d.repo.registrations(s.event.id);
    const [details, { view }] = await Promise.all([this.d.people.details(regs.map((r) => r.userId)), this.viewWithReg(actor, s)]);
    const items = rosterLines(regs, details, { guestDetails: hasRole(actor, 'coordinator', s.event.hub) });
    const attendanceOpen = s.event.status === 'scheduled' && this.d.clock.now() >= s.event.start;
    const m = s.event.meeting;
    const teamsAttendance =
      s.event.teamsMeeting || m.attendanceReadAt || m.attendanceMessage
        ? { ...(m.attendanceReadAt ? { readAt: m.attendanceReadAt.toISOString() } : {}), ...(m.attendanceMessage ? { message: m.attendanceMessage } : {}) }
        : null;
    return { event: view, items, anonymousBooked: s.seats.anonBooked, attendanceOpen, teamsAttendance };
  }

  /**
   * An organiser's attendance: `attended` alone is everyone who came (whoever it changes is set);
   * with `absent`, just the people named either way. Their marks always stand over Teams'.
   */
  async markAttendance(actor: Actor, eventId: unknown, attended: unknown, absent?: unknown): Promise<AttendanceAnswer> {
    const s = await this.stored(eventId);
    if (!this.canManage(actor, s.event)) throw forbidden('Only organisers and coordinators of this event’s hub can mark attendance.');
    const present = readIdList(attended, 'attended', 'attended must be a list of the user ids of people who attended.') ?? [];
    const away = readIdList(absent, 'absent', 'absent must be a list of the user ids of people who did not attend.');
    const outcome = await this.lines.submit(s.event.id, { kind: 'attendance', attended: present, ...(away ? { absent: away } : {}) });
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
  async busy(userId: UserId, from: Date, to: Date, exceptEventId?: string, known?: PersonEntry[]): Promise<{ start: Date; end: Date; eventId: string; title: string }[]> {
    const entries = known ?? (await this.d.personIndex.list(userId));
    // The person's index lines carry each booking's times (rewritten when an event moves), so only
    // bookings that overlap by those times are read from their partitions.
    const near = [...new Set(entries.filter((e) => e.eventId !== exceptEventId && e.start < to && e.end > from).map((e) => e.eventId))];
    const busy = await runLimited(near, 16, async (id) => {
      const { s, reg } = await this.withRegistration(id, userId).catch((e: unknown) => {
        if (isAppError(e) && e.kind === 'not-found') return { s: null, reg: null };
        throw e;
      });
      if (!s || s.event.status !== 'scheduled' || !(s.event.start < to && s.event.end > from)) return null;
      return reg?.status === 'booked' ? { start: s.event.start, end: s.event.end, eventId: id, title: s.event.title } : null;
    });
    return busy.filter((b): b is { start: Date; end: Date; eventId: string; title: string } => !!b).sort((a, b) => a.start.getTime() - b.start.getTime());
  }

  /** Warnings shown before or after booking: a clash with another booking, or not their profession. */
  async warnings(actor: Actor, v: EventView): Promise<string[]> {
    if (v.status === 'cancelled') return [];
    const [profile, entries] = await (this.takePrefetched(actor.id, v.id) ?? this.warningInputs(actor.id));
    return this.warningsFrom(actor, v, profile, entries);
  }

  private warningInputs(userId: UserId): Promise<[ProfileRecord | null, PersonEntry[]]> {
    return Promise.all([this.d.people.getProfile(userId), this.d.personIndex.list(userId)]);
  }

  private prefetchWarnings(userId: UserId, eventId: string): void {
    const now = Date.now();
    for (const [key, p] of this.prefetched) if (now - p.at > PREFETCH_MS || this.prefetched.size > 1000) this.prefetched.delete(key);
    const inputs = this.warningInputs(userId);
    inputs.catch(() => undefined); // read (and its failure seen) by whoever takes it; none if nobody does
    this.prefetched.set(`${userId}|${eventId}`, { at: now, inputs });
  }

  private takePrefetched(userId: UserId, eventId: string): Promise<[ProfileRecord | null, PersonEntry[]]> | undefined {
    const key = `${userId}|${eventId}`;
    const p = this.prefetched.get(key);
    this.prefetched.delete(key);
    return p && Date.now() - p.at <= PREFETCH_MS ? p.inputs : undefined;
  }

  private async warningsFrom(actor: Actor, v: EventView, profile: ProfileRecord | null, entries: PersonEntry[]): Promise<string[]> {
    const out: string[] = [];
    if (v.status === 'cancelled') return out;
    if (profile && v.professions.length && !v.professions.includes(profile.profession)) {
      const aimed = v.professions.map((p) => PROFESSION_NAMES[p as Profession] ?? p).join(', ');
      out.push(`This event is aimed at ${aimed.toLowerCase()}; as a ${PROFESSION_NAMES[profile.profession].toLowerCase()} you can still book.`);
    }
    const clashes = await this.busy(actor.id, new Date(v.start), new Date(v.end), v.id, entries);
    for (const other of clashes.slice(0, 3)) out.push(`It clashes with “${other.title}” (${formatLondonRange(other.start, other.end)}), which you are booked on.`);
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

/** A list of user ids (array, or comma-separated text); undefined when not given. */
function readIdList(value: unknown, field: string, message: string): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',').map((x) => x.trim()).filter(Boolean) : null;
  if (!list || list.length > 1000 || !list.every(isValidUserId)) throw invalid(message, { field });
  return [...new Set(list as string[])];
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
