// Channels as the API answers them (interfaces.md: Channel JSON, the directory, members,
// proposals) and the views the services hand to the channel cards. Imports domain only; the tab
// imports these type-only.
import type { Channel } from '../domain/channels/channel.js';
import type { JoinStatus, LeaveStatus } from '../domain/channels/membership.js';
import type { ChannelProposal } from '../domain/channels/proposal.js';
import type { Hub } from '../domain/people/hubs.js';
import type { Profession } from '../domain/people/professions.js';
import type { Profile, UserId } from '../domain/people/person.js';
import type { UpcomingEvent } from '../domain/ports.js';
import { toLondonIso } from '../domain/time/london.js';

/** Channel JSON: exactly the fields of interfaces.md. */
export type ChannelJson = Channel;

export function channelJson(c: Channel): ChannelJson {
  return {
    id: c.id,
    name: c.name,
    shortName: c.shortName,
    purpose: c.purpose,
    guidelines: c.guidelines,
    hub: c.hub,
    professions: [...c.professions],
    leadIds: [...c.leadIds],
    memberCount: c.memberCount,
    approvalRequired: c.approvalRequired,
    channelType: c.channelType,
    ...(c.teamId ? { teamId: c.teamId } : {}),
    ...(c.teamsChannelId ? { teamsChannelId: c.teamsChannelId } : {}),
  };
}

export interface NamedPerson {
  id: UserId;
  name: string;
}

/** A viewer's own place in a channel. */
export type MyChannelStatus = 'member' | 'requested' | 'none';

/** One channel of the directory as the service finds it (cards and the API shape it). */
export interface DirectoryItem {
  channel: Channel;
  leads: NamedPerson[];
  nextEvents: UpcomingEvent[];
  my: MyChannelStatus;
}

export interface UpcomingEventJson {
  eventId: string;
  title: string;
  start: string;
  end: string;
}

export const upcomingEventJson = (e: UpcomingEvent): UpcomingEventJson => ({ eventId: e.eventId, title: e.title, start: toLondonIso(e.start), end: toLondonIso(e.end) });

/** GET /api/channel-directory items: the Channel JSON plus leads' names, next events and my state. */
export interface DirectoryItemJson {
  channel: ChannelJson;
  leads: NamedPerson[];
  nextEvents: UpcomingEventJson[];
  myStatus: MyChannelStatus;
}

export const directoryItemJson = (i: DirectoryItem): DirectoryItemJson => ({
  channel: channelJson(i.channel),
  leads: i.leads,
  nextEvents: i.nextEvents.map(upcomingEventJson),
  myStatus: i.my,
});

/** GET /api/channel-directory */
export interface DirectoryAnswer {
  total: number;
  items: DirectoryItemJson[];
  next?: string;
}

/** POST /api/channels/{id}/members (201) */
export interface JoinAnswer {
  status: Exclude<JoinStatus, 'already-requested'>;
}

/** DELETE /api/channels/{id}/members/me */
export interface LeaveAnswer {
  status: LeaveStatus;
  /** Why Teams still shows the channel (the app could not take them out there). */
  note?: string;
}

/** A member or a pending join request, as the channel's leads see it. */
export interface MemberView {
  userId: UserId;
  name: string;
  guest: boolean;
  /** Joined (members) or asked (pending requests). */
  joinedAt: Date;
  /** Profile details in words for leads; never for guests. */
  details: string;
  profile?: Profile;
}

/** GET /api/channels/{id}/members rows. */
export interface MemberJson {
  userId: UserId;
  name: string;
  guest: boolean;
  joinedAt?: string;
  requestedAt?: string;
  profession?: Profession;
  hub?: Hub;
  pcn?: string;
  organisation?: string;
}

export const memberJson = (m: MemberView, at: 'joinedAt' | 'requestedAt'): MemberJson => ({
  userId: m.userId,
  name: m.name,
  guest: m.guest,
  [at]: m.joinedAt.toISOString(),
  ...(m.profile ?? {}),
});

/** GET /api/channels/{id}/members */
export interface MembersAnswer {
  items: MemberJson[];
  pending: MemberJson[];
}

/** POST /api/channels/{id}/requests/{userId}/approve|decline */
export interface RequestDecisionAnswer {
  status: 'approved' | 'declined';
}

/** A proposal as the HTTP API shows it (interfaces.md). */
export interface ProposalJson {
  id: string;
  name: string;
  purpose: string;
  hub: Hub;
  professions: Profession[];
  proposerId: UserId;
  status: 'pending' | 'approved' | 'rejected';
  reason?: string;
  proposedLeadIds: UserId[];
  channelType: Channel['channelType'];
  channelId?: string;
  createdAt: string;
  decidedAt?: string;
}

export function proposalJson(p: ChannelProposal): ProposalJson {
  return {
    id: p.id,
    name: p.name,
    purpose: p.purpose,
    hub: p.hub,
    professions: p.professions,
    proposerId: p.proposerId,
    status: p.status === 'approving' ? 'pending' : p.status,
    ...(p.reason ? { reason: p.reason } : {}),
    proposedLeadIds: p.proposedLeadIds,
    channelType: p.channelType,
    ...(p.channelId ? { channelId: p.channelId } : {}),
    createdAt: p.createdAt.toISOString(),
    ...(p.decidedAt ? { decidedAt: p.decidedAt.toISOString() } : {}),
  };
}

/** GET /api/channel-proposals items: the proposal and the proposer's name. */
export interface ProposalListItem extends ProposalJson {
  proposerName: string;
}

/** POST /api/channel-proposals/{id}/approve|reject */
export interface ProposalDecisionAnswer {
  proposal: ProposalJson;
  channel?: ChannelJson;
}

/** What a join did, and the welcome when the person joined just now. */
export interface JoinResult {
  status: JoinStatus;
  channel: Channel;
  welcome?: Welcome;
}

/** Everything a welcome says: the channel, its leads and next events, how to open it. */
export interface Welcome {
  channel: Channel;
  leads: NamedPerson[];
  nextEvents: UpcomingEvent[];
  link: { url: string; inTeams: boolean };
  /** The app added them in Teams just now (Graph on). */
  addedInTeams: boolean;
}
