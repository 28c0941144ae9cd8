// New-channel proposals: anyone proposes; the hub's coordinators are asked; the first decision
// wins. Approval claims the proposal under its ETag ("approving"), creates the channel (in Teams
// through Graph when it is connected, and in the directory), makes the proposer a lead and a member,
// then marks it approved. If creation fails the claim is released and nothing else has changed.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Config } from '../config.js';
import type { Logger } from '../logging.js';
import type { Clock, Notifier, PersonRepository } from '../domain/ports.js';
import type { ChannelRepository, MembershipRepository, ProposalRepository, TeamsDirectory } from '../domain/channels/ports.js';
import type { PeopleService } from './people.js';
import type { ChannelService } from './channels.js';
import type { Actor, UserId } from '../domain/people/person.js';
import type { Channel } from '../domain/channels/channel.js';
import { readProposal, slugify, type ChannelProposal, type ProposalStatus } from '../domain/channels/proposal.js';
import { coordinatesHub } from '../domain/channels/rules.js';
import { normalise } from '../domain/channels/resolve.js';
import { TeamsDirectoryError } from '../domain/channels/ports.js';
import { HUB_NAMES } from '../domain/people/hubs.js';
import { AppError, forbidden, invalid, notFound, unavailable } from '../domain/errors.js';
import { cleanText } from '../domain/text.js';
import { proposalApprovedNotice, proposalNotice, proposalRejectedNotice, proposalView, proposedLeadNotice, type ProposalView } from '../cards/channels/proposals.js';

/** Everything the proposal service may touch. */
export interface ProposalDeps {
  config: Pick<Config, 'virtualCafeTeamId'>;
  clock: Clock;
  logger: Logger;
  channels: ChannelRepository;
  memberships: MembershipRepository;
  channelProposals: ProposalRepository;
  teamsDirectory: TeamsDirectory;
  people: Pick<PeopleService, 'names' | 'coordinatorsFor'>;
  persons: PersonRepository;
  notifier: Notifier;
  /** The welcome an approved channel's proposer gets. */
  welcomes: Pick<ChannelService, 'welcome'>;
}

/** An "approving" claim older than this was left by a crash: another coordinator may take over. */
const STALE_CLAIM_MS = 2 * 60_000;
const PROPOSAL_ID = /^p-[a-z0-9]{1,16}-[a-f0-9]{6}$/;
const DEFAULT_GUIDELINES = 'Be kind and curious. Share learning and resources, never patient-identifiable information.';

export type DecideOutcome = { outcome: 'approved'; proposal: ChannelProposal; channel: Channel } | { outcome: 'rejected'; proposal: ChannelProposal } | { outcome: 'already'; proposal: ChannelProposal };

export class ChannelProposalService {
  constructor(private readonly d: ProposalDeps) {}

  async propose(actor: Actor, input: Record<string, unknown>): Promise<ChannelProposal> {
    const fields = readProposal(input);
    const key = normalise(fields.name);
    const existing = (await this.d.channels.list()).find((c) => normalise(c.name) === key);
    if (existing) throw invalid(`A channel called “${existing.name}” already exists — type "join ${existing.shortName}" to join it.`, { field: 'name' });
    const pending = (await this.d.channelProposals.list()).find((p) => (p.status === 'pending' || p.status === 'approving') && normalise(p.name) === key);
    if (pending) throw invalid(`“${pending.name}” has already been proposed and is waiting for a coordinator.`, { field: 'name' });
    const now = this.d.clock.now();
    const proposal: ChannelProposal = {
      id: `p-${now.getTime().toString(36)}-${randomBytes(3).toString('hex')}`,
      ...fields,
      proposedLeadIds: fields.proposedLeadIds.filter((id) => id !== actor.id),
      proposerId: actor.id,
      status: 'pending',
      createdAt: now,
    };
    await this.d.channelProposals.create(proposal);
    const message = proposalNotice(await this.view(proposal));
    const coordinators = await this.d.people.coordinatorsFor(proposal.hub);
    await Promise.all(coordinators.map((id) => this.d.notifier.notify(id, message, `channel-proposal:${proposal.id}:${id}`, 'channel')));
    return proposal;
  }

