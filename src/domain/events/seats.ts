// The seat rules, as one pure function over a snapshot of an event's partition: a batch of
// sign-ups, cancellations and edits in order becomes the rows to write (one Table transaction)
// and what each person is told. Capacity is never exceeded here; the ETag on the event row makes
// sure the snapshot is still current when the transaction commits.
import { AppError, conflict, invalid } from '../errors.js';
import type { UserId } from '../people/person.js';
import { MAX_LEFT_TICKETS, myStatusOf, signupClosedReason, type CancelledInvite, type MyStatus, type PltEvent, type Registration, type Seats } from './event.js';
import { fieldsOf, readEventFields, readTeamsMeeting } from './input.js';
import { applyMeetingOutcome, meetingAfterChange, type MeetingOutcome } from './meeting.js';
import type { AttendanceDecision } from './attendance.js';

export type SeatOp =
  | { kind: 'signup'; userId: UserId; name: string; inviteToken: string }
  | { kind: 'cancel'; userId: UserId }
  /** "Forget me": like cancel before the event; afterwards the row goes and only counts remain. */
  | { kind: 'erase'; userId: UserId }
  /** An organiser's change: the fields given are applied to the event as it is now. */
  | { kind: 'update'; input: Record<string, unknown> }
  /** The organiser erased their data: the event stays, without their name. */
  | { kind: 'forget-organiser'; userId: UserId }
  | { kind: 'cancel-event' }
  /**
   * An organiser's attendance. Without `absent`: the list of everyone who attended (people booked
   * or walked in); whoever it changes is set by the organiser. With `absent`: only the people named
   * either way are set, each by the organiser. Either way Teams never overrules them afterwards.
   */
  | { kind: 'attendance'; attended: UserId[]; absent?: UserId[] }
  /** What Teams' attendance report says (attendance.ts); organisers' own marks are kept. */
  | { kind: 'teams-attendance'; decisions: AttendanceDecision[]; names: Readonly<Record<UserId, string>> }
  /** Records what Graph did (or could not do) for the event's Teams meeting. */
  | { kind: 'meeting'; outcome: MeetingOutcome }
  /** Fill seats freed by a capacity change that one transaction could not finish. */
  | { kind: 'reconcile' };

export type Outcome =
  | { kind: 'signup'; status: 'booked' | 'waitlisted'; position?: number; already: boolean }
  | { kind: 'cancel'; previous: MyStatus }
  | { kind: 'event'; event: PltEvent; seats: Seats; moved: boolean }
  | { kind: 'attendance'; marked: number; unknown: UserId[] }
  | { kind: 'done' };

export type RowWrite =
  | { type: 'create'; reg: Registration }
  | { type: 'update'; reg: Registration; etag: string }
  | { type: 'delete'; userId: UserId; etag: string }
  /** A booking its owner cancelled (written or replaced), or that record gone (booked again, erased). */
  | { type: 'put-cancelled'; invite: CancelledInvite }
  | { type: 'delete-cancelled'; userId: UserId };

export interface StoredRegistration extends Registration {
  etag: string;
}

export interface PartitionSnapshot {
  event: PltEvent;
  seats: Seats;
  regs: ReadonlyMap<UserId, StoredRegistration>;
  /** Bookings their owners cancelled (absent: none). */
  cancelled?: ReadonlyMap<UserId, CancelledInvite>;
}

export interface Plan {
  /** How many ops from the front of the batch this plan covers (the rest wait for the next one). */
  consumed: number;
  outcomes: (Outcome | AppError)[];
  event: PltEvent;
  seats: Seats;
  /** False when nothing at all changes (the event row need not be written). */
  changed: boolean;
  writes: RowWrite[];
  promoted: { userId: UserId; number: number }[];
  /** People given a new row (their personal index entry must exist before the commit). */
  added: UserId[];
  /** People whose row goes (their personal index entry can go after the commit). */
  removed: UserId[];
  /** Seats are free and people wait, but the row budget ran out: plan again. */
  needsReconcile: boolean;
}

/** A Table transaction holds at most 100 operations; one is the event row. */
export const ROW_BUDGET = 99;

// Rows an op may write besides promotions' own: a cancel deletes the row, keeps the cancelled
// invite and promotes one person; an erase may also drop a cancelled invite.
const OP_ROWS: Record<SeatOp['kind'], number> = { signup: 1, cancel: 3, erase: 3, update: 0, 'forget-organiser': 0, 'cancel-event': 0, attendance: 0, reconcile: 0, meeting: 0, 'teams-attendance': 0 };
const opRows = (op: SeatOp) => (op.kind === 'teams-attendance' ? op.decisions.length : OP_ROWS[op.kind]);

/** Most rows one "teams-attendance" op may change (its caller splits longer rosters). */
export const TEAMS_ATTENDANCE_CHUNK = 90;

