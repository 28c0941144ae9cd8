// Facilitation shapes of the HTTP API (interfaces.md: Facilitator JSON, Facilitation request JSON).
import type { Hub } from '../types';

export type Format = 'observe' | 'co-facilitate' | 'coach';
export const FORMAT_NAMES: Record<Format, string> = { observe: 'Observe the session', 'co-facilitate': 'Co-facilitate', coach: 'Coach the lead' };
export const FORMATS = Object.keys(FORMAT_NAMES) as Format[];

export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Day = (typeof DAYS)[number];
export const DAY_NAMES: Record<Day, string> = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' };

export interface Facilitator {
  userId: string;
  name: string;
  hubs: Hub[];
  skills: string[];
  formats: Format[];
  availability: { day: Day; from: string; to: string }[];
  away: { from: string; to: string }[];
  maxPerMonth: number;
  paused: boolean;
}

export type RequestStatus = 'matching' | 'offered' | 'confirmed' | 'escalated' | 'cancelled';

export interface FacilitationRequest {
  id: string;
  channelId: string;
  channelName: string;
  hub: Hub;
  leadId: string;
  leadName: string;
  start: string;
  end: string;
  format: Format;
  topic: string;
  notes: string;
  continuity: boolean;
  status: RequestStatus;
  statusText: string;
  facilitatorId?: string;
  facilitatorName?: string;
  offer?: { offerId: string; facilitatorId: string; facilitatorName: string; expiresAt: string };
  candidates: { userId: string; name: string; reasons: string[] }[];
  noMatchReasons: string[];
  createdAt: string;
  confirmedAt?: string;
  cancelledAt?: string;
  calendarUrl?: string;
  can: { cancel: boolean; withdraw: boolean; accept: boolean; assign: boolean };
}

export interface LoadRow {
  userId: string;
  name: string;
  hubs: Hub[];
  paused: boolean;
  maxPerMonth: number;
  last90Days: number;
  upcoming: number;
  thisMonth: number;
}

export interface Dashboard {
  openRequests: FacilitationRequest[];
  medianTimeToConfirmMs: number | null;
  confirmedLast90Days: number;
  load: LoadRow[];
  formerFacilitatorSessions: number;
}

const whenFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const timeFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' });

/** "Tue 14 Jul 2026, 14:00–16:00" in UK time. */
export const sessionWhen = (r: { start: string; end: string }) => `${whenFormat.format(new Date(r.start))}–${timeFormat.format(new Date(r.end))}`;

export const shortWhen = (iso: string) => whenFormat.format(new Date(iso));

/** "3 h", "2 days 4 h" */
export function duration(ms: number): string {
  const hours = Math.round(ms / 3_600_000);
  if (hours < 1) return `${Math.max(1, Math.round(ms / 60_000))} min`;
  if (hours < 48) return `${hours} h`;
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  return rest ? `${days} days ${rest} h` : `${days} days`;
}

export const STATUS_COLOURS: Record<RequestStatus, 'informative' | 'success' | 'warning' | 'danger' | 'brand'> = {
  matching: 'informative',
  offered: 'brand',
  confirmed: 'success',
  escalated: 'warning',
  cancelled: 'danger',
};
