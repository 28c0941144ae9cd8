// Events as the API, cards and tab see them: Event JSON (interfaces.md) with times as ISO 8601
// with the London offset, plus the seat figures and the person's own place; rosters, CPD records,
// calendar links and CSV import reports. Imports domain only; the tab imports these type-only.
import type { AttendanceSource, MyStatus, PltEvent, RegistrationStatus, SeatState, Seats } from '../domain/events/event.js';
import type { MeetingStatus } from '../domain/events/meeting.js';
import type { UserId } from '../domain/people/person.js';
import { seatState, seatsLeft, signupWindow } from '../domain/events/event.js';
import { toLondonIso } from '../domain/time/london.js';

export type { SeatState };

export interface EventJson {
  id: string;
  title: string;
  description: string;
  category: string;
  hub: string;
  professions: string[];
  channelId?: string;
  start: string;
  end: string;
  location?: string;
  /** Once its Teams meeting is created, the meeting's join URL. */
  onlineMeetingUrl?: string;
  /** The app makes a Teams meeting for it (input: "make this a Teams meeting"). */
  teamsMeeting: boolean;
  meeting: MeetingJson;
  capacity: number | null;
  signupOpens?: string;
  signupCloses?: string;
  organiserId: string;
  seriesId?: string;
  status: 'scheduled' | 'cancelled';
}

/** An event's Teams meeting: being set up, there (with its join URL), or not, with words to say why. */
export interface MeetingJson {
  status: MeetingStatus;
  joinUrl?: string;
  message?: string;
}

export interface EventView extends EventJson {
  booked: number;
  waitlisted: number;
  seatsLeft: number | null;
  myStatus: MyStatus;
  myWaitlistPosition: number | null;
  /** What the person sees: booked, waitlisted, open, full, closed, not-open-yet, cancelled. */
  state: SeatState;
  organiserName: string;
  sequence: number;
  /** When sign-up closes (the start unless set earlier). */
  signupClosesAt: string;
  /** The caller may edit, cancel and see the roster. */
  canManage: boolean;
  /** The person attended (booked or as a walk-in): it counts for their CPD. */
  attended?: boolean;
  /** They were in its Teams meeting without a place (attended is then true). */
  walkIn?: boolean;
}

export function eventJson(e: PltEvent): EventJson {
  const json: EventJson = {
    id: e.id,
    title: e.title,
    description: e.description,
    category: e.category,
    hub: e.hub,
    professions: e.professions,
    start: toLondonIso(e.start),
    end: toLondonIso(e.end),
    capacity: e.capacity,
    organiserId: e.organiserId,
    status: e.status,
    teamsMeeting: e.teamsMeeting,
    meeting: { status: e.meeting.status, ...(e.meeting.joinUrl ? { joinUrl: e.meeting.joinUrl } : {}), ...(e.meeting.message ? { message: e.meeting.message } : {}) },
  };
  if (e.channelId) json.channelId = e.channelId;
  if (e.location) json.location = e.location;
  if (e.onlineMeetingUrl) json.onlineMeetingUrl = e.onlineMeetingUrl;
  if (e.signupOpens) json.signupOpens = toLondonIso(e.signupOpens);
  if (e.signupCloses) json.signupCloses = toLondonIso(e.signupCloses);
  if (e.seriesId) json.seriesId = e.seriesId;
  return json;
}

export function eventView(
  e: PltEvent,
  seats: Seats,
  mine: { status: MyStatus; position: number | null; attended?: boolean; walkIn?: boolean },
  now: Date,
  canManage: boolean,
): EventView {
  const view: EventView = {
    ...eventJson(e),
    booked: seats.booked,
    waitlisted: seats.waitlisted,
    seatsLeft: seatsLeft(e, seats),
    myStatus: mine.status,
    myWaitlistPosition: mine.status === 'waitlisted' ? mine.position : null,
    state: seatState(e, seats, mine.status, now),
    organiserName: e.organiserName,
    sequence: e.sequence,
    signupClosesAt: toLondonIso(signupWindow(e).closes),
    canManage,
  };
  if (mine.attended !== undefined) view.attended = mine.attended;
  if (mine.walkIn) view.walkIn = true;
  return view;
}

