// Channel commands: the directory, join/leave by name, my channels, propose a channel, and for leads
// and coordinators: edit a channel, see its members, review proposals.
import type { Command } from '../commandRouter.js';
import type { BotTurn } from '../turn.js';
import type { Channel } from '../../domain/channels/channel.js';
import { cardMessage, textMessage } from '../replies.js';
import { channelChoiceCard } from '../../cards/channels/directory.js';
import { editChannelCard } from '../../cards/channels/leads.js';
import { proposalFormCard, proposalReviewCard } from '../../cards/channels/proposals.js';
import { channelAnswers, joinAnswerCard, profileFirstCard, profileFirstNotice } from '../../cards/channels/answers.js';
import { Verbs } from '../../cards/verbs.js';
import { canEditChannel, requireEdit } from '../../domain/channels/rules.js';
import { resolveChannel, nearestChannels } from '../../domain/channels/resolve.js';
import { directoryCardFor, linkFor, membersCardFor, myChannelsCardFor } from '../views/channels.js';

const summaries = (channels: Channel[]) => channels.map((c) => ({ id: c.id, name: c.name, purpose: c.purpose }));

/** Joins from chat or a button: profile first, then the join; answers in this conversation. */
export async function joinAndReply(turn: BotTurn, channel: Channel): Promise<void> {
  if (!(await turn.services.people.getProfile(turn.actor.id))) {
    if (turn.scope === 'personal') await turn.reply(cardMessage(profileFirstCard(channel, turn.actor.guest)));
    else {
      // A profile is private: ask for it in the 1:1 chat, not in front of the group.
      await turn.services.notifier.notify(turn.actor.id, profileFirstNotice(channel), `channel-profile-first:${channel.id}:${turn.actor.id}:${Date.now()}`, 'channel');
      await turn.reply(textMessage(channelAnswers.profileFirstShared(turn.actor.name, channel.name)));
    }
    return;
  }
  const personal = turn.scope === 'personal';
  const result = await turn.services.channelService.join(turn.actor, channel.id, { welcome: personal ? 'return' : 'notify' });
  if (personal) await turn.reply(cardMessage(joinAnswerCard(result, linkFor(turn, result.channel))));
  else await turn.reply(textMessage(channelAnswers.sharedJoin(turn.actor.name, result)));
}

export const channelsCommand: Command = {
  name: 'channels',
  aliases: ['channel list', 'list channels', 'browse channels', 'directory', 'communities', 'find channel', 'find channels', 'search channels'],
  usage: 'channels [words]',
  summary: 'Browse the Communities of Practice (add words to search, e.g. "channels nurse")',
  group: 'Everyone',
  async run(turn, args) {
    await turn.reply(cardMessage(await directoryCardFor(turn, args.slice(0, 200), 1)));
  },
};

export const joinCommand: Command = {
  name: 'join',
  aliases: ['join channel'],
  usage: 'join <channel>',
  summary: 'Join a channel by name or short name, e.g. "join anp"',
  group: 'Everyone',
  async run(turn, args) {
    const text = args.slice(0, 200);
    if (!text.trim()) {
      await turn.reply(cardMessage(await directoryCardFor(turn, '', 1, { text: channelAnswers.whichToJoin })));
      return;
    }
    const found = await turn.services.channelService.resolve(text);
    if (found.kind === 'found') return joinAndReply(turn, found.channel);
    if (found.kind === 'ambiguous') {
      await turn.reply(cardMessage(channelChoiceCard({ intro: channelAnswers.ambiguousJoin(text), channels: summaries(found.choices), verb: Verbs.channelJoin })));
      return;
    }
    const intro = channelAnswers.unknownJoin(text, found.nearest.length > 0);
    await turn.reply(cardMessage(channelChoiceCard({ intro, channels: summaries(found.nearest), verb: Verbs.channelJoin })));
  },
};

export const leaveCommand: Command = {
  name: 'leave',
  aliases: ['leave channel'],
  usage: 'leave <channel>',
  summary: 'Leave a channel',
  group: 'Everyone',
  async run(turn, args) {
    const text = args.slice(0, 200);
    const mine = await turn.services.channelService.mine(turn.actor);
    const myChannels = [...mine.memberships.map((m) => m.channel), ...mine.requests.map((r) => r.channel)];
    if (!text.trim()) {
      if (!myChannels.length) await turn.reply(textMessage(channelAnswers.notInAnyChannel));
      else await turn.reply(cardMessage(channelChoiceCard({ intro: channelAnswers.whichToLeave, channels: summaries(myChannels), verb: Verbs.channelLeave })));
      return;
    }
    // Names resolve among the person's own channels first ("leave practice" is rarely ambiguous there).
    let found = resolveChannel(myChannels, text);
    if (found.kind === 'unknown') found = await turn.services.channelService.resolve(text);
    if (found.kind === 'ambiguous') {
      await turn.reply(cardMessage(channelChoiceCard({ intro: channelAnswers.ambiguousLeave(text), channels: summaries(found.choices), verb: Verbs.channelLeave })));
      return;
    }
    if (found.kind === 'unknown') {
      const nearest = nearestChannels(myChannels, text, 3);
      await turn.reply(
        nearest.length
          ? cardMessage(channelChoiceCard({ intro: channelAnswers.notAmongYours(text), channels: summaries(nearest), verb: Verbs.channelLeave }))
          : textMessage(channelAnswers.unknownLeave(text)),
      );
      return;
    }
    const result = await turn.services.channelService.leave(turn.actor, found.channel.id);
    await turn.reply(textMessage(channelAnswers.left(result.status, found.channel.name, result.teamsNote)));
  },
};

