// What the events area needs from storage. The event's partition (event row + one row per
// registration) is the truth for booking. The indexes find events by time, channel, organiser or
// person; the month and channel lines also carry what a list shows (the read model: the event's
// details and its booked and waitlisted counts, refreshed after each seat commit), so a list is a
// few partition queries — and may lag the partition by a few seconds. Lines without that copy
// (written before the event existed, or by older versions) are checked against the partition.
import type { UserId } from '../people/person.js';
import type { CancelledInvite, Category, PltEvent, Seats, EventStatus } from './event.js';
import type { PartitionSnapshot, RowWrite, StoredRegistration } from './seats.js';
import type { Hub } from '../people/hubs.js';
import type { DelegatedAccess } from '../ports.js';
import type { AttendanceRecordIn } from './attendance.js';
import { MeetingCallError } from './meeting.js';

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
  /** The event row and one person's registration, in one request. */
  getWithRegistration(eventId: string, userId: UserId): Promise<{ stored: StoredEvent; reg: StoredRegistration | null } | null>;
  /** The event row and every registration: one partition query. */
  load(eventId: string): Promise<(PartitionSnapshot & { etag: string }) | null>;
  /** Inserts a new event with empty seats; false when the id is taken. */
  create(event: PltEvent): Promise<boolean>;
  /**
   * One Table transaction: the event row replaced under `etag`, with the registration rows.
   * Answers the new ETags, or null when someone else changed the partition first.
   */
  commit(eventId: string, etag: string, event: PltEvent, seats: Seats, writes: RowWrite[]): Promise<CommitResult | null>;
  /** Promotion notices written with their seats and not yet delivered (all events' when eventId is omitted). */
  outbox(eventId?: string): Promise<OutboxEntry[]>;
  clearOutbox(entry: OutboxEntry): Promise<void>;
  /**
   * The person's registration. `recent`: may answer from this instance's read of the last
   * READ_CACHE_TTL_MS.eventLists (lists read it again and again), never from before this instance's
   * own change to it; another instance's change may be missed that long.
   */
  registration(eventId: string, userId: UserId, options?: { recent?: boolean }): Promise<StoredRegistration | null>;
  registrations(eventId: string): Promise<StoredRegistration[]>;
  /** Current place in the queue: 1 + the people waiting with an earlier ticket. */
  waitlistPlace(eventId: string, ticket: number): Promise<number>;
  /** The booking an invite link belongs to, or what its owner left when they cancelled it. */
  byInviteToken(eventId: string, token: string): Promise<{ registration: StoredRegistration } | { cancelled: CancelledInvite } | null>;
}

/** A promotion notice waiting in its event's partition (RowWrite put-outbox). */
export interface OutboxEntry {
  eventId: string;
  userId: UserId;
  number: number;
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

/** What a list shows of an event, as its writer last knew it to be in the partition. */
export interface Listing {
  event: PltEvent;
  /** The counts, and what a waiting person's place is worked out from (absent history: unknown). */
  seats: Pick<Seats, 'booked' | 'waitlisted' | 'promotions' | 'leftTickets' | 'commits'>;
  /** When the writer knew this to match the partition (ms since the epoch). */
  at: number;
}

/** An index line; month and channel lines written since the read model carry the listing. */
export interface IndexLine extends IndexEntry {
  listing?: Listing;
}

export interface EventIndex {
  /** Writes the entry's lines (month, channel, organiser); with `listing`, the month and channel lines carry it. */
  put(entry: IndexEntry, listing?: Listing): Promise<void>;
  /** Removes the entry's lines, except any that `keep` also has (same keys). */
  remove(entry: IndexEntry, keep?: IndexEntry): Promise<void>;
  /** Lines whose start lies in [from, to) (may be served from this instance's short cache). */
  range(from: Date, to: Date): Promise<IndexLine[]>;
  /**
   * Brings the event's month and channel lines (where they exist) up to `listing`, unless a line
   * already carries the same or a later commit of the event (seats.commits): read, compare, write
   * If-Match, again on a clash, so a line never goes back to an older state.
   */
  refresh(listing: Listing): Promise<void>;
  forChannel(channelId: string, from: Date, limit: number): Promise<IndexLine[]>;
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
  /** `recent`: as for EventRepository.registration. */
  list(userId: UserId, options?: { recent?: boolean }): Promise<PersonEntry[]>;
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
/** What the organiser's calendar event says (no attendees: each booked person has their own invite). */
export interface MeetingDetails {
  subject: string;
  /** Plain text. */
  body: string;
  start: Date;
  end: Date;
  /** Graph returns the same event for a repeated POST with the same id (retries never make two). */
  transactionId: string;
}

/**
 * Teams meetings through Microsoft Graph: a calendar event with a Teams meeting in the owner's
 * mailbox (app-only, or on their behalf when `as` is theirs), and its attendance reports. Failures
 * throw MeetingCallError (meeting.ts) saying what kind they are.
 */
export interface OnlineMeetings {
  /** False when Graph is not set up (GRAPH_MODE=off): every call refuses. */
  readonly live: boolean;
  createEvent(ownerId: UserId, details: MeetingDetails, as?: DelegatedAccess): Promise<{ graphEventId: string; joinUrl?: string }>;
  /** The join URL of a calendar event already made (Graph may leave it out of the first answer). */
  joinUrl(ownerId: UserId, graphEventId: string, as?: DelegatedAccess): Promise<string | undefined>;
  updateEvent(ownerId: UserId, graphEventId: string, details: MeetingDetails, as?: DelegatedAccess): Promise<void>;
  /** Removes it (already gone counts as done). */
  deleteEvent(ownerId: UserId, graphEventId: string, as?: DelegatedAccess): Promise<void>;
  /** The online meeting behind a join URL, among the owner's meetings; null if none. */
  findMeetingId(ownerId: UserId, joinUrl: string): Promise<string | null>;
  /** Every record of every attendance report of the meeting (all pages). */
  attendance(ownerId: UserId, meetingId: string): Promise<{ reports: number; records: AttendanceRecordIn[] }>;
}

/** GRAPH_MODE=off: no Teams meetings. */
export const offlineMeetings: OnlineMeetings = {
  live: false,
  createEvent: async () => {
    throw new MeetingCallError('refused', 'Graph is off');
  },
  joinUrl: async () => undefined,
  updateEvent: async () => undefined,
  deleteEvent: async () => undefined,
  findMeetingId: async () => null,
  attendance: async () => ({ reports: 0, records: [] }),
};
