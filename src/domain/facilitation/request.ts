// A channel lead's request for a facilitator, and the offers made for it. One facilitator holds
// an offer at a time; the request's status says where it is:
//   matching → offered → confirmed            (accepted, or assigned by a coordinator)
//   offered → (decline | expiry) → offered to the next candidate, or escalated when nobody is left
//   confirmed → (facilitator withdraws) → matching again, without them
//   any open state or confirmed → cancelled   (the lead or a coordinator cancels; or the session
//                                               started before anyone was confirmed: "lapsed")
import { DateTime } from 'luxon';
import type { Hub } from '../people/hubs.js';
import type { UserId } from '../people/person.js';
import { invalid } from '../errors.js';
import { cleanText } from '../text.js';
import { LONDON, parseInstant } from '../time/london.js';
import { parseBoolean, parseFormat, FORMATS, type Format } from './facilitator.js';

export const REQUEST_STATUSES = ['matching', 'offered', 'confirmed', 'escalated', 'cancelled'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** Still looking for someone (shown on the coordinators' dashboard). */
export const OPEN_STATUSES: readonly RequestStatus[] = ['matching', 'offered', 'escalated'];
export const isOpen = (status: RequestStatus) => OPEN_STATUSES.includes(status);

export type OfferOutcome = 'open' | 'accepted' | 'declined' | 'expired' | 'withdrawn' | 'cancelled' | 'superseded' | 'removed';

export interface Offer {
  offerId: string;
  facilitatorId: UserId;
  offeredAt: Date;
  expiresAt: Date;
  /** Why this person was offered (shown to the lead and coordinators). */
  reasons: string[];
  outcome: OfferOutcome;
  decidedAt?: Date;
  /** Assigned by a coordinator rather than offered by matching. */
  byHand?: boolean;
}

export interface Candidate {
  userId: UserId;
  reasons: string[];
}

export interface FacilitationRequest {
  id: string;
  channelId: string;
  /** The hub whose coordinators look after it (the channel's, or the lead's for all-Kent channels). */
  hub: Hub;
  leadId: UserId;
  start: Date;
  end: Date;
  format: Format;
  topic: string;
  notes: string;
  /** The lead asked for someone who has worked with this channel before. */
  continuity: boolean;
  status: RequestStatus;
  facilitatorId?: UserId;
  offers: Offer[];
  /** The latest ranking, best first (open requests only). */
  candidates: Candidate[];
  /** People not to offer again: they declined, let the offer expire or withdrew. */
  excluded: UserId[];
  /** Why nobody could be offered, the last time matching found no one. */
  noMatchReasons: string[];
  escalations: number;
  /** iCalendar SEQUENCE: bumped on every change a calendar entry should follow. */
  sequence: number;
  /** Unguessable calendar link tokens, one per person (lead, facilitators confirmed). */
  calendarTokens: CalendarToken[];
  createdAt: Date;
  updatedAt: Date;
  confirmedAt?: Date;
  cancelledAt?: Date;
  cancelReason?: 'lead' | 'coordinator' | 'lapsed' | 'erased';
}

export interface CalendarToken {
  userId: UserId;
  token: string;
}

export const tokenOf = (r: FacilitationRequest, userId: UserId | undefined): string | undefined =>
  userId ? r.calendarTokens.find((t) => t.userId === userId)?.token : undefined;

export const openOffer = (r: FacilitationRequest): Offer | undefined => (r.status === 'offered' ? r.offers.find((o) => o.outcome === 'open') : undefined);

/** Every person a request names (its lead, facilitator, offers and candidates). */
export const peopleIn = (r: FacilitationRequest): UserId[] => [r.leadId, r.facilitatorId, ...r.offers.map((o) => o.facilitatorId), ...r.candidates.map((c) => c.userId)].filter((x): x is UserId => !!x);

export const LIMITS = { topic: 200, notes: 2000, maxHours: 12, maxDaysAhead: 366 } as const;

export interface RequestInput {
  channelId: string;
  start: Date;
  end: Date;
  format: Format;
  topic: string;
  notes: string;
  continuity: boolean;
}

/** "HH:MM" on the London date of `day` → instant. */
function atLondonTime(day: DateTime, time: string): Date | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(time.trim());
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return null;
  const dt = DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour: Number(m[1]), minute: Number(m[2]) }, { zone: LONDON });
  return dt.isValid ? dt.toJSDate() : null;
}

