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
