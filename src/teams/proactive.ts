// Messages the app sends without being asked: to a person's 1:1 chat (opening it from the tenant's
// service URL when only their id is known) or to a stored group chat / channel conversation.
// The notification worker uses `reach` + `deliver` (one request each, no hidden retries, errors
// classified for it); other areas may still send directly with `sendToUser` / `sendToConversation`.
import { TurnContext, type Activity, type ConversationReference, type ConversationParameters, type TurnContext as Context } from 'botbuilder';
import type { Config } from '../config.js';
import type { Logger } from '../logging.js';
import type { ConversationReferenceStore, Notifier, OutboundMessage } from '../domain/ports.js';
import { DeliveryError, isDeliveryError, type PersonalConversation, type ProactiveSender, type SendHooks } from '../domain/notifications/delivery.js';
import { parseRetryAfter } from '../domain/notifications/pacing.js';
import { statusOf } from '../storage/errors.js';
import type { BotEdge } from './adapter.js';
import { cardMessage, textMessage } from './replies.js';
import { errorSummary } from '../logging.js';

export type SendOutcome = 'sent' | 'no-conversation';

/** Marks an error thrown by a caller's hook, so it is not mistaken for a connector failure. */
class HookError extends Error {
  constructor(readonly original: unknown) {
    super('send hook failed');
  }
}

export class ProactiveMessenger implements ProactiveSender {
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
    const opened = await this.openPersonal(userId);
    if (!opened) return 'no-conversation';
    await this.continueWith(opened, activity);
    return 'sent';
  }

  async sendToConversation(conversationId: string, activity: Partial<Activity>): Promise<SendOutcome> {
    const reference = (await this.conversations.getConversation(conversationId)) as Partial<ConversationReference> | null;
    if (!reference) return 'no-conversation';
    await this.continueWith(reference, activity);
    return 'sent';
  }

  // ---- for the notification worker (ProactiveSender) ----

  async reach(userId: string, hooks: Pick<SendHooks, 'beforeRequest'>): Promise<PersonalConversation | null> {
    const stored = await this.conversations.getPersonal(userId);
    if (stored) return this.personal(stored, userId);
    const tenantId = this.config.homeTenantId;
    if (!tenantId || !(await this.conversations.getTenantServiceUrl(tenantId))) return null;
    await hooks.beforeRequest(tenantId, `new:${userId}`);
    try {
      const opened = await this.openPersonal(userId);
      return opened ? this.personal(opened as Record<string, unknown>, userId) : null;
    } catch (e) {
      throw classifyConnectorError(e);
    }
  }

  async deliver(to: PersonalConversation, message: OutboundMessage, hooks: SendHooks, timeoutMs: number): Promise<void> {
    await hooks.beforeRequest(to.tenantId, to.conversationId);
    let failure: unknown;
    try {
      await this.edge.adapter.continueConversationAsync(this.config.botId, to.reference as Partial<ConversationReference>, async (context) => {
        // Inside the turn: errors must be caught here, or the adapter's onTurnError swallows them.
        try {
          onlyOneAttempt(context, timeoutMs, hooks.onWire ? () => hooks.onWire?.() : undefined);
          try {
            await hooks.beforeSend();
          } catch (e) {
            throw new HookError(e);
          }
          await context.sendActivity(toActivity(message));
        } catch (e) {
          failure = e;
        }
      });
    } catch (e) {
      failure ??= e;
    }
    if (failure === undefined) return;
    if (failure instanceof HookError) throw failure.original;
    throw classifyConnectorError(failure);
  }

  private personal(reference: Record<string, unknown>, userId: string): PersonalConversation {
    const conversation = (reference.conversation ?? {}) as { id?: unknown; tenantId?: unknown };
    return {
      tenantId: typeof conversation.tenantId === 'string' && conversation.tenantId ? conversation.tenantId : this.config.homeTenantId || 'default',
      conversationId: typeof conversation.id === 'string' ? conversation.id : `user:${userId}`,
      reference,
    };
  }

  /** Opens the 1:1 chat with someone the bot has not talked to (the app must be installed for them) and stores it. */
  private async openPersonal(userId: string): Promise<Partial<ConversationReference> | null> {
    const tenantId = this.config.homeTenantId;
    const serviceUrl = tenantId ? await this.conversations.getTenantServiceUrl(tenantId) : null;
    if (!serviceUrl) return null;
    const parameters = {
      isGroup: false,
      bot: { id: this.config.botId || 'virtual-cafe-bot', name: 'Virtual Café' },
      members: [{ id: userId, name: '' }],
      tenantId,
      channelData: { tenant: { id: tenantId } },
    } as ConversationParameters;
    let created: Partial<ConversationReference> | undefined;
    let failure: unknown;
    await this.edge.adapter.createConversationAsync(this.config.botId, 'msteams', serviceUrl, 'https://api.botframework.com', parameters, async (context) => {
      try {
        created = TurnContext.getConversationReference(context.activity);
      } catch (e) {
        failure = e;
      }
    });
    if (failure) throw failure;
    if (!created) return null;
    await this.conversations.savePersonal(userId, created as Record<string, unknown>);
    return created;
  }

  private async continueWith(reference: Partial<ConversationReference>, activity: Partial<Activity>): Promise<void> {
    let failure: unknown;
    await this.edge.adapter.continueConversationAsync(this.config.botId, reference, async (context) => {
      // Caught inside the turn so the caller sees connector errors (onTurnError would swallow them).
      try {
        await context.sendActivity(activity);
      } catch (e) {
        failure = e;
      }
    });
    if (failure) throw failure;
  }
}

