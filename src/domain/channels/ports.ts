import type { Channel, ChannelType } from './channel.js';
import type { JoinRequest, Membership } from './membership.js';
import type { ChannelProposal, ProposalStatus } from './proposal.js';
import type { UserId } from '../people/person.js';

export interface ChannelRepository {
  list(): Promise<Channel[]>;
  get(id: string): Promise<Channel | null>;
  /** Creates a channel; false if the id is taken. */
  create(channel: Channel): Promise<boolean>;
  /** Read-modify-write under the row's ETag; `change` returns the new channel or undefined for no change. */
  update(id: string, change: (current: Channel) => Channel | undefined): Promise<Channel | null>;
}

/** Where member counts come from (the membership store keeps them with the memberships). */
export interface MemberCounts {
  count(channelId: string): Promise<number>;
  /** Hears each channel's new count after every membership change committed through this store. */
  watch?(listener: (channelId: string, members: number) => void): void;
}

export type AddMemberResult = { status: 'joined'; membership: Membership } | { status: 'already-member'; membership: Membership };
export type AddRequestResult = { status: 'requested' | 'already-requested'; request: JoinRequest } | { status: 'already-member' };
export type DecideRequestResult =
  | { status: 'approved'; membership: Membership; request: JoinRequest }
  | { status: 'declined'; request: JoinRequest }
  | { status: 'already-decided'; request: JoinRequest }
  | { status: 'no-request' };

/**
 * Memberships and join requests. "Members of a channel" and "channels of a person" are each one
 * partition read; counts move in the same transaction as the rows they count.
 */
export interface MembershipRepository extends MemberCounts {
  getMember(channelId: string, userId: UserId): Promise<Membership | null>;
  addMember(m: Membership): Promise<AddMemberResult>;
  /** Removes the membership; also withdraws a pending request. */
  removeMember(channelId: string, userId: UserId): Promise<{ removed: Membership | null; withdrawn: JoinRequest | null }>;
  getRequest(channelId: string, userId: UserId): Promise<JoinRequest | null>;
  addRequest(r: { channelId: string; userId: UserId; guest: boolean; requestedAt: Date }): Promise<AddRequestResult>;
  /** First decision wins: a request already decided answers `already-decided`. */
  decideRequest(channelId: string, userId: UserId, decision: { approve: boolean; at: Date; reason?: string; graphMemberId?: string }): Promise<DecideRequestResult>;
  membersOf(channelId: string): Promise<Membership[]>;
  pendingRequestsOf(channelId: string): Promise<JoinRequest[]>;
  /** The person's memberships (checked against the channel side; stale index rows repaired). */
  channelsOf(userId: UserId): Promise<Membership[]>;
  requestsOf(userId: UserId): Promise<JoinRequest[]>;
  /** Bulk load for demo data: members not already present are added, counts kept right. */
  importMembers(channelId: string, members: Membership[]): Promise<number>;
  /** Removes every membership and request of a person ("forget me"), counts kept right. */
  forget(userId: UserId): Promise<void>;
}

export interface ProposalRepository {
  create(p: ChannelProposal): Promise<void>;
  get(id: string): Promise<ChannelProposal | null>;
  list(status?: ProposalStatus): Promise<ChannelProposal[]>;
  /** Read-modify-write under the ETag; `change` returns the next proposal or undefined for no change. */
  update(id: string, change: (current: ChannelProposal) => ChannelProposal | undefined): Promise<{ before: ChannelProposal; after: ChannelProposal } | null>;
  /** Proposals someone made or is named in (for "my data" and "forget me"). */
  involving(userId: UserId): Promise<ChannelProposal[]>;
  replace(p: ChannelProposal): Promise<void>;
}

/** A person as Teams membership needs them. */
export interface DirectoryUser {
  id: UserId;
  guest: boolean;
  /** Set when they belong to another tenant (shared channels admit them directly). */
  tenantId?: string;
}

/**
 * The Teams side of a membership (Microsoft Graph, app-only). `live` is false when Graph is off
 * (local runs): memberships are then only recorded, and the welcome carries a deep link.
 */
export interface TeamsDirectory {
  readonly live: boolean;
  ensureTeamMember(teamId: string, user: DirectoryUser): Promise<void>;
  addChannelMember(teamId: string, channelId: string, user: DirectoryUser): Promise<{ membershipId?: string }>;
  removeChannelMember(teamId: string, channelId: string, membershipId: string): Promise<void>;
  createChannel(teamId: string, spec: { displayName: string; description: string; membershipType: ChannelType; ownerId: UserId }): Promise<{ id: string; webUrl?: string }>;
}

export type TeamsDirectoryFailure = 'forbidden' | 'not-found' | 'throttled' | 'failed';

/** A Graph call that did not succeed, in terms the service can explain to a person. */
export class TeamsDirectoryError extends Error {
  constructor(
    readonly failure: TeamsDirectoryFailure,
    message: string,
    readonly status?: number,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'TeamsDirectoryError';
  }
}

/** GRAPH_MODE=off: nothing to do in Teams. */
export const offlineTeamsDirectory: TeamsDirectory = {
  live: false,
  ensureTeamMember: async () => undefined,
  addChannelMember: async () => ({}),
  removeChannelMember: async () => undefined,
  createChannel: async () => {
    throw new TeamsDirectoryError('failed', 'Teams is not connected (GRAPH_MODE=off).');
  },
};
