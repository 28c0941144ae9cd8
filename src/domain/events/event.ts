// A Protected Learning Time event and its seats. Times are UTC instants; people enter and read
// them in Europe/London (src/domain/time/london.ts).
import type { Hub } from '../people/hubs.js';
import type { Profession } from '../people/professions.js';
import type { UserId } from '../people/person.js';
import { formatLondonDate, formatLondonTime } from '../time/london.js';
import type { MeetingState } from './meeting.js';

export const CATEGORIES = ['plt', 'facilitation-development', 'cop-session', 'webinar', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_NAMES: Record<Category, string> = {
  plt: 'Protected Learning Time',
  'facilitation-development': 'Facilitation development',
  'cop-session': 'Community of Practice session',
  webinar: 'Webinar',
  other: 'Other',
};

/**
 * Learning done with others: what the NMC counts as participatory CPD for revalidation
 * (35 hours in three years, 20 of them participatory).
 */
export const PARTICIPATORY: readonly Category[] = ['plt', 'cop-session', 'facilitation-development'];

export function parseCategory(text: unknown): Category | null {
  if (typeof text !== 'string') return null;
  const code = text.trim().toLowerCase();
  if ((CATEGORIES as readonly string[]).includes(code)) return code as Category;
  const byName = CATEGORIES.find((c) => CATEGORY_NAMES[c].toLowerCase() === code);
  if (byName) return byName;
  const aliases: Record<string, Category> = { 'protected learning time': 'plt', cop: 'cop-session', 'facilitation': 'facilitation-development' };
  return aliases[code] ?? null;
}

export type EventStatus = 'scheduled' | 'cancelled';

/** The fields a person sets on an event (everything else is the app's). */
export interface EventFields {
  title: string;
  description: string;
  category: Category;
  hub: Hub;
  professions: Profession[];
  channelId?: string;
  start: Date;
  end: Date;
  location?: string;
  onlineMeetingUrl?: string;
  /** The app makes (and keeps) a Teams meeting for it in the organiser's calendar (meeting.ts). */
  teamsMeeting: boolean;
  /** null = unlimited. */
  capacity: number | null;
  signupOpens?: Date;
  signupCloses?: Date;
}

export interface PltEvent extends EventFields {
  id: string;
  organiserId: UserId;
  /** Kept with the event so CPD evidence still names the organiser later. */
  organiserName: string;
  seriesId?: string;
  status: EventStatus;
  /** iCalendar SEQUENCE: bumped on every change attendees should see (time, place, cancel). */
  sequence: number;
  /** Its Teams meeting, when one was asked for (NO_MEETING otherwise). */
  meeting: MeetingState;
  createdAt: Date;
  updatedAt: Date;
}

/** The event's seat counters, changed only together with the registration rows they count. */
export interface Seats {
  /** Booked registrations, including people who later erased their data (anonBooked). */
  booked: number;
  waitlisted: number;
  /** The last waitlist ticket handed out: tickets give the stable order of joining. */
  lastTicket: number;
  /** How many promotions from the waitlist so far (numbers each promotion notice). */
  promotions: number;
  /** Booked people who have since erased their data: kept only as a count. */
  anonBooked: number;
  /** People who attended (booked or walk-ins) and have since erased their data. */
  anonAttended: number;
  /**
   * Tickets of people who left the waitlist without being promoted, ascending. With `promotions`
   * this gives anyone's place without reading the waitlist (see waitlistPlaceOf). Undefined when
   * the history is not known (rows from before it was kept, or too many to keep on the row).
   */
  leftTickets?: number[];
}

export const EMPTY_SEATS: Seats = { booked: 0, waitlisted: 0, lastTicket: 0, promotions: 0, anonBooked: 0, anonAttended: 0, leftTickets: [] };

/** Beyond this many leavers the list is dropped (the event row must stay small) and places are counted instead. */
export const MAX_LEFT_TICKETS = 2000;

/**
 * A waiting person's current place (1 = next), from the event row alone. Promotions always take
 * the lowest ticket, so everyone promoted so far held a ticket below any ticket still waiting;
 * the people ahead are the tickets below mine, less those promoted and those who left.
 * Null when the leavers are not known.
 */
export function waitlistPlaceOf(seats: Seats, ticket: number): number | null {
  if (!seats.leftTickets) return null;
  let leftBefore = 0;
  for (const t of seats.leftTickets) {
    if (t >= ticket) break;
    leftBefore++;
  }
  return ticket - seats.promotions - leftBefore;
}

/**
 * booked and waitlisted: places taken and waited for (the seat counters count them). walk-in:
 * someone in the event's Teams meeting who had no place (never booked, or still waiting) — a row
 * so their attendance is kept and credited like anyone's, outside the seat counters.
 */
export type RegistrationStatus = 'booked' | 'waitlisted' | 'walk-in';

/** Who decided a registration's `attended`: Teams' attendance report, or an organiser (who always wins). */
export type AttendanceSource = 'teams' | 'organiser';
export const ATTENDANCE_SOURCES: readonly AttendanceSource[] = ['teams', 'organiser'];

/** One person's place on one event: one row in the event's partition. */
export interface Registration {
  userId: UserId;
  name: string;
  status: RegistrationStatus;
  /** Waitlist ticket (order of joining the waitlist); 0 for people who were booked straight away. */
  ticket: number;
  joinedAt: Date;
  bookedAt?: Date;
  /**
   * true = attended, and counts for CPD (and feedback, certificates, insights) whatever the status:
   * booked people and walk-ins alike. false with no `attendanceSource` = not recorded yet.
   */
  attended: boolean;
  /** Who set `attended`; absent while nobody has (rows from before it was kept: an organiser). */
  attendanceSource?: AttendanceSource;
  /** Minutes in the event's Teams meeting, summed over its attendance reports. */
  attendedMinutes?: number;
  /** The unguessable part of this booking's calendar-invite link. */
  inviteToken: string;
  /**
   * This person's own part of their invite's SEQUENCE (event.sequence + inviteSeq): it rises when
   * they cancel and when they book again, so each new copy replaces the last in their calendar.
   */
  inviteSeq?: number;
}

/**
 * What stays of a booking its owner cancelled: the invite link answers METHOD:CANCEL with a
 * higher SEQUENCE (so the entry leaves their calendar), and booking again reuses the link.
 * Kept in the event's partition; "forget me" removes it with the rest.
 */
export interface CancelledInvite {
  userId: UserId;
  inviteToken: string;
  inviteSeq: number;
  cancelledAt: Date;
}

/** The SEQUENCE of a person's own copy of the event (invite, or its cancellation). */
export const inviteSequence = (event: Pick<PltEvent, 'sequence'>, mine: { inviteSeq?: number }): number => event.sequence + (mine.inviteSeq ?? 0);

/** A person's own place as the API and cards show it (a walk-in holds no place: none, attended). */
export type MyStatus = 'none' | 'booked' | 'waitlisted';

export const myStatusOf = (status: RegistrationStatus | undefined): MyStatus => (status === 'booked' || status === 'waitlisted' ? status : 'none');

/** What a person sees on a card or page: their own place, or the event's state. */
export type SeatState = 'booked' | 'waitlisted' | 'open' | 'full' | 'closed' | 'not-open-yet' | 'cancelled';

export function signupWindow(event: PltEvent): { opens?: Date; closes: Date } {
  const closes = event.signupCloses && event.signupCloses < event.start ? event.signupCloses : event.start;
  return { opens: event.signupOpens, closes };
}

/** Why nobody can sign up right now, or null when sign-up is open. */
export function signupClosedReason(event: PltEvent, now: Date): { state: 'closed' | 'not-open-yet' | 'cancelled'; message: string } | null {
  if (event.status === 'cancelled') return { state: 'cancelled', message: 'This event has been cancelled.' };
  const { opens, closes } = signupWindow(event);
  if (opens && now < opens) return { state: 'not-open-yet', message: `Sign-up for this event opens on ${describeLondon(opens)}.` };
  if (now >= event.start) return { state: 'closed', message: 'This event has already started, so sign-up is closed.' };
  if (now >= closes) return { state: 'closed', message: `Sign-up for this event closed on ${describeLondon(closes)}.` };
  return null;
}

export function seatState(event: PltEvent, seats: Seats, mine: MyStatus, now: Date): SeatState {
  if (event.status === 'cancelled') return 'cancelled';
  if (mine !== 'none') return mine;
  const closed = signupClosedReason(event, now);
  if (closed) return closed.state;
  return event.capacity !== null && seats.booked >= event.capacity ? 'full' : 'open';
}

export const seatsLeft = (event: PltEvent, seats: Seats): number | null => (event.capacity === null ? null : Math.max(0, event.capacity - seats.booked));

export const hoursOf = (event: Pick<PltEvent, 'start' | 'end'>): number => Math.round(((event.end.getTime() - event.start.getTime()) / 3_600_000) * 100) / 100;

const describeLondon = (d: Date) => `${formatLondonDate(d)} at ${formatLondonTime(d)}`;