  /** Proposals for the hubs the coordinator covers. `status`: pending, approved, rejected or all. */
  async list(actor: Actor, status?: unknown): Promise<ChannelProposal[]> {
    if (!actor.roles.some((g) => g.role === 'coordinator')) throw forbidden('Only hub coordinators can see channel proposals.');
    if (status !== undefined && status !== '' && status !== 'all' && status !== 'pending' && status !== 'approved' && status !== 'rejected') {
      throw invalid('status must be pending, approved, rejected or all.', { field: 'status' });
    }
    const wanted: ProposalStatus[] | null = status === 'pending' ? ['pending', 'approving'] : status === 'approved' || status === 'rejected' ? [status] : null;
    const all = await this.d.channelProposals.list();
    return all.filter((p) => (!wanted || wanted.includes(p.status)) && coordinatesHub(actor, p.hub));
  }

  /** Names and labels for cards and the tab. */
  async view(p: ChannelProposal): Promise<ProposalView> {
    return proposalView(p, await this.d.people.names([p.proposerId, ...p.proposedLeadIds]));
  }

  async requireProposal(id: unknown): Promise<ChannelProposal> {
    const p = typeof id === 'string' && PROPOSAL_ID.test(id) ? await this.d.channelProposals.get(id) : null;
    if (!p) throw notFound('I could not find that channel proposal.');
    return p;
  }

  async decide(actor: Actor, proposalId: unknown, approve: boolean, reasonInput: unknown): Promise<DecideOutcome> {
    const proposal = await this.requireProposal(proposalId);
    if (!coordinatesHub(actor, proposal.hub)) throw forbidden(`Only a coordinator of ${HUB_NAMES[proposal.hub]} can decide this proposal.`);
    const reason = cleanText(reasonInput, 500);
    if (reason === null) throw invalid('The reason must be text of at most 500 characters.', { field: 'reason' });
    if (!approve && !reason) throw invalid('Give a reason for rejecting: the proposer will see it.', { field: 'reason' });
    const now = this.d.clock.now();
    const open = (p: ChannelProposal) => p.status === 'pending' || (p.status === 'approving' && (!p.claim || now.getTime() - p.claim.at.getTime() > STALE_CLAIM_MS));

    if (!approve) {
      const r = await this.d.channelProposals.update(proposal.id, (p) =>
        open(p) ? { ...p, status: 'rejected', reason, decidedBy: actor.id, decidedAt: now, claim: undefined } : undefined,
      );
      if (!r) throw notFound('I could not find that channel proposal.');
      if (r.after.status !== 'rejected' || r.before.status === 'rejected') return { outcome: 'already', proposal: r.after };
      if (r.after.proposerId) await this.d.notifier.notify(r.after.proposerId, proposalRejectedNotice(proposal.name, reason), `channel-proposal-rejected:${proposal.id}`, 'channel');
      return { outcome: 'rejected', proposal: r.after };
    }

    const token = randomUUID();
    const claimed = await this.d.channelProposals.update(proposal.id, (p) => (open(p) ? { ...p, status: 'approving', claim: { token, at: now } } : undefined));
    if (!claimed) throw notFound('I could not find that channel proposal.');
    if (claimed.after.claim?.token !== token) return { outcome: 'already', proposal: claimed.after };
    let channel: Channel;
    try {
      channel = await this.createChannel(claimed.after);
    } catch (e) {
      await this.d.channelProposals
        .update(proposal.id, (p) => (p.claim?.token === token ? { ...p, status: 'pending', claim: undefined } : undefined))
        .catch(() => undefined);
      throw e;
    }
    const done = await this.d.channelProposals.update(proposal.id, (p) =>
      p.claim?.token === token ? { ...p, status: 'approved', channelId: channel.id, decidedBy: actor.id, decidedAt: now, ...(reason ? { reason } : {}), claim: undefined } : undefined,
    );
    const approved = done?.after ?? { ...claimed.after, status: 'approved' as const, channelId: channel.id };
    await this.tellApproved(approved, channel);
    return { outcome: 'approved', proposal: approved, channel };
  }

