// Channel shapes of the HTTP API as the tab sees them.
import type { Hub, Me } from '../../types';

export interface Channel {
  id: string;
  name: string;
  shortName: string;
  purpose: string;
  guidelines: string;
  hub: Hub;
  professions: string[];
  leadIds: string[];
  memberCount: number;
  approvalRequired: boolean;
  channelType: 'standard' | 'private' | 'shared';
  teamId?: string;
  teamsChannelId?: string;
}

export interface DirectoryItem {
  channel: Channel;
  leads: { id: string; name: string }[];
  nextEvents: { eventId: string; title: string; start: string; end: string }[];
  myStatus: 'member' | 'requested' | 'none';
}

export interface MemberRow {
  userId: string;
  name: string;
  guest: boolean;
  joinedAt?: string;
  requestedAt?: string;
  profession?: string;
  hub?: string;
  pcn?: string;
  organisation?: string;
}

export interface Proposal {
  id: string;
  name: string;
  purpose: string;
  hub: Hub;
  professions: string[];
  proposerId: string;
  proposerName?: string;
  status: 'pending' | 'approved' | 'rejected';
  reason?: string;
  channelType: Channel['channelType'];
  createdAt: string;
}

const covers = (target: Hub, hub: Hub) => target === 'kent-medway' || hub === 'kent-medway' || target === hub;

/** Mirrors the server's rule: coordinators manage their hubs' channels and every all-K&M one. */
export const coordinates = (me: Me, hub: Hub) => me.roles.some((g) => g.role === 'coordinator' && g.hubs.some((h) => covers(hub, h)));

export const canEdit = (me: Me, c: Channel) => c.leadIds.includes(me.id) || coordinates(me, c.hub);

/** "Tue 14 Jul, 12:30" in London time. */
export function whenText(startIso: string, endIso: string): string {
  const opts: Intl.DateTimeFormatOptions = { timeZone: 'Europe/London', weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' };
  const end = new Date(endIso).toLocaleTimeString('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' });
  return `${new Date(startIso).toLocaleString('en-GB', opts)}–${end}`;
}
