// Hub insights for coordinators: gathers the facts of a period (events and their registrations,
// feedback, attendees' professions, channels and their joins, facilitation requests) and hands
// them to the one computation (src/domain/insights/insights.ts) the API, tab and CSV all show.
import { DateTime } from 'luxon';
import type { Clock } from '../domain/ports.js';
import type { Actor, UserId } from '../domain/people/person.js';
import type { EventRepository, StoredEvent } from '../domain/events/ports.js';
import type { FeedbackRepository } from '../domain/feedback/ports.js';
import type { ChannelRepository, MembershipRepository } from '../domain/channels/ports.js';
import type { FacilitationStore } from '../domain/facilitation/ports.js';
import { hoursOf } from '../domain/events/event.js';
import { computeInsights, type EventFacts, type Insights } from '../domain/insights/insights.js';
import { hubCovers, parseHub } from '../domain/people/hubs.js';
import { requireRole } from '../domain/people/authorisation.js';
import { invalid, notFound } from '../domain/errors.js';
import { LONDON, parseInstant } from '../domain/time/london.js';
import { runLimited } from '../domain/async.js';
import type { PeopleService } from './people.js';

/** The longest period one report covers. */
const MAX_DAYS = 3 * 366;
/** Without a period: the last 90 days. */
const DEFAULT_DAYS = 90;

export interface InsightsDeps {
  clock: Clock;
  /** Events (checked against their partitions) starting in a range. */
  events: { inRange(from: Date, to: Date): Promise<StoredEvent[]> };
  eventRepository: Pick<EventRepository, 'registrations'>;
  feedback: Pick<FeedbackRepository, 'forEvent'>;
  people: Pick<PeopleService, 'getProfile'>;
  channels: Pick<ChannelRepository, 'list'>;
  memberships: Pick<MembershipRepository, 'membersOf'>;
  facilitation: Pick<FacilitationStore, 'requestsCreatedIn'>;
}

/** A date (London day; `to` takes in the whole day) or a date-time with an offset. */
function readBound(value: string | undefined, field: 'from' | 'to'): Date | undefined {
  if (value === undefined || value === '') return undefined;
  const text = String(value).trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const day = DateTime.fromISO(text, { zone: LONDON });
    if (!day.isValid) throw invalid(`"${field}" is not a real date.`, { field });
    return (field === 'to' ? day.plus({ days: 1 }) : day).toJSDate();
  }
  const d = parseInstant(text);
  if (!d) throw invalid(`"${field}" must be a date such as 2027-01-31 (or an ISO 8601 date-time).`, { field });
  return d;
}

export class InsightsService {
  constructor(private readonly d: InsightsDeps) {}

  /** The period asked for: [from, to), London days; by default the last 90 days up to now. */
  period(query: { from?: string; to?: string }): { from: Date; to: Date } {
    const now = this.d.clock.now();
    const to = readBound(query.to, 'to') ?? now;
    const from = readBound(query.from, 'from') ?? DateTime.fromJSDate(to).setZone(LONDON).minus({ days: DEFAULT_DAYS }).toJSDate();
    if (to <= from) throw invalid('"to" must be after "from".', { field: 'to' });
    if (to.getTime() - from.getTime() > MAX_DAYS * 86_400_000) throw invalid('Ask for at most three years at a time.', { field: 'from' });
    return { from, to };
  }

  async insights(actor: Actor, hubCode: unknown, query: { from?: string; to?: string }): Promise<Insights> {
    const hub = parseHub(hubCode);
    if (!hub || hub !== String(hubCode).trim().toLowerCase()) throw notFound('No hub with that code. Hubs: north-kent, west-kent, east-kent, kent-medway.');
    requireRole(actor, 'coordinator', hub, 'see this hub’s insights');
    const { from, to } = this.period(query);
    const now = this.d.clock.now();
    // A hub's own events; "kent-medway" (coordinators of every hub) is all of them.
    const stored = (await this.d.events.inRange(from, to)).filter((s) => s.event.status === 'scheduled' && (hub === 'kent-medway' || s.event.hub === hub));
    const professions = new Map<UserId, Promise<string | null>>();
    const professionOf = (userId: UserId) => {
      let p = professions.get(userId);
      if (!p) professions.set(userId, (p = this.d.people.getProfile(userId).then((x) => x?.profession ?? null)));
      return p;
    };
    const events = await runLimited(stored, 8, async ({ event: e, seats }): Promise<EventFacts> => {
      const ended = e.end <= now;
      const [regs, fb] = ended ? await Promise.all([this.d.eventRepository.registrations(e.id), this.d.feedback.forEvent(e.id)]) : [[], { answers: [], anonymous: [] }];
      const came = regs.filter((r) => r.attended);
      const attendees = [...(await Promise.all(came.map((r) => professionOf(r.userId)))), ...Array<null>(seats.anonAttended).fill(null)];
      const cameIds = new Set(came.map((r) => r.userId));
      return {
        eventId: e.id,
        capacity: e.capacity,
        booked: seats.booked,
        waitlisted: seats.waitlisted,
        ended,
        hours: hoursOf(e),
        attendedBooked: came.filter((r) => r.status === 'booked').length + seats.anonAttended,
        attendees,
        ratings: [...fb.answers.filter((a) => cameIds.has(a.userId)), ...fb.anonymous].map((a) => a.rating),
      };
    });
    const channels = (await this.d.channels.list()).filter((c) => hubCovers(c.hub, hub));
    const channelFacts = await runLimited(channels, 8, async (c) => {
      const members = await this.d.memberships.membersOf(c.id);
      return { id: c.id, name: c.name, members: members.length, joinedAt: members.map((m) => m.joinedAt) };
    });
    const requests = (await this.d.facilitation.requestsCreatedIn(from, to))
      .filter((r) => hub === 'kent-medway' || r.hub === hub)
      .map((r) => ({ createdAt: r.createdAt, confirmedAt: r.confirmedAt, confirmed: r.status === 'confirmed' }));
    return computeInsights({ hub, from, to, events, channels: channelFacts, requests });
  }
}
