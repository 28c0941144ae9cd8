// Wires hub insights: one service over what the events, feedback, people, channels and
// facilitation areas already hold.
import type { Clock } from '../domain/ports.js';
import type { EventRepository } from '../domain/events/ports.js';
import type { FeedbackRepository } from '../domain/feedback/ports.js';
import type { ChannelRepository, MembershipRepository } from '../domain/channels/ports.js';
import type { FacilitationStore } from '../domain/facilitation/ports.js';
import { InsightsService } from '../services/insights.js';
import type { EventsService } from '../services/events/eventsService.js';
import type { PeopleService } from '../services/people.js';

/** What the insights area offers the edges. */
export interface InsightsArea {
  insights: InsightsService;
}

export function composeInsights(d: {
  clock: Clock;
  events: EventsService;
  eventRepository: EventRepository;
  feedback: FeedbackRepository;
  people: PeopleService;
  channels: ChannelRepository;
  memberships: MembershipRepository;
  facilitation: FacilitationStore;
}): { area: InsightsArea } {
  return { area: { insights: new InsightsService({ ...d, facilitation: d.facilitation }) } };
}