/** GET /api/events */
export interface EventList {
  items: EventView[];
  total: number;
  next?: string;
}

/** GET /api/events/{id}: the event and anything worth a second look first (a clash, not their profession). */
export interface EventDetail extends EventView {
  warnings: string[];
}

/** POST /api/events (201): the first event, and the whole series when one was asked for. */
export interface CreatedEvent extends EventView {
  series?: EventJson[];
}

/** A person's booking or waitlist place, with the booking's calendar invite. */
export interface MyRegistration {
  event: EventView;
  inviteUrl: string | undefined;
}

/** GET /api/me/registrations items. */
export interface MyRegistrationJson extends EventView {
  inviteUrl?: string;
}

export const myRegistrationJson = (m: MyRegistration): MyRegistrationJson => ({ ...m.event, inviteUrl: m.inviteUrl });

/** POST /api/events/{id}/registrations (201) */
export interface SignupAnswer {
  status: 'booked' | 'waitlisted';
  position?: number;
  already: boolean;
  event: EventView;
}

/** DELETE /api/events/{id}/registrations/me */
export interface BookingCancelAnswer {
  status: 'none';
  previous: 'booked' | 'waitlisted' | 'none';
  event: EventView;
}

export interface RosterLine {
  userId: UserId;
  name: string;
  /** walk-in: in the Teams meeting without a place (listed after the booked and the waiting). */
  status: RegistrationStatus;
  position: number | null;
  joinedAt: string;
  bookedAt?: string;
  /** null: not recorded yet (nobody marked it and no Teams report said). */
  attended: boolean | null;
  /** Minutes in the Teams meeting, over all its attendance reports; null without a report. */
  attendedMinutes: number | null;
  /** Who recorded `attended`: Teams' attendance report or an organiser (whose mark always wins). */
  attendanceSource: AttendanceSource | null;
  /** Organisers and coordinators only; a guest's only to coordinators. */
  email?: string;
  profession?: string;
  pcn?: string;
  organisation?: string;
}

/** An event's roster as its organisers see it. */
export interface Roster {
  event: EventView;
  items: RosterLine[];
  /** Booked people who have since erased their data. */
  anonymousBooked: number;
  attendanceOpen: boolean;
  /** Teams' attendance report: when it was last read, and anything a person should know. */
  teamsAttendance: { readAt?: string; message?: string } | null;
}

/** GET /api/events/{id}/registrations */
export interface RosterAnswer extends Roster {
  booked: number;
  waitlisted: number;
  capacity: number | null;
}

export const rosterAnswer = (r: Roster): RosterAnswer => ({ ...r, booked: r.event.booked, waitlisted: r.event.waitlisted, capacity: r.event.capacity });

/** PUT /api/events/{id}/attendance */
export interface AttendanceAnswer {
  event: EventView;
  attended: number;
}

/** A private calendar feed link. */
export interface FeedInfo {
  url: string;
  createdAt: string;
}

/** GET /api/me/calendar */
export interface CalendarAnswer {
  feed: FeedInfo;
  hubFeeds: { hub: string; url: string }[];
}

/** POST /api/me/calendar (201): a new link; the old one stops working. */
export interface NewCalendarLinkAnswer {
  feed: FeedInfo;
}

export interface ImportLine {
  line: number;
  status: 'ok' | 'created' | 'exists' | 'error';
  title?: string;
  eventId?: string;
  message?: string;
}

/** POST /api/events/import: what every line of the CSV did (or would do). */
export interface ImportReport {
  dryRun: boolean;
  created: number;
  existing: number;
  errors: number;
  lines: ImportLine[];
}
