// Wires the channels area: the channel directory, memberships and proposals on Tables, the Teams
// side of membership (Graph), the channel and proposal services, and their personal data.
import type { Config } from '../config.js';
import type { Logger } from '../logging.js';
import type { Clock, Notifier, PersonalDataHolder, UpcomingEvents } from '../domain/ports.js';
import type { ChannelRepository, MembershipRepository, ProposalRepository, TeamsDirectory } from '../domain/channels/ports.js';
import type { Storage } from '../storage/storage.js';
import { TableChannelRepository } from '../storage/channelRepository.js';
import { TableMembershipRepository } from '../storage/membershipRepository.js';
import { TableProposalRepository } from '../storage/proposalRepository.js';
import { createTeamsDirectory } from '../teams/graphDirectory.js';
import { ChannelService } from '../services/channels.js';
import { ChannelProposalService } from '../services/channelProposals.js';
import { channelDataHolder } from '../services/channelPersonalData.js';
import type { PeopleArea } from './people.js';

/** The channel tables; the events area reads them too, so they are made first. */
export interface ChannelStores {
  channels: ChannelRepository;
  /** Channel memberships and join requests. */
  memberships: MembershipRepository;
  channelProposals: ProposalRepository;
}

export function channelStores(storage: Storage, clock: Clock): ChannelStores {
  const memberships = new TableMembershipRepository(storage.table('channelMembers'), () => clock.now());
  return { channels: new TableChannelRepository(storage.table('channels'), memberships), memberships, channelProposals: new TableProposalRepository(storage.table('channelProposals')) };
}

/** What the channels area offers the edges. */
export interface ChannelsArea extends ChannelStores {
  /** The Teams side of channel membership (Graph, or nothing when GRAPH_MODE=off). */
  teamsDirectory: TeamsDirectory;
  channelService: ChannelService;
  proposalService: ChannelProposalService;
}

export function composeChannels(
  d: ChannelStores & Pick<PeopleArea, 'people' | 'profiles' | 'persons'> & { config: Config; clock: Clock; logger: Logger; notifier: Notifier; upcomingEvents: UpcomingEvents },
): { area: ChannelsArea; dataHolder: PersonalDataHolder } {
  const { config, clock, logger, channels, memberships, channelProposals, people, profiles, persons, notifier } = d;
  const teamsDirectory = createTeamsDirectory(config, logger);
  const channelService = new ChannelService({ config, clock, logger, channels, memberships, teamsDirectory, people, profiles, persons, notifier, upcomingEvents: d.upcomingEvents });
  const proposalService = new ChannelProposalService({ config, clock, logger, channels, memberships, channelProposals, teamsDirectory, people, persons, notifier, welcomes: channelService });
  return {
    area: { channels, memberships, channelProposals, teamsDirectory, channelService, proposalService },
    dataHolder: channelDataHolder({ channels, memberships, channelProposals }),
  };
}
