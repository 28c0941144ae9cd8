// A Community of Practice channel in the Virtual Café team.
import type { Hub } from '../people/hubs.js';
import type { Profession } from '../people/professions.js';
import type { UserId } from '../people/person.js';

export type ChannelType = 'standard' | 'private' | 'shared';

export interface Channel {
  id: string;
  name: string;
  /** A short handle people can type: "join anp". */
  shortName: string;
  purpose: string;
  guidelines: string;
  hub: Hub;
  professions: Profession[];
  leadIds: UserId[];
  memberCount: number;
  approvalRequired: boolean;
  channelType: ChannelType;
  teamId?: string;
  teamsChannelId?: string;
}

/** The Channel JSON of the HTTP API (interfaces.md), exactly these fields. */
export function channelJson(c: Channel): Channel {
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