export const myChannelsCommand: Command = {
  name: 'my channels',
  aliases: ['mychannels', 'my communities'],
  usage: 'my channels',
  summary: 'The channels you are in',
  group: 'Everyone',
  async run(turn) {
    await turn.reply(cardMessage(await myChannelsCardFor(turn)));
  },
};

export const proposeChannelCommand: Command = {
  name: 'propose channel',
  aliases: ['propose a channel', 'propose', 'new channel', 'suggest channel', 'suggest a channel', 'start a channel'],
  usage: 'propose channel',
  summary: 'Propose a new Community of Practice (a hub coordinator approves it)',
  group: 'Everyone',
  async run(turn) {
    await turn.reply(cardMessage(proposalFormCard()));
  },
};

/** Finds the channel a lead means: by name, or the only one they lead. */
async function channelForLead(turn: BotTurn, text: string): Promise<Channel | null> {
  if (text.trim()) {
    const found = await turn.services.channelService.resolve(text);
    if (found.kind === 'found') return found.channel;
    const led = (found.kind === 'ambiguous' ? found.choices : []).filter((c) => canEditChannel(turn.actor, c));
    if (led.length === 1) return led[0];
    await turn.reply(textMessage(found.kind === 'ambiguous' ? channelAnswers.ambiguousForLead(text, found.choices.map((c) => c.name)) : channelAnswers.unknownChannel(text)));
    return null;
  }
  const led = (await turn.services.channelService.list()).filter((c) => c.leadIds.includes(turn.actor.id));
  if (led.length === 1) return led[0];
  await turn.reply(textMessage(led.length ? channelAnswers.whichLedChannel(led.map((c) => c.name), led[0].shortName) : channelAnswers.leadsNoChannel));
  return null;
}

export const editChannelCommand: Command = {
  name: 'edit channel',
  aliases: ['edit guidelines', 'edit purpose'],
  usage: 'edit channel <channel>',
  summary: 'Edit your channel’s purpose and guidelines',
  group: 'Channel leads',
  async run(turn, args) {
    const channel = await channelForLead(turn, args.slice(0, 200));
    if (!channel) return;
    requireEdit(turn.actor, channel);
    await turn.reply(cardMessage(editChannelCard({ channelId: channel.id, name: channel.name, purpose: channel.purpose, guidelines: channel.guidelines })));
  },
};

export const channelMembersCommand: Command = {
  name: 'members',
  aliases: ['channel members', 'members of'],
  usage: 'members <channel>',
  summary: 'Who is in your channel, and requests waiting for you',
  group: 'Channel leads',
  async run(turn, args) {
    const channel = await channelForLead(turn, args.replace(/^of\s+/i, '').slice(0, 200));
    if (!channel) return;
    await turn.reply(cardMessage(await membersCardFor(turn, channel.id)));
  },
};

export const channelProposalsCommand: Command = {
  name: 'channel proposals',
  aliases: ['proposals', 'review proposals'],
  usage: 'channel proposals',
  summary: 'New-channel proposals waiting for your decision',
  group: 'Coordinators',
  async run(turn) {
    const pending = await turn.services.proposalService.list(turn.actor, 'pending');
    if (!pending.length) {
      await turn.reply(textMessage(channelAnswers.noProposalsWaiting));
      return;
    }
    if (pending.length > 5) await turn.reply(textMessage(channelAnswers.manyProposalsWaiting(pending.length)));
    for (const p of pending.slice(0, 5)) {
      await turn.reply(cardMessage(proposalReviewCard({ proposal: await turn.services.proposalService.view(p), state: 'pending' })));
    }
  },
};

export const channelCommands: Command[] = [
  channelsCommand,
  joinCommand,
  leaveCommand,
  myChannelsCommand,
  proposeChannelCommand,
  editChannelCommand,
  channelMembersCommand,
  channelProposalsCommand,
];
