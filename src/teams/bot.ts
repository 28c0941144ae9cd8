// The Teams activity handler: text → command router, adaptiveCard/action → card-action router,
// installs and first messages → conversation references saved for proactive messages later.
import { TeamsActivityHandler, TurnContext, type Activity, type InvokeResponse } from 'botbuilder';
import type { Services } from '../composition/index.js';
import type { BotTurn } from './turn.js';
import { identityOf, scopeOf } from './turn.js';
import { matchCommand, type Command } from './commandRouter.js';
import { createCardActionRouter, type CardAction, type CardActionRouter } from './cardActionRouter.js';
import { errorResponse, errorResponseFor } from './invokeResponses.js';
import { textMessage } from './replies.js';
import { isAppError, messageFor } from '../domain/errors.js';
import { errorSummary } from '../logging.js';
import { sendHelp } from './commands/help.js';
import { helpAnswers } from '../cards/help/help.js';
import { answerExtensionQuery, answerLinkQuery, answerPeopleSearch } from './extension.js';

/** Invokes answered outside card actions: the message extension, link unfurling, card typeahead. */
const SEARCH_INVOKES: Record<string, (turn: BotTurn, value: unknown) => Promise<object>> = {
  'composeExtension/query': answerExtensionQuery,
  'composeExtension/queryLink': answerLinkQuery,
  // Teams may also call the anonymous flow for a link in a meeting or an unauthenticated context.
  'composeExtension/anonymousQueryLink': answerLinkQuery,
  'application/search': answerPeopleSearch,
};

export interface BotOptions {
  services: Services;
  commands: Command[];
  cardActions: CardAction[];
}

export class VirtualCafeBot extends TeamsActivityHandler {
  readonly commands: Command[];
  readonly cardActions: CardActionRouter;
  private readonly services: Services;
  /** Conversations whose reference is already stored by this process (avoids a write per message). */
  private readonly savedReferences = new Set<string>();

