// Messages the app sends without being asked: to a person's 1:1 chat (opening it from the tenant's
// service URL when only their id is known) or to a stored group chat / channel conversation.
import { TurnContext, type Activity, type ConversationReference, type ConversationParameters } from 'botbuilder';
import type { Config } from '../config.js';
import type { Logger } from '../logging.js';
import type { ConversationReferenceStore, Notifier, OutboundMessage } from '../domain/ports.js';
import type { BotEdge } from './adapter.js';
import { cardMessage, textMessage } from './replies.js';
import { errorSummary } from './adapter.js';

export type SendOutcome = 'sent' | 'no-conversation';

export class ProactiveMessenger {
  constructor(
    private readonly edge: BotEdge,
    private readonly config: Config,
    private readonly conversations: ConversationReferenceStore,
  ) {}

  /** Sends to the person's 1:1 chat. Errors from the connector (403, 404, 429…) propagate to the caller. */
  async sendToUser(userId: string, activity: Partial<Activity>): Promise<SendOutcome> {
    const reference = (await this.conversations.getPersonal(userId)) as Partial<ConversationReference> | null;
    if (reference) {
      await this.continueWith(reference, activity);
      return 'sent';
    }
    const tenantId = this.config.homeTenantId;
    const serviceUrl = tenantId ? await this.conversations.getTenantServiceUrl(tenantId) : null;
    if (!serviceUrl) return 'no-conversation';
    const parameters = {
      isGroup: false,
      bot: { id: this.config.botId || 'virtual-cafe-bot', name: 'Virtual Café' },
      members: [{ id: userId, name: '' }],
      tenantId,
      channelData: { tenant: { id: tenantId } },
    } as ConversationParameters;
    let created: Partial<ConversationReference> | undefined;
    await this.edge.adapter.createConversationAsync(this.config.botId, 'msteams', serviceUrl, 'https://api.botframework.com', parameters, async (context) => {
      created = TurnContext.getConversationReference(context.activity);
      await context.sendActivity(activity);
    });
    if (created) await this.conversations.savePersonal(userId, created as Record<string, unknown>);
    return 'sent';
  }

  async sendToConversation(conversationId: string, activity: Partial<Activity>): Promise<SendOutcome> {
    const reference = (await this.conversations.getConversation(conversationId)) as Partial<ConversationReference> | null;
    if (!reference) return 'no-conversation';
    await this.continueWith(reference, activity);
    return 'sent';
  }

  private async continueWith(reference: Partial<ConversationReference>, activity: Partial<Activity>): Promise<void> {
    await this.edge.adapter.continueConversationAsync(this.config.botId, reference, async (context) => {
      await context.sendActivity(activity);
    });
  }
}

export const toActivity = (message: OutboundMessage): Partial<Activity> =>
  message.card ? cardMessage(message.card, message.text) : textMessage(message.text);

/**
 * Sends at once, in-process. The Notifications issue replaces this with the queued job system
 * (exactly-once, throttled); callers keep using the Notifier port.
 */
export class DirectNotifier implements Notifier {
  constructor(
    private readonly messenger: ProactiveMessenger,
    private readonly logger: Logger,
  ) {}

  async notify(userId: string, message: OutboundMessage, key: string, kind = 'notice'): Promise<void> {
    try {
      const outcome = await this.messenger.sendToUser(userId, toActivity(message));
      this.logger.info({ kind, outcome }, 'notification');
    } catch (e) {
      this.logger.warn({ kind, key: key.split(':')[0], err: errorSummary(e) }, 'notification failed');
    }
  }
}
