// Table and queue names, in one place. Each area adds its own here; `Storage.ensure()` creates them
// all at start-up. Names get the configured prefix so several test runs can share one Azurite.
export const TABLES = {
  profiles: 'Profiles',
  // Words of people's names → who (the people picker), kept by the person repository.
  peopleNames: 'PeopleNames',
  roles: 'Roles',
  conversationRefs: 'ConversationRefs',
  // Whether the app was installed for a person through Graph, refused, or removed by them (once per person).
  appInstalls: 'AppInstalls',
  meta: 'Meta',
  channels: 'Channels',
  channelMembers: 'ChannelMembers',
  channelProposals: 'ChannelProposals',
  facilitators: 'Facilitators',
  facilitation: 'Facilitation',
  // PLT events: one partition per event (event row + registrations), indexes, calendar feed tokens.
  events: 'Events',
  eventIndex: 'EventIndex',
  eventPeople: 'EventPeople',
  calendarTokens: 'CalendarTokens',
  // After the event: feedback (by event, with person and series indexes) and certificates.
  feedback: 'Feedback',
  certificates: 'Certificates',
  // Notices (exactly once per key) and durable jobs.
  notifications: 'Notifications',
  jobs: 'Jobs',
} as const;
export type TableKey = keyof typeof TABLES;

export const QUEUES = {
  notifications: 'notifications',
  notificationsPoison: 'notifications-poison',
  jobs: 'jobs',
  jobsPoison: 'jobs-poison',
} as const satisfies Record<string, string>;
export type QueueKey = keyof typeof QUEUES;
