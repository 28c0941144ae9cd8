// What the events area needs from storage. The event's partition (event row + one row per
// registration) is the truth; the indexes are hints for finding events by time, channel,
// organiser or person, always checked against the partition when read.
import type { UserId } from '../people/person.js';
import type { CancelledInvite, Category, PltEvent, Seats, EventStatus } from './event.js';
import type { PartitionSnapshot, RowWrite, StoredRegistration } from './seats.js';
import type { Hub } from '../people/hubs.js';

export interface StoredEvent {
  event: PltEvent;
  seats: Seats;
  etag: string;
}

export interface CommitResult {
  /** The event row's new ETag. */
  etag: string;
  /** New ETags of the registration rows written (by person). */
  rows: Map<UserId, string>;
}

export interface EventRepository {
  /** The event row alone (point read). */
  get(eventId: string): Promise<StoredEvent | null>;
  /** The event row and every registration: one partition query. */
  load(eventId: string): Promise<(PartitionSnapshot & { etag: string }) | null>;
  /** Inserts a new event with empty seats; false when the id is taken. */
  create(event: PltEvent): Promise<boolean>;
  /**
   * One Table transaction: the event row replaced under `etag`, with the registration rows.
   * Answers the new ETags, or null when someone else changed the partition first.
   */
  commit(eventId: string, etag: string, event: PltEvent, seats: Seats, writes: RowWrite[]): Promise<CommitResult | null>;
  registration(eventId: string, userId: UserId): Promise<StoredRegistration | null>;
  registrations(eventId: string): Promise<StoredRegistration[]>;
  /** Current place in the queue: 1 + the people waiting with an earlier ticket. */
  waitlistPlace(eventId: string, ticket: number): Promise<number>;
  /** The booking an invite link belongs to, or what its owner left when they cancelled it. */
  byInviteToken(eventId: string, token: string): Promise<{ registration: StoredRegistration } | { cancelled: CancelledInvite } | null>;
}

/** A line in the time/channel/organiser indexes: enough to list, checked against the event. */
export interface IndexEntry {
  eventId: string;
  start: Date;
  end: Date;
  hub: Hub;
  category: Category;
  channelId?: string;
  organiserId: UserId;
  title: string;
  status: EventStatus;
}

export interface EventIndex {
  put(entry: IndexEntry): Promise<void>;
  /** Removes the entry's lines, except any that `keep` also has (same keys). */
  remove(entry: IndexEntry, keep?: IndexEntry): Promise<void>;
  /** Entries whose start lies in [from, to). */
  range(from: Date, to: Date): Promise<IndexEntry[]>;
  forChannel(channelId: string, from: Date, limit: number): Promise<IndexEntry[]>;
  byOrganiser(userId: UserId): Promise<IndexEntry[]>;
}

export interface PersonEntry {
  eventId: string;
  start: Date;
  end: Date;
}

/** Which events a person has (or had) a row on: written before the registration commits. */
export interface PersonIndex {
  add(rows: (PersonEntry & { userId: UserId })[]): Promise<void>;
  list(userId: UserId): Promise<PersonEntry[]>;
  remove(userId: UserId, eventIds: string[]): Promise<void>;
}

export interface CalendarFeedToken {
  userId: UserId;
  token: string;
  createdAt: Date;
}

export interface CalendarTokenRepository {
  get(userId: UserId): Promise<CalendarFeedToken | null>;
  /** Stores a new token for the person, replacing (and so revoking) any earlier one. */
  issue(userId: UserId, token: string, now: Date): Promise<CalendarFeedToken>;
  revoke(userId: UserId): Promise<void>;
  /** The person a token belongs to, if it is their current token. */
  userFor(token: string): Promise<UserId | null>;
}

/**
 * Work that follows an event (feedback after it, …), told by the events service when an event is
 * planned or moved, cancelled, or its attendance changes. Each may schedule its own jobs.
 */
export interface EventFollowUps {
  planned(event: PltEvent): Promise<void>;
  cancelled(eventId: string): Promise<void>;
  attendanceChanged(event: PltEvent): Promise<void>;
}

export const noFollowUps: EventFollowUps = { planned: async () => undefined, cancelled: async () => undefined, attendanceChanged: async () => undefined };
