// A hub's figures over a period, for its coordinators: what was offered and taken up, who came,
// what they thought, whose CPD it fed, how the channels grew and how facilitation went. One pure
// computation over facts the service gathers; the API, the tab and the CSV all show its answer.
import type { Hub } from '../people/hubs.js';
import { mean, ratio } from '../feedback/feedback.js';

/** One event that started in the period (cancelled events are left out before this). */
export interface EventFacts {
  eventId: string;
  /** null = unlimited places. */
  capacity: number | null;
  /** Booked places, including people who later erased their data. */
  booked: number;
  waitlisted: number;
  /** The event is over, so who came is known (or will not be). */
  ended: boolean;
  hours: number;
  /** Booked people marked as attending (anonymous ones included). */
  attendedBooked: number;
  /**
   * Everyone who attended, walk-ins included, by profession code (null when the person has no
   * profile or erased their data).
   */
  attendees: (string | null)[];
  /** Feedback answers (anonymous ones included) and their ratings. */
  ratings: number[];
}

export interface ChannelFacts {
  id: string;
  name: string;
  members: number;
  joinedAt: Date[];
}

export interface RequestFacts {
  createdAt: Date;
  confirmedAt?: Date;
  confirmed: boolean;
}

export interface InsightFacts {
  hub: Hub;
  from: Date;
  to: Date;
  events: EventFacts[];
  channels: ChannelFacts[];
  requests: RequestFacts[];
}

export interface Insights {
  hub: Hub;
  from: Date;
  to: Date;
  /** Events (not cancelled) starting in the period. */
  events: number;
  /** Places on events with a capacity. */
  placesOffered: number;
  booked: number;
  /** Booked places on events with a capacity ÷ placesOffered. */
  fillRate: number | null;
  waitlisted: number;
  /** People who attended events that have ended (walk-ins included). */
  attended: number;
  /** Booked people who did not come ÷ booked, over ended events whose attendance was taken. */
  noShowRate: number | null;
  /** Feedback answers ÷ attended, over ended events. */
  feedbackReturnRate: number | null;
  ratingMean: number | null;
  /** Hours of learning attended, by the attendee's profession code ("unknown" without one). */
  cpdHoursByProfession: Record<string, number>;
  channels: { id: string; name: string; members: number; joinedInPeriod: number }[];
  facilitation: { requests: number; confirmed: number; medianHoursToConfirm: number | null };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const inPeriod = (d: Date, from: Date, to: Date) => d.getTime() >= from.getTime() && d.getTime() < to.getTime();

export function computeInsights(f: InsightFacts): Insights {
  const capped = f.events.filter((e) => e.capacity !== null);
  const ended = f.events.filter((e) => e.ended);
  // An ended event nobody was marked at has no attendance taken: it says nothing about no-shows.
  const taken = ended.filter((e) => e.attendees.length > 0);
  const placesOffered = capped.reduce((s, e) => s + (e.capacity ?? 0), 0);
  const attended = ended.reduce((s, e) => s + e.attendees.length, 0);
  const bookedTaken = taken.reduce((s, e) => s + e.booked, 0);
  const noShows = taken.reduce((s, e) => s + Math.max(0, e.booked - e.attendedBooked), 0);
  const ratings = ended.flatMap((e) => e.ratings);

  const cpd: Record<string, number> = {};
  for (const e of ended) for (const p of e.attendees) cpd[p ?? 'unknown'] = round2((cpd[p ?? 'unknown'] ?? 0) + e.hours);

  const confirmed = f.requests.filter((r) => r.confirmed);
  const hoursToConfirm = confirmed.filter((r) => r.confirmedAt).map((r) => (r.confirmedAt!.getTime() - r.createdAt.getTime()) / 3_600_000);
  const medianHours = median(hoursToConfirm);

  return {
    hub: f.hub,
    from: f.from,
    to: f.to,
    events: f.events.length,
    placesOffered,
    booked: f.events.reduce((s, e) => s + e.booked, 0),
    fillRate: ratio(capped.reduce((s, e) => s + e.booked, 0), placesOffered),
    waitlisted: f.events.reduce((s, e) => s + e.waitlisted, 0),
    attended,
    noShowRate: ratio(noShows, bookedTaken),
    feedbackReturnRate: ratio(ratings.length, attended),
    ratingMean: mean(ratings),
    cpdHoursByProfession: Object.fromEntries(Object.entries(cpd).sort(([a], [b]) => a.localeCompare(b))),
    channels: f.channels
      .map((c) => ({ id: c.id, name: c.name, members: c.members, joinedInPeriod: c.joinedAt.filter((d) => inPeriod(d, f.from, f.to)).length }))
      .sort((a, b) => b.joinedInPeriod - a.joinedInPeriod || b.members - a.members || a.name.localeCompare(b.name)),
    facilitation: {
      requests: f.requests.length,
      confirmed: confirmed.length,
      medianHoursToConfirm: medianHours === null ? null : Math.round(medianHours * 10) / 10,
    },
  };
}
