// Facilitation as the API answers it (interfaces.md: Facilitator JSON, Facilitation request JSON,
// plus names, London times and what the viewer may do), the coordinators' dashboard, and the few
// words a request's JSON and its cards share (its status line, people's names, the calendar link).
// Imports domain only; the tab imports these type-only.
import type { Hub } from '../domain/people/hubs.js';
import type { UserId } from '../domain/people/person.js';
import type { Facilitator, Format } from '../domain/facilitation/facilitator.js';
import { isOpen, openOffer, statusLine, tokenOf, type FacilitationRequest, type RequestStatus } from '../domain/facilitation/request.js';
import { formatLondonShort, toLondonIso } from '../domain/time/london.js';

export type Names = ReadonlyMap<UserId, string>;

export const nameOf = (names: Names, id: UserId | undefined, fallback = 'a former facilitator') => (id ? (names.get(id) ?? 'Unknown person') : fallback);

/** "offered to Priya Raman until Thu 16 Jul 14:00" */
export const statusText = (r: FacilitationRequest, names: Names) => statusLine(r, names, formatLondonShort);

/** A person's "Add to calendar" link for a facilitated session (the token is the credential). */
export const facilitationCalendarUrl = (publicUrl: string, token: string) => `${publicUrl}/api/calendar/facilitation/${token}.ics`;

/** Facilitator JSON (GET/PUT /api/facilitators/me, GET/POST /api/facilitators). */
export interface FacilitatorJson {
  userId: UserId;
  name: string;
  hubs: Hub[];
  skills: string[];
  formats: Format[];
  availability: Facilitator['availability'];
  away: Facilitator['away'];
  maxPerMonth: number;
  paused: boolean;
}

export function facilitatorJson(f: Facilitator, names: Names): FacilitatorJson {
  return {
    userId: f.userId,
    name: nameOf(names, f.userId, 'Unknown person'),
    hubs: f.hubs,
    skills: f.skills,
    formats: f.formats,
    availability: f.availability,
    away: f.away,
    maxPerMonth: f.maxPerMonth,
    paused: f.paused,
  };
}

/** Facilitation request JSON, as one viewer may see it. */
export interface FacilitationRequestJson {
  id: string;
  channelId: string;
  channelName: string;
  hub: Hub;
  leadId: UserId;
  leadName: string;
  start: string;
  end: string;
  format: Format;
  topic: string;
  notes: string;
  continuity: boolean;
  status: RequestStatus;
  statusText: string;
  facilitatorId?: UserId;
  facilitatorName?: string;
  offer?: { offerId: string; facilitatorId: UserId; facilitatorName: string; expiresAt: string };
  candidates: { userId: UserId; name: string; reasons: string[] }[];
  noMatchReasons: string[];
  createdAt: string;
  confirmedAt?: string;
  cancelledAt?: string;
  /** This viewer's "Add to calendar" link, when they have one. */
  calendarUrl?: string;
  /** What this viewer may do now. */
  can: { cancel: boolean; withdraw: boolean; accept: boolean; assign: boolean };
}

export function requestJson(r: FacilitationRequest, viewer: { id: UserId; coordinator: boolean }, names: Names, channelName: string, publicUrl: string): FacilitationRequestJson {
  const offer = openOffer(r);
  const isLead = viewer.id === r.leadId;
  const seesCandidates = isLead || viewer.coordinator;
  const token = tokenOf(r, viewer.id);
  const hasCalendar = !!token && (r.status === 'confirmed' || r.status === 'cancelled' || r.offers.some((o) => o.facilitatorId === viewer.id && o.outcome !== 'open'));
  return {
    id: r.id,
    channelId: r.channelId,
    channelName,
    hub: r.hub,
    leadId: r.leadId,
    leadName: nameOf(names, r.leadId, 'a former member'),
    start: toLondonIso(r.start),
    end: toLondonIso(r.end),
    format: r.format,
    topic: r.topic,
    notes: r.notes,
    continuity: r.continuity,
    status: r.status,
    statusText: statusText(r, names),
    ...(r.status === 'confirmed' && r.facilitatorId ? { facilitatorId: r.facilitatorId, facilitatorName: nameOf(names, r.facilitatorId) } : {}),
    ...(offer ? { offer: { offerId: offer.offerId, facilitatorId: offer.facilitatorId, facilitatorName: nameOf(names, offer.facilitatorId), expiresAt: toLondonIso(offer.expiresAt) } } : {}),
    candidates: seesCandidates ? r.candidates.map((c) => ({ userId: c.userId, name: nameOf(names, c.userId), reasons: c.reasons })) : [],
    noMatchReasons: seesCandidates ? r.noMatchReasons : [],
    createdAt: toLondonIso(r.createdAt),
    ...(r.confirmedAt ? { confirmedAt: toLondonIso(r.confirmedAt) } : {}),
    ...(r.cancelledAt ? { cancelledAt: toLondonIso(r.cancelledAt) } : {}),
    ...(hasCalendar && token ? { calendarUrl: facilitationCalendarUrl(publicUrl, token) } : {}),
    can: {
      cancel: (isLead || viewer.coordinator) && (isOpen(r.status) || r.status === 'confirmed'),
      withdraw: r.status === 'confirmed' && r.facilitatorId === viewer.id,
      accept: !!offer && offer.facilitatorId === viewer.id,
      assign: viewer.coordinator && isOpen(r.status),
    },
  };
}

export type AcceptResult = 'confirmed' | 'already-yours' | 'filled' | 'expired' | 'cancelled' | 'closed';
export type DeclineResult = 'declined' | 'already-declined' | 'accepted' | 'closed';
export type CancelResult = 'cancelled' | 'already-cancelled' | 'withdrawn' | 'already-withdrawn';
export type WithdrawResult = 'withdrawn' | 'already-withdrawn';
export type AssignResult = 'assigned' | 'already';

/** POST …/offers/{offerId}/accept|decline, …/withdraw, …/assign */
export interface RequestActionAnswer<R extends string> {
  result: R;
  request: FacilitationRequestJson;
}

/** DELETE /api/facilitation-requests/{id} */
export interface RequestCancelAnswer extends FacilitationRequestJson {
  result: CancelResult;
}

/** GET /api/facilitation/lead-channels items: channels this person leads (the request form's choices). */
export interface LeadChannel {
  id: string;
  name: string;
  hub: Hub;
  teamsChannelId?: string;
}

/** One facilitator's load on the coordinators' dashboard. */
export interface LoadRow {
  userId: UserId;
  name: string;
  hubs: Hub[];
  paused: boolean;
  maxPerMonth: number;
  last90Days: number;
  upcoming: number;
  thisMonth: number;
}

/** GET /api/facilitation/dashboard */
export interface Dashboard {
  openRequests: FacilitationRequestJson[];
  /** Median time from request to confirmation, over sessions confirmed in the last 90 days. */
  medianTimeToConfirmMs: number | null;
  confirmedLast90Days: number;
  load: LoadRow[];
  /** Sessions of facilitators who have since erased their data (anonymous). */
  formerFacilitatorSessions: number;
}
