// The Bot Framework edge: CloudAdapter with every authentication endpoint taken from configuration
// (tests point them at local fakes), and our own request handling so a bad token is always a 401
// and malformed input a 400 — never a 500 and never a reply.
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity, type TurnContext } from 'botbuilder';
import { AuthenticationConstants, type AuthenticateRequestResult, type BotFrameworkAuthentication } from 'botframework-connector';
import type { Request, Response } from 'restify';
import type { Config } from '../config.js';
import type { Logger } from '../logging.js';
import { IdentityCredentialsFactory } from './credentials.js';
import { checkActivityShape } from './activityShape.js';
import { messageFor } from '../domain/errors.js';
import { errorSummary } from '../logging.js';
import { httpStatusFor } from '../api/http.js';

/** CloudAdapter with its activity pipeline callable once we have authenticated the request ourselves. */
export class TeamsAdapter extends CloudAdapter {
  runActivity(auth: AuthenticateRequestResult, activity: Activity, logic: TurnLogic) {
    return this.processActivity(auth, activity, logic);
  }
}

export interface BotEdge {
  adapter: TeamsAdapter;
  auth: BotFrameworkAuthentication;
}

export function createBotEdge(config: Config, logger: Logger): BotEdge {
  const auth = new ConfigurationBotFrameworkAuthentication(
    {
      MicrosoftAppId: config.botId,
      MicrosoftAppTenantId: config.botTenantId,
      ValidateAuthority: true,
      ToChannelFromBotLoginUrl: `${config.azureAuthorityHost}/${config.botTenantId || 'botframework.com'}`,
      ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
      ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
      OAuthUrl: AuthenticationConstants.OAuthUrl,
      ToBotFromChannelOpenIdMetadataUrl: config.botOpenIdMetadataUrl,
      // Emulator-style tokens are checked against the same keys: Teams never sends them, and this
      // keeps validation from reaching out to any other endpoint.
      ToBotFromEmulatorOpenIdMetadataUrl: config.botOpenIdMetadataUrl,
      CallerId: 'urn:botframework:azure',
    } as never,
    new IdentityCredentialsFactory(config),
  );
  const adapter = new TeamsAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: unknown) => {
    logger.error({ err: errorSummary(error), activityId: context.activity.id, type: context.activity.type }, 'turn failed');
    if (context.activity.type === 'message') await context.sendActivity(messageFor(error)).catch(() => undefined);
  };
  return { adapter, auth };
}

export type TurnLogic = (context: TurnContext) => Promise<void>;

/** POST /api/messages */
export function messagesHandler(edge: BotEdge, config: Config, logger: Logger, logic: TurnLogic) {
  return async (req: Request, res: Response): Promise<void> => {
    const send = (status: number, body?: unknown) => {
      res.status(status);
      if (body !== undefined) res.json(body as object);
      else res.end();
    };
    const shape = checkActivityShape(req.body);
    if (!shape.ok) {
      send(400, { error: { code: 'BadRequest', message: shape.message } });
      return;
    }
    const activity = shape.activity as unknown as Activity;
    // Anonymous mode (no BOT_ID, loopback only) ignores any Authorization header.
    const authHeader = config.botId ? String(req.headers.authorization ?? '') : '';
    let authResult: AuthenticateRequestResult;
    try {
      if (config.botId && !authHeader) throw new Error('missing token');
      authResult = await edge.auth.authenticateRequest(activity, authHeader);
    } catch (e) {
      logger.info({ reason: errorSummary(e).message, reqId: req.id() }, 'bot request rejected: unauthorized');
      send(401, { error: { code: 'Unauthorized', message: 'A valid Bot Framework token is required.' } });
      return;
    }
    try {
      const invokeResponse = await edge.adapter.runActivity(authResult, activity, logic);
      if (invokeResponse) send(invokeResponse.status ?? 200, invokeResponse.body);
      else send(200);
    } catch (e) {
      logger.error({ err: errorSummary(e), reqId: req.id() }, 'bot request failed');
      const { status, code } = httpStatusFor(e);
      send(status, { error: { code, message: messageFor(e) } });
    }
  };
}
