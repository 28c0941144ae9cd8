// Puts the areas together, in the order their dependencies run: people, the channel tables, events
// (which read channels and people, and tell feedback's follow-ups), feedback and CPD (which read
// events), channels (which show events), facilitation (which reads channels, people and bookings),
// insights (which read all of those), notifications, and privacy over every area's personal data.
// Each area's file says what its services may touch; a service never reaches into this bag.
// The edges (teams/, api/, jobs/, the seed) and tests get the bag, typed as `Services`.
import type { Config } from '../config.js';
import type { Logger } from '../logging.js';
import type { Clock, ConversationReferenceStore, JobScheduler, Notifier, PersonalDataHolder } from '../domain/ports.js';
import type { DeliveryMonitor, NotificationRecords } from '../domain/notifications/ports.js';
import type { InstallRecords } from '../domain/notifications/install.js';
import type { Storage } from '../storage/storage.js';
import type { MetaRepository } from '../storage/metaRepository.js';
import { PrivacyService } from '../services/privacy.js';
import { appInstallDataHolder } from '../services/personalData.js';
import { KnownPeople, PeopleSearch } from '../services/peopleSearch.js';
import type { PeopleSource } from '../domain/people/search.js';
import { GraphAppClient } from '../teams/graphApp.js';
import { GraphDirectoryPeople } from '../teams/graphPeople.js';
import { composePeople, type PeopleArea } from './people.js';
import { channelStores, composeChannels, type ChannelsArea } from './channels.js';
import { composeEvents, type EventsArea } from './events.js';
import { composeFacilitation, type FacilitationArea } from './facilitation.js';
import { composeNotifications, type NotificationsArea } from './notifications.js';
import { composeFeedback, composeFeedbackFollowUps, feedbackStore, type FeedbackArea } from './feedback.js';
import { composeCpd, type CpdArea } from './cpd.js';
import { composeInsights, type InsightsArea } from './insights.js';

/** What every area is built on (made by the composition root, src/app.ts). */
export interface CoreParts {
  config: Config;
  clock: Clock;
  logger: Logger;
  storage: Storage;
  meta: MetaRepository;
  conversations: ConversationReferenceStore;
  /** Proactive messages: queued, exactly once per key (tests may substitute it). */
  notifier: Notifier;
  /** Deferred work (tests may substitute it). */
  scheduler: JobScheduler;
  /** Microsoft Graph timings for Teams meetings (tests shorten them). */
  graph?: { timeoutMs?: number };
  /** Whether the app was installed for a person through Graph, or removed by them (domain/notifications/install.ts). */
  installs: InstallRecords;
}

/** Finding people by name (the people picker); sources behind one interface. */
export interface PeopleSearchArea {
  peopleSearch: PeopleSearch;
}

export interface PrivacyArea {
  /** Every area's personal data, for "my data" and "forget me". */
  personalData: PersonalDataHolder[];
  privacy: PrivacyService;
}

/** Every area's services, for the edges and tests. */
export type Services = CoreParts & PeopleArea & ChannelsArea & EventsArea & FeedbackArea & CpdArea & FacilitationArea & InsightsArea & NotificationsArea & PeopleSearchArea & PrivacyArea;

export function composeServices(core: CoreParts, background: { records: NotificationRecords; monitor: DeliveryMonitor }): Services {
  const { config, clock, logger, storage, notifier, scheduler } = core;
  const people = composePeople({ config, clock, storage, conversations: core.conversations });
  const stores = channelStores(storage, clock);
  // Feedback follows every event: its follow-ups are handed to the events area, which tells them of plans and changes.
  const feedbackRepo = feedbackStore(storage);
  const followUps = composeFeedbackFollowUps({ config, clock, scheduler, repo: feedbackRepo });
  const events = composeEvents({ config, clock, logger, storage, notifier, scheduler, followUps, channels: stores.channels, people: people.area.people, graph: core.graph });
  const feedback = composeFeedback({ clock, logger, notifier, repo: feedbackRepo, events: events.area.eventRepository });
  const cpd = composeCpd({ config, clock, logger, storage, events: events.area.events, eventRepository: events.area.eventRepository, feedback: feedbackRepo, people: people.area.people });
  const channels = composeChannels({ config, clock, logger, notifier, ...stores, ...people.area, upcomingEvents: events.area.upcomingEvents });
  const facilitation = composeFacilitation({ config, clock, logger, storage, notifier, scheduler, channels: stores.channels, ...people.area, bookings: events.area.bookings });
  const insights = composeInsights({
    clock,
    events: events.area.events,
    eventRepository: events.area.eventRepository,
    feedback: feedbackRepo,
    people: people.area.people,
    channels: stores.channels,
    memberships: stores.memberships,
    facilitation: facilitation.area.facilitationStore,
  });
  const notifications = composeNotifications({ ...background, clock });
  const { persons, profiles, peopleNames } = people.area;
  // The people the app knows come first (their profile says more); with Graph, the directory too.
  const sources: PeopleSource[] = [new KnownPeople({ index: peopleNames, persons, profiles })];
  if (config.graphMode === 'app') sources.push(new GraphDirectoryPeople(new GraphAppClient(config, logger), logger));
  const peopleSearch = new PeopleSearch({ sources, channels: stores.channels });
  // Privacy erases every area before people (who the others may still look up while erasing).
  const personalData = [people.dataHolder, channels.dataHolder, facilitation.dataHolder, feedback.dataHolder, cpd.dataHolder, events.dataHolder, notifications.dataHolder, appInstallDataHolder(core.installs)];
  const privacy = new PrivacyService({ holders: personalData, clock, afterErase: (userId) => people.area.people.forgetCached(userId) });
  return { ...core, ...people.area, ...channels.area, ...events.area, ...feedback.area, ...cpd.area, ...facilitation.area, ...insights.area, ...notifications.area, peopleSearch, personalData, privacy };
}