  constructor(options: BotOptions) {
    super();
    this.services = options.services;
    this.commands = options.commands;
    this.cardActions = createCardActionRouter(options.cardActions, (verb, e) =>
      this.services.logger.error({ verb, err: errorSummary(e) }, 'card action failed'),
    );

    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });

    this.onInstallationUpdateAdd(async (context, next) => {
      await this.saveReference(context, true);
      if (scopeOf(context.activity) === 'personal') await this.recordInstall(context);
      const turn = await this.makeTurn(context);
      await sendHelp(turn, this.commands, helpAnswers.installed);
      await next();
    });

    // Someone removed the app from their personal scope: it is never installed for them again
    // (domain/notifications/install.ts), and their 1:1 chat is no longer there to write to.
    this.onInstallationUpdateRemove(async (context, next) => {
      if (scopeOf(context.activity) === 'personal') await this.recordRemoval(context);
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const botWasAdded = (context.activity.membersAdded ?? []).some((m) => m.id === context.activity.recipient?.id);
      await this.saveReference(context, botWasAdded);
      await next();
    });
  }

  private async makeTurn(context: TurnContext): Promise<BotTurn> {
    const actor = await this.services.people.actor(identityOf(context.activity));
    return {
      context,
      actor,
      services: this.services,
      scope: scopeOf(context.activity),
      reply: async (message) => {
        await context.sendActivity(typeof message === 'string' ? textMessage(message) : message);
      },
    };
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const text = typeof activity.text === 'string' ? TurnContext.removeRecipientMention(activity) ?? activity.text : '';
    let turn: BotTurn;
    try {
      turn = await this.makeTurn(context);
    } catch (e) {
      await this.replyWithError(context, e);
      return;
    }
    await this.saveReference(context, false);
    if (!text.trim()) {
      await sendHelp(turn, this.commands);
      return;
    }
    const match = matchCommand(this.commands, text);
    try {
      if (match.kind === 'command') await match.command.run(turn, match.args);
      else await sendHelp(turn, this.commands, helpAnswers.unrecognised(match.text, match.suggestion?.usage));
    } catch (e) {
      await this.replyWithError(context, e);
    }
  }

  private async replyWithError(context: TurnContext, e: unknown): Promise<void> {
    if (!isAppError(e)) this.services.logger.error({ err: errorSummary(e), activityId: context.activity.id }, 'command failed');
    await context.sendActivity(textMessage(messageFor(e)));
  }

  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const name = context.activity.name ?? '';
    const search = Object.hasOwn(SEARCH_INVOKES, name) ? SEARCH_INVOKES[name] : undefined;
    if (search) return this.answerSearch(context, search);
    if (context.activity.name !== 'adaptiveCard/action') return super.onInvokeActivity(context);
    const value = context.activity.value as { action?: { type?: unknown; verb?: unknown; data?: unknown } } | undefined;
    const action = value && typeof value === 'object' ? value.action : undefined;
    if (!action || typeof action !== 'object') return asInvoke(errorResponse(400, 'BadRequest', 'The card action is missing.'));
    if (action.type !== undefined && action.type !== 'Action.Execute') {
      return asInvoke(errorResponse(400, 'NotSupported', 'Only Action.Execute buttons are supported.'));
    }
    let turn: BotTurn;
    try {
      turn = await this.makeTurn(context);
    } catch (e) {
      // Who is acting could not be told (401) or read (storage unavailable, 503).
      if (isAppError(e)) return asInvoke(errorResponseFor(e));
      throw e;
    }
    // Saving where to reach the person runs beside the action: it must not slow the answer.
    const [response] = await Promise.all([this.cardActions.dispatch(turn, action.verb, action.data), this.saveReference(context, false)]);
    return asInvoke(response);
  }

  private async recordRemoval(context: TurnContext): Promise<void> {
    const { id } = identityOf(context.activity);
    const { installs, conversations, clock, logger } = this.services;
    try {
      await installs.set({ userId: id, state: 'removed', by: 'person', at: clock.now() });
      await conversations.deletePersonal(id);
      this.savedReferences.clear();
    } catch (e) {
      logger.warn({ err: errorSummary(e) }, 'could not record the app removal');
    }
  }

  private async recordInstall(context: TurnContext): Promise<void> {
    const { id } = identityOf(context.activity);
    const { installs, clock, logger } = this.services;
    try {
      const before = await installs.get(id);
      // Their own install (or Teams confirming ours): they may be written to again.
      await installs.set({ userId: id, state: 'installed', by: before?.state === 'installing' || before?.by === 'app' ? 'app' : 'person', at: clock.now() });
    } catch (e) {
      logger.warn({ err: errorSummary(e) }, 'could not record the app install');
    }
  }

  /** Searches answer 200 with their own shape; who is asking must be known (else 401/503 as for card actions). */
  private async answerSearch(context: TurnContext, answer: (turn: BotTurn, value: unknown) => Promise<object>): Promise<InvokeResponse> {
    let turn: BotTurn;
    try {
      turn = await this.makeTurn(context);
    } catch (e) {
      if (isAppError(e)) return asInvoke(errorResponseFor(e));
      throw e;
    }
    return { status: 200, body: await answer(turn, context.activity.value) };
  }

  /**
   * Stores where to reach this person (1:1) or this conversation (group chat, channel), and the
   * tenant's service URL. Once per conversation per process unless `force`.
   */
  private async saveReference(context: TurnContext, force: boolean): Promise<void> {
    const activity = context.activity as Activity;
    const identity = identityOf(activity);
    const key = `${activity.conversation.id}|${identity.id}|${activity.serviceUrl}`;
    if (!force && this.savedReferences.has(key)) return;
    const reference = TurnContext.getConversationReference(activity) as unknown as Record<string, unknown>;
    const { conversations } = this.services;
    try {
      if (scopeOf(activity) === 'personal') await conversations.savePersonal(identity.id, reference);
      else {
        // A group chat or channel is reached without naming whoever spoke last: keep no person in it.
        const { user: _user, ...shared } = reference;
        await conversations.saveConversation(activity.conversation.id, shared);
      }
      if (identity.tenantId) await conversations.saveTenantServiceUrl(identity.tenantId, activity.serviceUrl);
      this.savedReferences.add(key);
    } catch (e) {
      // Saving a reference must never spoil the conversation itself.
      this.services.logger.warn({ err: errorSummary(e) }, 'could not save conversation reference');
    }
  }
}

const asInvoke = (body: { statusCode: number }): InvokeResponse => ({ status: body.statusCode, body });
