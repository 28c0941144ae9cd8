// Channel card actions: join/leave from any card, page the directory, propose and decide
// proposals, decide join requests, edit a channel, see its members.
import type { CardAction, ActionData, CardActionResult } from '../cardActionRouter.js';
import type { BotTurn } from '../turn.js';
import { Verbs } from '../../cards/verbs.js';
import { editChannelCard, membersCard, joinRequestCard, proposalReviewCard, noticeCard } from '../../cards/builders/channelLeads.js';
import { requireEdit } from '../../domain/channels/rules.js';
import { cardMessage } from '../replies.js';
import { directoryCardFor, joinAnswerCard, profileFirstCard, readPage, readQuery, sharedJoinText } from '../channelViews.js';
import { leaveText } from '../commands/channels.js';
import { personDetails } from '../../services/channelMessages.js';
import { HUB_NAMES } from '../../domain/people/hubs.js';

const MEMBERS_SHOWN = 40;

export async function membersCardFor(turn: BotTurn, channelId: unknown) {
  const { channel, members, pending } = await turn.services.channelService.members(turn.actor, channelId);
  return membersCard({
    channelId: channel.id,
    name: channel.name,
    memberCount: channel.memberCount,
    members: members.map((m) => ({ userId: m.userId, name: m.name, details: m.details })),
    pending: pending.map((m) => ({ userId: m.userId, name: m.name, details: m.details })),
    shownLimit: MEMBERS_SHOWN,
  });
}

const fromDirectory = (data: ActionData) => data.from === 'directory';

const joinAction: CardAction = {
  verb: Verbs.channelJoin,
  async run(turn, data): Promise<CardActionResult> {
    const channel = await turn.services.channelService.requireChannel(data.channelId);
    const personal = turn.scope === 'personal';
    if (!(await turn.services.people.getProfile(turn.actor.id))) {
      if (personal) return { card: profileFirstCard(channel) };
      await turn.services.notifier.notify(turn.actor.id, { text: `Before you join ${channel.name}, tell us a little about you.`, card: profileFirstCard(channel) }, `channel-profile-first:${channel.id}:${turn.actor.id}:${Date.now()}`, 'channel');
      return { message: `Before you join ${channel.name} I need a short profile from you — I have sent it to our 1:1 chat.` };
    }
    const result = await turn.services.channelService.join(turn.actor, channel.id, { welcome: personal ? 'return' : 'notify' });
    if (!personal) return { message: sharedJoinText(turn, result) };
    if (fromDirectory(data)) {
      // Keep the directory where it was; the welcome arrives as its own message.
      if (result.status === 'joined') await turn.reply(cardMessage(joinAnswerCard(turn, result)));
      const notice = result.status === 'joined' ? `You joined ${channel.name} — your welcome is below.` : sharedJoinText(turn, result).replace(`${turn.actor.name}: `, '');
      return { card: await directoryCardFor(turn, readQuery(data.q), readPage(data.page), { text: notice, good: result.status === 'joined' || result.status === 'requested' }) };
    }
    return { card: joinAnswerCard(turn, result) };
  },
};

const leaveAction: CardAction = {
  verb: Verbs.channelLeave,
  async run(turn, data) {
    const result = await turn.services.channelService.leave(turn.actor, data.channelId);
    const text = leaveText(result.status, result.channel.name, result.teamsNote);
    if (fromDirectory(data) && turn.scope === 'personal') return { card: await directoryCardFor(turn, readQuery(data.q), readPage(data.page), { text, good: result.status !== 'not-member' }) };
    return { message: text };
  },
};

const directoryAction: CardAction = {
  verb: Verbs.channelDirectory,
  async run(turn, data) {
    return { card: await directoryCardFor(turn, readQuery(data.q), readPage(data.page)) };
  },
};

const proposeAction: CardAction = {
  verb: Verbs.channelPropose,
  async run(turn, data) {
    const p = await turn.services.proposalService.propose(turn.actor, data);
    const text = `Thank you. Your proposal for “${p.name}” has gone to the coordinators of ${HUB_NAMES[p.hub]}. I will tell you when they decide.`;
    return { card: noticeCard('Proposal sent', text) };
  },
};

