// Channel card actions: join/leave from any card, page the directory, propose and decide
// proposals, decide join requests, edit a channel, see its members.
import type { CardAction, ActionData, CardActionResult } from '../cardActionRouter.js';
import { Verbs } from '../../cards/verbs.js';
import { editChannelCard, joinRequestCard, noticeCard, requestDecisionText } from '../../cards/channels/leads.js';
import { proposalDecisionText, proposalReviewCard } from '../../cards/channels/proposals.js';
import { channelAnswers, joinAnswerCard, profileFirstCard, profileFirstNotice } from '../../cards/channels/answers.js';
import { personDetails } from '../../cards/channels/words.js';
import { requireEdit } from '../../domain/channels/rules.js';
import { cardMessage } from '../replies.js';
import { channelCardFor, directoryCardFor, linkFor, membersCardFor, readPage, readQuery } from '../views/channels.js';

const fromDirectory = (data: ActionData) => data.from === 'directory';
/** From a one-channel card (inserted by the message extension into any chat). */
const fromCard = (data: ActionData) => data.from === 'card';

const joinAction: CardAction = {
  verb: Verbs.channelJoin,
  async run(turn, data): Promise<CardActionResult> {
    const channel = await turn.services.channelService.requireChannel(data.channelId);
    const personal = turn.scope === 'personal';
    if (!(await turn.services.people.getProfile(turn.actor.id))) {
      if (personal) return { card: profileFirstCard(channel) };
      await turn.services.notifier.notify(turn.actor.id, profileFirstNotice(channel), `channel-profile-first:${channel.id}:${turn.actor.id}:${Date.now()}`, 'channel');
      return { message: channelAnswers.profileFirstSharedShort(channel.name) };
    }
    const result = await turn.services.channelService.join(turn.actor, channel.id, { welcome: personal && !fromCard(data) ? 'return' : 'notify' });
    if (fromCard(data)) return { card: await channelCardFor(turn, channel.id, { notice: channelAnswers.joinedFromCard(result) }) };
    if (!personal) return { message: channelAnswers.sharedJoin(turn.actor.name, result) };
    const answer = joinAnswerCard(result, linkFor(turn, result.channel));
    if (fromDirectory(data)) {
      // Keep the directory where it was; the welcome arrives as its own message.
      if (result.status === 'joined') await turn.reply(cardMessage(answer));
      const notice = { text: channelAnswers.joinedFromDirectory(result), good: result.status === 'joined' || result.status === 'requested' };
      return { card: await directoryCardFor(turn, readQuery(data.q), readPage(data.page), notice) };
    }
    return { card: answer };
  },
};

const leaveAction: CardAction = {
  verb: Verbs.channelLeave,
  async run(turn, data) {
    const result = await turn.services.channelService.leave(turn.actor, data.channelId);
    const text = channelAnswers.left(result.status, result.channel.name, result.teamsNote);
    if (fromCard(data)) return { card: await channelCardFor(turn, result.channel.id, { notice: text }) };
    if (fromDirectory(data) && turn.scope === 'personal') return { card: await directoryCardFor(turn, readQuery(data.q), readPage(data.page), { text, good: result.status !== 'not-member' }) };
    return { message: text };
  },
};

const refreshAction: CardAction = {
  verb: Verbs.channelRefresh,
  async run(turn, data) {
    return { card: await channelCardFor(turn, data.channelId) };
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
    return { card: noticeCard('Proposal sent', channelAnswers.proposalSent(p.name, p.hub)) };
  },
};

function proposalDecision(approve: boolean): CardAction {
  return {
    verb: approve ? Verbs.channelProposalApprove : Verbs.channelProposalReject,
    async run(turn, data) {
      const service = turn.services.proposalService;
      const result = await service.decide(turn.actor, data.proposalId, approve, data.reason);
      const view = await service.view(result.proposal);
      if (result.outcome === 'approved') return { card: proposalReviewCard({ proposal: view, state: 'approved', outcome: proposalDecisionText.approved(result.channel, view) }) };
      if (result.outcome === 'rejected') return { card: proposalReviewCard({ proposal: view, state: 'rejected', outcome: proposalDecisionText.rejected }) };
      const p = result.proposal;
      const by = p.decidedBy ? ((await turn.services.people.names([p.decidedBy])).get(p.decidedBy) ?? 'another coordinator') : 'another coordinator';
      return { card: proposalReviewCard({ proposal: view, state: p.status === 'rejected' ? 'rejected' : 'approved', outcome: proposalDecisionText.already(p, by) }) };
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
      const outcome = requestDecisionText(r.outcome, r.requesterName, r.request.status);
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
    return { card: editChannelCard({ channelId: updated.id, name: updated.name, purpose: updated.purpose, guidelines: updated.guidelines, status: channelAnswers.edited }) };
  },
};

const membersAction: CardAction = {
  verb: Verbs.channelMembers,
  async run(turn, data) {
    return { card: await membersCardFor(turn, data.channelId) };
  },
};

export const channelCardActions: CardAction[] = [
  refreshAction,
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