interface PipelineLike {
  removePolicy(options: { name: string }): unknown;
  addPolicy(policy: { name: string; sendRequest(request: { timeout: number }, next: (r: unknown) => Promise<unknown>): Promise<unknown> }, options?: { afterPhase?: string }): void;
}

/**
 * The connector client retries 429s and 5xx by itself (Azure core's default retry policy), out of
 * sight of our pacing and our records. For notices we want exactly one attempt per send, bounded in
 * time, and decide about retries ourselves. `onWire` runs as the last policy, after signing, just
 * before the request goes to the HTTP transport.
 */
function onlyOneAttempt(context: Context, timeoutMs: number, onWire?: () => void): void {
  const connector = context.turnState.get(context.adapter.ConnectorClientKey) as { client?: { pipeline?: PipelineLike } } | undefined;
  const pipeline = connector?.client?.pipeline;
  if (!pipeline) {
    if (onWire) throw new Error('cannot observe the send: connector pipeline not found');
    return;
  }
  pipeline.removePolicy({ name: 'defaultRetryPolicy' });
  pipeline.addPolicy({
    name: 'virtualCafeSendTimeout',
    sendRequest: (request, next) => {
      request.timeout = timeoutMs;
      return next(request);
    },
  });
  if (onWire) {
    pipeline.addPolicy(
      {
        name: 'virtualCafeOnWire',
        sendRequest: (request, next) => {
          try {
            onWire();
          } catch (e) {
            return Promise.reject(new HookError(e));
          }
          return next(request);
        },
      },
      { afterPhase: 'Sign' },
    );
  }
}

/** Maps a connector failure to what the worker should do about it. */
export function classifyConnectorError(e: unknown): DeliveryError {
  if (isDeliveryError(e)) return e;
  const status = statusOf(e);
  if (status === 429) {
    const headers = (e as { response?: { headers?: { get?(name: string): string | undefined } } }).response?.headers;
    const retryAfter = typeof headers?.get === 'function' ? headers.get('retry-after') : undefined;
    return new DeliveryError('throttled', 'http-429', parseRetryAfter(retryAfter, Date.now()) ?? undefined);
  }
  if (status === 403 || status === 404) return new DeliveryError('gone', `http-${status}`);
  if (status === 400 || status === 413 || status === 422) return new DeliveryError('rejected', `http-${status}`);
  if (status !== undefined) return new DeliveryError('transient', `http-${status}`);
  const code = (e as { code?: unknown } | null)?.code;
  return new DeliveryError('transient', typeof code === 'string' && /^[A-Z_]{2,40}$/.test(code) ? code.toLowerCase() : 'network');
}

export const toActivity = (message: OutboundMessage): Partial<Activity> =>
  message.card ? cardMessage(message.card, message.text) : textMessage(message.text);

/**
 * Sends at once, in-process, without records or retries. Kept for tests and tools that want the
 * bare behaviour; the app's default is the queued notifier (src/jobs/queuedNotifier.ts).
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
