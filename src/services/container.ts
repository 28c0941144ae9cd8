// Everything a handler or route may use, built once by the composition root (src/app.ts).
import type { Config } from '../config.js';
import type { Logger } from '../logging.js';
import type { BookingCalendar, UpcomingEvents, Clock, ConversationReferenceStore, JobScheduler, Notifier, PersonalDataHolder, PersonRepository, ProfileRepository, RoleRepository } from '../domain/ports.js';
import type { Storage } from '../storage/storage.js';
import type { MetaRepository } from '../storage/metaRepository.js';
import type { PeopleService } from './people.js';
import type { PeopleSearch } from './peopleSearch.js';
import type { PrivacyService } from './privacy.js';
import type { ChannelRepository, MembershipRepository, ProposalRepository, TeamsDirectory } from '../domain/channels/ports.js';
import type { ChannelService } from './channels.js';
import type { ChannelProposalService } from './channelProposals.js';
import type { FacilitationService } from './facilitation/index.js';
import type { EventRepository } from '../domain/events/ports.js';
import type { EventsService } from './events/eventsService.js';
import type { EventCalendars } from './events/calendars.js';
import type { EventImporter } from './events/importer.js';
import type { NotificationService } from './notifications.js';

export interface Services {
  config: Config;
  clock: Clock;
  logger: Logger;
  storage: Storage;
  meta: MetaRepository;
  conversations: ConversationReferenceStore;
  notifier: Notifier;
  scheduler: JobScheduler;
  profiles: ProfileRepository;
  roles: RoleRepository;
  persons: PersonRepository;
  people: PeopleService;
  /** Finding people by name (the people picker). */
  peopleSearch: PeopleSearch;
  channels: ChannelRepository;
  /** Channel memberships and join requests. */
  memberships: MembershipRepository;
  channelProposals: ProposalRepository;
  /** The Teams side of channel membership (Graph, or nothing when GRAPH_MODE=off). */
  teamsDirectory: TeamsDirectory;
  channelService: ChannelService;
  proposalService: ChannelProposalService;
  /** People's PLT bookings as busy times (for facilitation clashes). */
  bookings: BookingCalendar;
  /** Upcoming events by channel (for the directory and welcome card). */
  upcomingEvents: UpcomingEvents;
  /** PLT events: seats (group commit per event), rosters, CPD; calendar feeds; CSV import. */
  events: EventsService;
  eventRepository: EventRepository;
  eventCalendars: EventCalendars;
  eventImporter: EventImporter;
  /** Every area's personal data, for "my data" and "forget me". */
  personalData: PersonalDataHolder[];
  privacy: PrivacyService;
  /** Facilitator pool, requests, offers and matching. */
  facilitation: FacilitationService;
  /** Notification settings and the coordinators' delivery counts. */
  notifications: NotificationService;
}
