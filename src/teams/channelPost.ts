// Posts a card as a new message in a Teams channel (e.g. an event card into its Community of
// Practice channel), from a turn in the same tenant.
import { TurnContext, type ConversationReference } from 'botbuilder';
import type { BotTurn } from './turn.js';
import type { CardJson } from '../cards/render.js';
import { cardMessage } from './replies.js';

export async function postToChannel(turn: BotTurn, teamsChannelId: string, card: CardJson): Promise<void> {
  const here = TurnContext.getConversationReference(turn.context.activity);
  const tenantId = (turn.context.activity.conversation as { tenantId?: string }).tenantId ?? turn.actor.tenantId;
  const reference: Partial<ConversationReference> = {
    ...here,
    conversation: { id: teamsChannelId, isGroup: true, conversationType: 'channel', tenantId, name: '' },
    user: undefined,
    activityId: undefined,
  };
  const adapter = turn.context.adapter as unknown as {
    continueConversationAsync(botId: string, reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void>;
  };
  await adapter.continueConversationAsync(turn.services.config.botId, reference, async (context) => {
    await context.sendActivity(cardMessage(card));
  });
}
