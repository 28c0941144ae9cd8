// Facilitation in chat: "request facilitator" (channel leads), "my requests", "facilitator".
import type { Command } from '../commandRouter.js';
import type { BotTurn } from '../turn.js';
import { cardMessage } from '../replies.js';
import type { CardJson } from '../../cards/render.js';
import { facilitatorCard } from '../../cards/facilitation/profile.js';
import { requestFormCard } from '../../cards/facilitation/form.js';
import { facilitationAnswers } from '../../cards/facilitation/answers.js';
import { myRequestsCard } from '../views/facilitation.js';

/** In a channel, the Virtual Café channel this conversation is (so the form can preselect it). */
function teamsChannelIdOf(turn: BotTurn): string | undefined {
  if (turn.scope !== 'channel') return undefined;
  const data = (turn.context.activity.channelData ?? {}) as { channel?: { id?: unknown }; teamsChannelId?: unknown };
  const id = typeof data.channel?.id === 'string' ? data.channel.id : typeof data.teamsChannelId === 'string' ? data.teamsChannelId : undefined;
  return id;
}

export const requestFacilitatorCommand: Command = {
  name: 'request facilitator',
  aliases: ['request a facilitator', 'facilitator request', 'find a facilitator', 'find facilitator', 'ask for a facilitator'],
  usage: 'request facilitator',
  summary: 'Ask for a facilitator to join or observe a session of a channel you lead',
  group: 'Channel leads',
  async run(turn) {
    const channels = await turn.services.facilitation.lookups.leadChannels(turn.actor);
    if (!channels.length) {
      await turn.reply(facilitationAnswers.onlyLeadsRequest);
      return;
    }
    const here = teamsChannelIdOf(turn);
    const preselect = here ? channels.find((c) => c.teamsChannelId === here)?.id : undefined;
    await turn.reply(cardMessage(requestFormCard(channels, turn.services.clock.now(), preselect)));
  },
};

/**
 * Someone's own requests or profile are for them alone: in a channel or group chat they go to the
 * person's 1:1 chat with the bot, and the conversation just hears where to look.
 */
async function replyPrivately(turn: BotTurn, card: CardJson, text: string): Promise<void> {
  if (turn.scope === 'personal') {
    await turn.reply(cardMessage(card));
    return;
  }
  await turn.services.notifier.notify(turn.actor.id, { text, card }, `private-reply:${turn.context.activity.id ?? turn.services.clock.now().getTime()}`, 'facilitation');
  await turn.reply(facilitationAnswers.sentPrivately(turn.actor.name));
}

export const myRequestsCommand: Command = {
  name: 'my requests',
  aliases: ['my facilitation requests', 'my facilitator requests'],
  usage: 'my requests',
  summary: 'Your facilitation requests and where each one is',
  group: 'Channel leads',
  async run(turn) {
    await replyPrivately(turn, await myRequestsCard(turn), facilitationAnswers.myRequestsPreview);
  },
};

export const facilitatorCommand: Command = {
  name: 'facilitator',
  aliases: ['facilitator profile', 'my availability', 'availability'],
  usage: 'facilitator',
  summary: 'Your facilitator profile: skills, availability, dates away, pause',
  group: 'Facilitators',
  async run(turn) {
    const f = await turn.services.facilitation.pool.get(turn.actor.id);
    if (!f) {
      await turn.reply(facilitationAnswers.notInPool);
      return;
    }
    const waiting = (await turn.services.facilitation.lookups.offersFor(turn.actor)).filter((r) => r.status === 'offered').length;
    await replyPrivately(turn, facilitatorCard(f, facilitationAnswers.offersWaiting(waiting)), facilitationAnswers.myProfilePreview);
  },
};
