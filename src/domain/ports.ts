// Interfaces the core needs from the outside world. Storage, Teams and Graph adapters implement them;
// tests may substitute any of them.
import type { Actor, Profile, RoleGrant, UserId } from './people/person.js';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface ProfileRecord extends Profile {
  userId: UserId;
  name: string;
  guest: boolean;
  tenantId?: string;
  updatedAt: Date;
}

export interface ProfileRepository {
  get(userId: UserId): Promise<ProfileRecord | null>;
  save(record: ProfileRecord): Promise<void>;
  delete(userId: UserId): Promise<void>;
}

export interface RoleRepository {
  /** Grants stored as data (configuration admins are added by the people service). */
  list(userId: UserId): Promise<RoleGrant[]>;
  /** Replaces the person's grants. */
  set(userId: UserId, grants: RoleGrant[]): Promise<void>;
  /** Everyone holding `role`, with their grants; small (tens of people), so a partition read. */
  listHolders(role: RoleGrant['role']): Promise<{ userId: UserId; hubs: RoleGrant['hubs'] }[]>;
}

/** A message the app sends without being asked, in domain terms; Teams turns it into an activity. */
export interface OutboundMessage {
  /** Plain text (also the notification preview and the card's fallback). */
  text: string;
  /** An Adaptive Card (already rendered JSON), optional. */
  card?: object;
}

export interface Notifier {
  /**
   * Sends `message` to one person in their 1:1 chat with the bot. `key` identifies the notice
   * (e.g. `promoted:{eventId}:{userId}`) so a retry or duplicate delivery sends it once.
   */
  notify(userId: UserId, message: OutboundMessage, key: string, kind?: string): Promise<void>;
  /**
   * Withdraws a notice that has not gone out yet (say, a reminder for a booking just cancelled).
   * True when it will not be sent; false when it was sent, is being sent, or was never notified.
   * Optional: a notifier that sends at once has nothing to withdraw.
   */
  withdraw?(userId: UserId, key: string): Promise<boolean>;
}

export type { Actor };

/**
 * Where the app can reach people and conversations later (proactive messages). The reference is
 * opaque here: the Teams edge stores and reads its own shape.
 */
export interface ConversationReferenceStore {
  savePersonal(userId: UserId, reference: Record<string, unknown>): Promise<void>;
  getPersonal(userId: UserId): Promise<Record<string, unknown> | null>;
  saveConversation(conversationId: string, reference: Record<string, unknown>): Promise<void>;
  getConversation(conversationId: string): Promise<Record<string, unknown> | null>;
  /** The latest service URL seen for a tenant: needed to open a 1:1 chat with someone never met. */
  saveTenantServiceUrl(tenantId: string, serviceUrl: string): Promise<void>;
  getTenantServiceUrl(tenantId: string): Promise<string | null>;
  deletePersonal(userId: UserId): Promise<void>;
}

/** Names of people the app has met (from Teams or a token), so rosters and cards can show them. */
export interface PersonRecord {
  userId: UserId;
  name: string;
  tenantId?: string;
  guest: boolean;
  /**
   * Their mailbox, when a sign-in token said it (calendar invites name them with it). A save
   * without one keeps the one stored: Teams activities never carry it.
   */
  email?: string;
  lastSeenAt: Date;
}

export interface PersonRepository {
  get(userId: UserId): Promise<PersonRecord | null>;
  save(record: PersonRecord): Promise<void>;
  delete(userId: UserId): Promise<void>;
}

/**
 * The signed-in person's own authority for a Microsoft Graph call (the on-behalf-of flow, from the
 * tab's single sign-on token). Opaque to the core: the edge that made it knows how to get tokens.
 */
export interface DelegatedAccess {
  readonly userId: UserId;
  /** An access token for `scopes` on the person's behalf; throws when none can be had (consent, expiry). */
  token(scopes: string[]): Promise<string>;
}

/** Deferred work: a job runs at (or soon after) `dueAt`, once, by its handler for `kind`. */
export interface ScheduledJob {
  /** Identifies the job: scheduling the same key again moves it; cancelling removes it. */
  key: string;
  kind: string;
  dueAt: Date;
  payload: Record<string, unknown>;
}

export interface JobScheduler {
  schedule(job: ScheduledJob): Promise<void>;
  cancel(key: string): Promise<void>;
}

/** Runs a job; must be idempotent (a job may run twice after a crash). Throwing means "try again later". */
export type JobHandler = (payload: Record<string, unknown>, job: { key: string; kind: string; dueAt: Date }) => Promise<void>;

/**
 * Each area that keeps personal data says what it holds about a person and how to erase it
 * ("my data" / "forget me"). Erase must leave no trace of the id, name or email in the area's
 * tables, except anonymous counts.
 */
export interface PersonalDataHolder {
  area: string;
  export(userId: UserId): Promise<unknown>;
  erase(userId: UserId): Promise<void>;
}

/**
 * When a person is booked on PLT events (events area implements it), so facilitation matching
 * can avoid clashes with their own bookings.
 */
export interface BookingCalendar {
  busy(userId: UserId, from: Date, to: Date): Promise<{ start: Date; end: Date }[]>;
}

/** Until the events area provides one: nobody is booked on anything. */
export const noBookings: BookingCalendar = { busy: async () => [] };

/** One of a channel's next events, as the directory and the welcome card list it. */
export interface UpcomingEvent {
  eventId: string;
  title: string;
  start: Date;
  end: Date;
}

/** The next events of a channel, for the channel directory and welcome card (events area implements it). */
export interface UpcomingEvents {
  forChannel(channelId: string, limit: number): Promise<UpcomingEvent[]>;
}

/** Until the events area provides one: no events. */
export const noUpcomingEvents: UpcomingEvents = { forChannel: async () => [] };