  private async tellApproved(p: ChannelProposal, channel: Channel): Promise<void> {
    const fresh = (await this.d.channels.get(channel.id)) ?? channel;
    const welcome = await this.d.welcomes.welcome(fresh, this.d.teamsDirectory.live && !!fresh.teamsChannelId);
    if (p.proposerId) await this.d.notifier.notify(p.proposerId, proposalApprovedNotice(welcome), `channel-proposal-approved:${p.id}`, 'channel');
    const message = proposedLeadNotice(channel);
    await Promise.all(channel.leadIds.filter((id) => id !== p.proposerId).map((id) => this.d.notifier.notify(id, message, `channel-lead:${channel.id}:${id}:${p.id}`, 'channel')));
  }

  /** Creates the channel in Teams (when connected) and in the directory; the proposer joins as lead. */
  private async createChannel(p: ChannelProposal): Promise<Channel> {
    const { teamsDirectory: directory, config, channels, memberships, clock } = this.d;
    const teamId = config.virtualCafeTeamId;
    const leadIds = [...new Set([p.proposerId, ...p.proposedLeadIds])].filter(Boolean).slice(0, 10) as UserId[];
    let teamsChannelId: string | undefined;
    if (directory.live && teamId) {
      try {
        teamsChannelId = (await directory.createChannel(teamId, { displayName: p.name, description: p.purpose, membershipType: p.channelType, ownerId: p.proposerId })).id;
      } catch (e) {
        throw explainCreateFailure(e, p.name);
      }
    }
    const base = slugify(p.name);
    const candidates = [base, ...[2, 3, 4, 5, 6, 7, 8, 9].map((n) => `${base}-${n}`), `${base}-${randomBytes(3).toString('hex')}`];
    let channel: Channel | null = null;
    for (const id of candidates) {
      const next: Channel = {
        id,
        name: p.name,
        shortName: id,
        purpose: p.purpose,
        guidelines: DEFAULT_GUIDELINES,
        hub: p.hub,
        professions: p.professions,
        leadIds,
        memberCount: 0,
        approvalRequired: false,
        channelType: p.channelType,
        ...(teamsChannelId ? { teamsChannelId, ...(teamId ? { teamId } : {}) } : {}),
      };
      if (await channels.create(next)) {
        channel = next;
        break;
      }
    }
    if (!channel) throw unavailable('I could not register the new channel. Please try again.');
    const person = await this.d.persons.get(p.proposerId);
    if (p.channelType === 'standard' && directory.live && teamId) {
      // The proposer needs to be in the team to see a standard channel; not fatal if it fails.
      await directory.ensureTeamMember(teamId, { id: p.proposerId, guest: !!person?.guest }).catch((e: unknown) =>
        this.d.logger.warn({ failure: e instanceof TeamsDirectoryError ? e.failure : 'error' }, 'could not add proposer to team'),
      );
    }
    await memberships.addMember({ channelId: channel.id, userId: p.proposerId, guest: !!person?.guest, joinedAt: clock.now() });
    return (await channels.get(channel.id)) ?? channel;
  }
}

function explainCreateFailure(e: unknown, name: string): unknown {
  if (!(e instanceof TeamsDirectoryError)) return e;
  const still = 'Nothing has changed; the proposal is still waiting.';
  switch (e.failure) {
    case 'forbidden':
      return new AppError('forbidden', `Microsoft Teams did not let the app create “${name}” (it needs permission to create channels). ${still}`);
    case 'not-found':
      return new AppError('not-found', `Microsoft Teams could not find the Virtual Café team to create “${name}” in. ${still}`);
    case 'throttled':
      return unavailable(`Microsoft Teams is busy right now. ${still} Try again in ${e.retryAfterSeconds ?? 60} seconds.`);
    default:
      return unavailable(`I could not reach Microsoft Teams to create “${name}”. ${still}`);
  }
}
