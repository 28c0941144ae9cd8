// What the facilitation use cases need from storage. The Table adapters live in src/storage/.
import type { UserId } from '../people/person.js';
import type { Facilitator } from './facilitator.js';
import type { FacilitationRequest, RequestStatus } from './request.js';
import type { SessionRecord } from './matching.js';

export interface StoredRequest {
  request: FacilitationRequest;
  /** The version read; a write with it fails if anyone changed the request since. */
  etag: string;
}

/** A request still looking for someone (the sweep and the dashboard read these). */
export interface OpenRequestEntry {
  requestId: string;
  status: RequestStatus;
  /** When the current offer runs out (status offered). */
  expiresAt?: Date;
  start: Date;
}

/** A confirmed session with what the dashboard needs. */
export interface SessionEntry extends SessionRecord {
  hub: string;
  createdAt: Date;
  confirmedAt: Date;
}

export interface FacilitationStore {
  get(id: string): Promise<StoredRequest | null>;
  /** Stores a new request; 'duplicate' when that channel already has a live request starting then. */
  create(request: FacilitationRequest): Promise<'created' | { duplicateOf: string }>;
  /** Replaces `previous` with `next` (and every index that follows from it) in one transaction; false if it changed meanwhile. */
  replace(previous: StoredRequest, next: FacilitationRequest): Promise<boolean>;
  openRequests(): Promise<OpenRequestEntry[]>;
  /** Requests this person leads, oldest first. */
  requestIdsLedBy(leadId: UserId): Promise<string[]>;
  /** Requests this person was ever offered or assigned. */
  requestIdsOfferedTo(userId: UserId): Promise<string[]>;
  /** Confirmed sessions starting at or after `from`. */
  sessionsFrom(from: Date): Promise<SessionEntry[]>;
  /** Requests made in [from, to) (the hubs' insights). */
  requestsCreatedIn(from: Date, to: Date): Promise<FacilitationRequest[]>;
  /** Whose calendar link a token is. */
  calendarToken(token: string): Promise<{ requestId: string; userId: UserId } | null>;
}

export interface FacilitatorRepository {
  list(): Promise<Facilitator[]>;
  get(userId: UserId): Promise<Facilitator | null>;
  /** Adds; false when they are already in the pool. */
  create(facilitator: Facilitator): Promise<boolean>;
  /** Read-modify-write under the row's ETag; `change` returns the new profile or undefined for no change. */
  update(userId: UserId, change: (current: Facilitator) => Facilitator | undefined): Promise<Facilitator | null>;
  delete(userId: UserId): Promise<boolean>;
}