/**
 * The request form (facilitation.request data or POST body). Times are ISO 8601 (an offset, or
 * London wall clock without one); the card sends a date and two times instead. `end` may be a bare
 * time on the start's day.
 */
export function parseRequestInput(raw: Record<string, unknown>, now: Date): RequestInput {
  const channelId = typeof raw.channelId === 'string' ? raw.channelId.trim() : '';
  if (!channelId || channelId.length > 100) throw invalid('Choose the channel the session is for.', { field: 'channelId' });

  let start: Date | null = null;
  let end: Date | null = null;
  if (typeof raw.start === 'string' && raw.start.trim()) {
    start = parseInstant(raw.start);
    if (!start) throw invalid('The start must be a date and time, e.g. 2026-07-14T14:00.', { field: 'start' });
  } else if (typeof raw.date === 'string' && raw.date.trim() && typeof raw.startTime === 'string') {
    const day = DateTime.fromISO(raw.date.trim().slice(0, 10), { zone: LONDON });
    start = day.isValid ? atLondonTime(day, raw.startTime) : null;
    if (!start) throw invalid('Give the session date and a start time (HH:MM).', { field: 'start' });
  } else {
    throw invalid('Give the session start (date and time).', { field: 'start' });
  }
  const endText = typeof raw.end === 'string' && raw.end.trim() ? raw.end.trim() : typeof raw.endTime === 'string' ? raw.endTime.trim() : '';
  if (!endText) throw invalid('Give the session end time.', { field: 'end' });
  end = /^\d{1,2}:\d{2}$/.test(endText) ? atLondonTime(DateTime.fromJSDate(start, { zone: LONDON }), endText) : parseInstant(endText);
  if (!end) throw invalid('The end must be a time (HH:MM) or a date and time.', { field: 'end' });

  if (start.getTime() <= now.getTime()) throw invalid('The session must be in the future.', { field: 'start' });
  if (end.getTime() <= start.getTime()) throw invalid('The end must be after the start.', { field: 'end' });
  if (end.getTime() - start.getTime() > LIMITS.maxHours * 3_600_000) throw invalid(`A session can last at most ${LIMITS.maxHours} hours.`, { field: 'end' });
  if (start.getTime() - now.getTime() > LIMITS.maxDaysAhead * 86_400_000) throw invalid('Requests can be made up to a year ahead.', { field: 'start' });

  let format: Format = 'observe';
  if (raw.format !== undefined && raw.format !== null && raw.format !== '') {
    const f = parseFormat(raw.format);
    if (!f) throw invalid(`Choose a format: ${FORMATS.join(', ')}.`, { field: 'format' });
    format = f;
  }
  const topic = cleanText(raw.topic, LIMITS.topic);
  if (topic === null) throw invalid(`The topic must be text of at most ${LIMITS.topic} characters.`, { field: 'topic' });
  const notes = cleanText(raw.notes, LIMITS.notes);
  if (notes === null) throw invalid(`Notes must be text of at most ${LIMITS.notes} characters.`, { field: 'notes' });
  const continuity = parseBoolean(raw.continuity, 'continuity');
  return { channelId, start, end, format, topic, notes, continuity };
}

/** What the lead sees in "my requests": "offered to Priya Raman until Thu 16 Jul 14:00". */
export function statusLine(r: FacilitationRequest, names: ReadonlyMap<UserId, string>, formatWhen: (d: Date) => string): string {
  const name = (id?: UserId) => (id ? (names.get(id) ?? 'a facilitator') : 'a former facilitator');
  switch (r.status) {
    case 'matching':
      return 'matching: finding a facilitator';
    case 'offered': {
      const o = openOffer(r);
      return o ? `offered to ${name(o.facilitatorId)} until ${formatWhen(o.expiresAt)}` : 'offered';
    }
    case 'confirmed':
      return `confirmed: ${name(r.facilitatorId)}`;
    case 'escalated':
      return 'escalated: nobody free was found, a hub coordinator is arranging someone';
    case 'cancelled':
      return r.cancelReason === 'lapsed' ? 'cancelled: the session started before anyone was confirmed' : 'cancelled';
  }
}
