// Events as the API, cards and tab see them: Event JSON (interfaces.md) with times as ISO 8601
// with the London offset, plus the seat figures and the person's own place.
import type { MyStatus, PltEvent, SeatState, Seats } from '../../domain/events/event.js';
import { seatState, seatsLeft, signupWindow } from '../../domain/events/event.js';
import { toLondonIso } from '../../domain/time/london.js';

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
  onlineMeetingUrl?: string;
  capacity: number | null;
  signupOpens?: string;
  signupCloses?: string;
  organiserId: string;
  seriesId?: string;
  status: 'scheduled' | 'cancelled';
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
  attended?: boolean;
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
  mine: { status: MyStatus; position: number | null; attended?: boolean },
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
  return view;
}