function proposalDecision(approve: boolean): CardAction {
  return {
    verb: approve ? Verbs.channelProposalApprove : Verbs.channelProposalReject,
    async run(turn, data) {
      const service = turn.services.proposalService;
      const result = await service.decide(turn.actor, data.proposalId, approve, data.reason);
      const view = await service.view(result.proposal);
      if (result.outcome === 'approved') {
        return { card: proposalReviewCard({ proposal: view, state: 'approved', outcome: `Approved by you. ${result.channel.name} is ready, with ${view.leads} as ${result.channel.leadIds.length === 1 ? 'lead' : 'leads'}.` }) };
      }
      if (result.outcome === 'rejected') return { card: proposalReviewCard({ proposal: view, state: 'rejected', outcome: 'Rejected by you. The proposer has been told why.' }) };
      const by = result.proposal.decidedBy ? ((await turn.services.people.names([result.proposal.decidedBy])).get(result.proposal.decidedBy) ?? 'another coordinator') : 'another coordinator';
      const p = result.proposal;
      const outcome =
        p.status === 'approved' ? `Already approved by ${by}. The channel is ready.` : p.status === 'rejected' ? `Already rejected by ${by}${p.reason ? `: “${p.reason}”` : '.'}` : 'Another coordinator is approving it right now.';
      return { card: proposalReviewCard({ proposal: view, state: p.status === 'rejected' ? 'rejected' : 'approved', outcome }) };
    },
  };
}

function requestDecision(approve: boolean): CardAction {
  return {
    verb: approve ? Verbs.channelRequestApprove : Verbs.channelRequestDecline,
    async run(turn, data) {
      const r = await turn.services.channelService.decideRequest(turn.actor, data.channelId, data.userId, approve, data.reason);
      const requester = { userId: r.request.userId, name: r.requesterName, details: personDetails(r.request.guest, r.request.guest ? null : await turn.services.profiles.get(r.request.userId)) };
      const state = r.request.status === 'approved' ? 'approved' : r.request.status === 'declined' ? 'declined' : 'pending';
      const outcome =
        r.outcome === 'approved'
          ? `Approved by you. ${r.requesterName} is now a member and has their welcome.`
          : r.outcome === 'declined'
            ? `Declined by you. ${r.requesterName} has been told.`
            : `This request was already ${r.request.status === 'approved' ? 'approved' : 'declined'}.`;
      return { card: joinRequestCard({ channelId: r.channel.id, channelName: r.channel.name, requester, state, outcome }) };
    },
  };
}

const editAction: CardAction = {
  verb: Verbs.channelEdit,
  async run(turn, data) {
    const channel = await turn.services.channelService.requireChannel(data.channelId);
    requireEdit(turn.actor, channel);
    return { card: editChannelCard({ channelId: channel.id, name: channel.name, purpose: channel.purpose, guidelines: channel.guidelines }) };
  },
};

const updateAction: CardAction = {
  verb: Verbs.channelUpdate,
  async run(turn, data) {
    const updated = await turn.services.channelService.updateText(turn.actor, data.channelId, { purpose: data.purpose, guidelines: data.guidelines });
    return { card: editChannelCard({ channelId: updated.id, name: updated.name, purpose: updated.purpose, guidelines: updated.guidelines, status: 'Saved. New members will see this in their welcome.' }) };
  },
};

const membersAction: CardAction = {
  verb: Verbs.channelMembers,
  async run(turn, data) {
    return { card: await membersCardFor(turn, data.channelId) };
  },
};

export const channelCardActions: CardAction[] = [
  joinAction,
  leaveAction,
  directoryAction,
  proposeAction,
  proposalDecision(true),
  proposalDecision(false),
  requestDecision(true),
  requestDecision(false),
  editAction,
  updateAction,
  membersAction,
];