export function planBatch(snapshot: PartitionSnapshot, ops: readonly SeatOp[], now: Date, budget = ROW_BUDGET): Plan {
  let event = snapshot.event;
  const seats: Seats = { ...snapshot.seats, leftTickets: snapshot.seats.leftTickets && [...snapshot.seats.leftTickets] };
  const touched = new Map<UserId, Registration | null>();
  const current = (u: UserId): Registration | null => (touched.has(u) ? touched.get(u)! : (snapshot.regs.get(u) ?? null));
  const set = (u: UserId, r: Registration | null) => touched.set(u, r);
  // Cancelled invites written (or, null, removed) by this batch.
  const tombs = new Map<UserId, CancelledInvite | null>();
  const cancelledOf = (u: UserId): CancelledInvite | null => (tombs.has(u) ? tombs.get(u)! : (snapshot.cancelled?.get(u) ?? null));
  const rows = () => touched.size + tombs.size;
  let changed = false;
  const promoted: { userId: UserId; number: number }[] = [];
  const outcomes: (Outcome | AppError)[] = [];
  const signedUp: { index: number; userId: UserId; already: boolean }[] = [];

  // The waitlist in order of joining (tickets), kept up to date as the batch goes.
  const waitlist = [...snapshot.regs.values()].filter((r) => r.status === 'waitlisted').sort((a, b) => a.ticket - b.ticket).map((r) => r.userId);
  const leaveWaitlist = (u: UserId, ticket: number) => {
    const i = waitlist.indexOf(u);
    if (i >= 0) waitlist.splice(i, 1);
    if (seats.leftTickets && ticket) {
      // Kept sorted: a re-planned batch may remove people in any order.
      const at = seats.leftTickets.findIndex((t) => t > ticket);
      if (at < 0) seats.leftTickets.push(ticket);
      else seats.leftTickets.splice(at, 0, ticket);
      if (seats.leftTickets.length > MAX_LEFT_TICKETS) seats.leftTickets = undefined;
    }
  };

  const hasSeat = () => event.capacity === null || seats.booked < event.capacity;
  /** Moves people from the front of the waitlist into free seats, within the row budget. */
  const promote = (): boolean => {
    let any = false;
    while (hasSeat() && waitlist.length > 0) {
      const u = waitlist[0];
      if (!touched.has(u) && rows() >= budget) break;
      waitlist.shift();
      const r = current(u)!;
      set(u, { ...r, status: 'booked', bookedAt: now });
      seats.waitlisted--;
      seats.booked++;
      seats.promotions++;
      promoted.push({ userId: u, number: seats.promotions });
      changed = any = true;
    }
    return any;
  };

  const leave = (u: UserId, promoteAfter: boolean, keepInvite: boolean): MyStatus => {
    const r = current(u);
    if (!r) return 'none';
    set(u, null);
    // Their invite link must now say "cancelled", newer than any copy they had.
    if (keepInvite && r.inviteToken) tombs.set(u, { userId: u, inviteToken: r.inviteToken, inviteSeq: (r.inviteSeq ?? 0) + 1, cancelledAt: now });
    if (r.status === 'booked') seats.booked--;
    else if (r.status === 'waitlisted') {
      seats.waitlisted--;
      leaveWaitlist(u, r.ticket);
    }
    changed = true;
    if (promoteAfter) promote();
    return myStatusOf(r.status);
  };

  let consumed = 0;
  for (const op of ops) {
    if (rows() + opRows(op) + (op.kind === 'signup' && cancelledOf(op.userId) ? 1 : 0) > budget && consumed > 0) break;
    consumed++;
    try {
      switch (op.kind) {
        case 'signup': {
          const mine = current(op.userId);
          if (mine?.status === 'walk-in') throw invalid(signupClosedReason(event, now)?.message ?? 'You attended this event without a booking; there is nothing to book now.');
          if (mine) {
            signedUp.push({ index: outcomes.length, userId: op.userId, already: true });
            outcomes.push({ kind: 'done' });
            break;
          }
          const closed = signupClosedReason(event, now);
          if (closed) throw invalid(closed.message);
          // Booking again after cancelling: the same invite link, newer than its cancellation.
          const before = cancelledOf(op.userId);
          if (before) tombs.set(op.userId, null);
          const invite = before ? { inviteToken: before.inviteToken, inviteSeq: before.inviteSeq + 1 } : { inviteToken: op.inviteToken };
          const base = { userId: op.userId, name: op.name, joinedAt: now, attended: false, ...invite };
          if (hasSeat() && waitlist.length === 0) {
            set(op.userId, { ...base, status: 'booked', ticket: 0, bookedAt: now });
            seats.booked++;
          } else {
            seats.lastTicket++;
            set(op.userId, { ...base, status: 'waitlisted', ticket: seats.lastTicket });
            seats.waitlisted++;
            waitlist.push(op.userId);
          }
          changed = true;
          signedUp.push({ index: outcomes.length, userId: op.userId, already: false });
          outcomes.push({ kind: 'done' });
          break;
        }
        case 'cancel': {
          const mine = current(op.userId);
          if (mine && event.status !== 'cancelled' && now >= event.start) throw invalid('This event has already started, so the booking can no longer be cancelled.');
          outcomes.push({ kind: 'cancel', previous: leave(op.userId, event.status !== 'cancelled', true) });
          break;
        }
        case 'erase': {
          const mine = current(op.userId);
          if (cancelledOf(op.userId)) {
            tombs.set(op.userId, null);
            changed = true;
          }
          if (mine && now >= event.start) {
            // Past: the person goes, the fact that someone came stays as a number.
            set(op.userId, null);
            if (mine.status === 'booked') {
              seats.anonBooked++;
              if (mine.attended) seats.anonAttended++;
            } else if (mine.status === 'waitlisted') {
              seats.waitlisted--;
              leaveWaitlist(op.userId, mine.ticket);
            } else if (mine.attended) seats.anonAttended++;
            changed = true;
            outcomes.push({ kind: 'cancel', previous: myStatusOf(mine.status) });
          } else outcomes.push({ kind: 'cancel', previous: leave(op.userId, event.status !== 'cancelled', false) });
          break;
        }
        case 'update': {
          if (event.status === 'cancelled') throw conflict('This event has been cancelled and can no longer be changed.');
          const f = readEventFields(op.input, now, fieldsOf(event));
          if (f.capacity !== null && f.capacity < seats.booked) {
            throw invalid(`${seats.booked} ${seats.booked === 1 ? 'person is' : 'people are'} booked, so the capacity cannot go below ${seats.booked}.`, { field: 'capacity' });
          }
          const moved = f.start.getTime() !== event.start.getTime() || f.end.getTime() !== event.end.getTime();
          const visible = moved || f.location !== event.location || f.onlineMeetingUrl !== event.onlineMeetingUrl || f.title !== event.title;
          const askedAgain = op.input.teamsMeeting !== undefined && readTeamsMeeting(op.input.teamsMeeting);
          event = { ...event, ...f, meeting: meetingAfterChange(event, f.teamsMeeting, askedAgain), sequence: event.sequence + (visible ? 1 : 0), updatedAt: now };
          changed = true;
          promote();
          outcomes.push({ kind: 'event', event, seats: { ...seats }, moved });
          break;
        }
        case 'forget-organiser': {
          if (event.organiserId === op.userId || event.meeting.ownerId === op.userId) {
            const meeting = event.meeting.ownerId === op.userId ? { ...event.meeting, ownerId: undefined } : event.meeting;
            event = { ...event, ...(event.organiserId === op.userId ? { organiserId: '', organiserName: '' } : {}), meeting, updatedAt: now };
            changed = true;
          }
          outcomes.push({ kind: 'done' });
          break;
        }
        case 'cancel-event': {
          if (event.status === 'cancelled') {
            outcomes.push({ kind: 'event', event, seats: { ...seats }, moved: false });
            break;
          }
          if (now >= event.end) throw invalid('This event has already taken place, so it cannot be cancelled.');
          event = { ...event, status: 'cancelled', sequence: event.sequence + 1, updatedAt: now };
          changed = true;
          outcomes.push({ kind: 'event', event, seats: { ...seats }, moved: false });
          break;
        }
        case 'attendance': {
          if (now < event.start) throw invalid('Attendance can be marked once the event has started.');
          if (event.status === 'cancelled') throw conflict('This event was cancelled; there is no attendance to mark.');
          const present = (r: Registration | null): r is Registration => r?.status === 'booked' || r?.status === 'walk-in';
          const named = [...op.attended, ...(op.absent ?? [])];
          const unknown = named.filter((u) => !present(current(u)));
          if (unknown.length) throw invalid(`${unknown.length === 1 ? 'One person' : `${unknown.length} people`} on the list ${unknown.length === 1 ? 'is' : 'are'} not booked on this event.`, { field: 'attended', unknown });
          const wanted = new Set(op.attended);
          const both = (op.absent ?? []).filter((u) => wanted.has(u));
          if (both.length) throw invalid('Someone is marked both as attended and as absent.', { field: 'absent' });
          // A list of everyone who came sets whoever it changes; named people are set either way.
          const candidates = op.absent
            ? named.map((u) => current(u)!)
            : [...new Set([...snapshot.regs.keys(), ...touched.keys()])].map((u) => current(u)).filter(present);
          const sets = candidates.filter((r) => (op.absent ? r.attended !== wanted.has(r.userId) || r.attendanceSource !== 'organiser' : r.attended !== wanted.has(r.userId)));
          if (sets.length + rows() > budget) throw invalid(`Mark attendance in smaller groups (at most ${budget} changes at a time).`);
          for (const r of sets) set(r.userId, { ...r, attended: wanted.has(r.userId), attendanceSource: 'organiser' });
          if (sets.length) changed = true;
          outcomes.push({ kind: 'attendance', marked: wanted.size, unknown: [] });
          break;
        }
        case 'teams-attendance': {
          if (now < event.start) throw invalid('Attendance can be read once the event has started.');
          if (event.status === 'cancelled') throw conflict('This event was cancelled; there is no attendance to record.');
          let marked = 0;
          for (const d of op.decisions) {
            const r = current(d.userId);
            if (!r) {
              if (!d.walkIn || !d.attended) continue;
              set(d.userId, { userId: d.userId, name: op.names[d.userId] ?? '', status: 'walk-in', ticket: 0, joinedAt: now, attended: true, attendanceSource: 'teams', attendedMinutes: d.minutes, inviteToken: '' });
              marked++;
              continue;
            }
            // An organiser's mark stands; Teams only keeps the minutes.
            let next: Registration = r.attendanceSource === 'organiser' ? { ...r, attendedMinutes: d.minutes } : { ...r, attended: d.attended, attendanceSource: 'teams', attendedMinutes: d.minutes };
            // Someone still waiting who came anyway took no place: a walk-in now.
            if (r.status === 'waitlisted' && next.attended) {
              next = { ...next, status: 'walk-in' };
              seats.waitlisted--;
              leaveWaitlist(r.userId, r.ticket);
            }
            if (!sameRegistration(r, next)) set(d.userId, next);
            if (next.attended) marked++;
          }
          changed = true;
          outcomes.push({ kind: 'attendance', marked, unknown: [] });
          break;
        }
        case 'meeting': {
          event = { ...applyMeetingOutcome(event, op.outcome), updatedAt: now };
          changed = true;
          outcomes.push({ kind: 'event', event, seats: { ...seats }, moved: false });
          break;
        }
        case 'reconcile':
          promote();
          outcomes.push({ kind: 'done' });
          break;
      }
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      outcomes.push(e);
    }
  }
  // Seats may have been freed earlier in the batch with promotion deferred (cancelled event: none).
  if (event.status !== 'cancelled' && now < event.start) promote();

  // Where each person who signed up stands once the whole batch has applied.
  for (const s of signedUp) {
    const r = current(s.userId);
    if (!r) outcomes[s.index] = { kind: 'cancel', previous: 'none' };
    else outcomes[s.index] = { kind: 'signup', status: myStatusOf(r.status) === 'waitlisted' ? 'waitlisted' : 'booked', position: r.status === 'waitlisted' ? waitlist.indexOf(s.userId) + 1 : undefined, already: s.already };
  }

  const writes: RowWrite[] = [];
  const added: UserId[] = [];
  const removed: UserId[] = [];
  for (const [u, next] of touched) {
    const before = snapshot.regs.get(u);
    if (!before && next) {
      writes.push({ type: 'create', reg: next });
      added.push(u);
    } else if (before && !next) {
      writes.push({ type: 'delete', userId: u, etag: before.etag });
      removed.push(u);
    } else if (before && next && !sameRegistration(before, next)) writes.push({ type: 'update', reg: next, etag: before.etag });
  }
  for (const [u, invite] of tombs) {
    if (invite) writes.push({ type: 'put-cancelled', invite });
    else if (snapshot.cancelled?.has(u)) writes.push({ type: 'delete-cancelled', userId: u });
  }
  const needsReconcile = event.status !== 'cancelled' && now < event.start && hasSeat() && waitlist.length > 0;
  return { consumed, outcomes, event, seats, changed, writes, promoted: promoted.filter((p) => current(p.userId)?.status === 'booked'), added, removed, needsReconcile };
}

function sameRegistration(a: Registration, b: Registration): boolean {
  return (
    a.status === b.status &&
    a.ticket === b.ticket &&
    a.attended === b.attended &&
    a.attendanceSource === b.attendanceSource &&
    a.attendedMinutes === b.attendedMinutes &&
    a.name === b.name &&
    a.bookedAt?.getTime() === b.bookedAt?.getTime()
  );
}

/** Current places in the queue (1 = next to be promoted), from a snapshot's rows. */
export function waitlistPositions(regs: Iterable<Registration>): Map<UserId, number> {
  const waiting = [...regs].filter((r) => r.status === 'waitlisted').sort((a, b) => a.ticket - b.ticket);
  return new Map(waiting.map((r, i) => [r.userId, i + 1]));
}
