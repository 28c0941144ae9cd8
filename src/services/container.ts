// Everything a handler or route may use, built once by the composition root (src/app.ts).
import type { Config } from '../config.js';
import type { Logger } from '../logging.js';
import type { BookingCalendar, UpcomingEvents, Clock, ConversationReferenceStore, JobScheduler, Notifier, PersonalDataHolder, PersonRepository, ProfileRepository, RoleRepository } from '../domain/ports.js';
import type { Storage } from '../storage/storage.js';
import type { MetaRepository } from '../storage/metaRepository.js';
import type { PeopleService } from './people.js';
import type { ChannelRepository } from '../domain/channels/ports.js';
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
  channels: ChannelRepository;
  /** People's PLT bookings as busy times (for facilitation clashes). */
  bookings: BookingCalendar;
  /** Upcoming events by channel (for the directory and welcome card). */
  upcomingEvents: UpcomingEvents;
  /** Every area's personal data, for "my data" and "forget me". */
  personalData: PersonalDataHolder[];
  /** Notification settings and the coordinators' delivery counts. */
  notifications: NotificationService;
}
