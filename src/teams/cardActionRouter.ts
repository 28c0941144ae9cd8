// adaptiveCard/action invokes → handler by verb. Handlers are data keyed by the shared verb list.
// Every failure becomes an `application/vnd.microsoft.error` response a person can read.
import type { AdaptiveCardInvokeResponse } from 'botbuilder';
import type { Verb } from '../cards/verbs.js';
import type { CardJson } from '../cards/render.js';
import type { BotTurn } from './turn.js';
import { isAppError } from '../domain/errors.js';
import { plainObject } from '../domain/input.js';
import { isFormSubmission, redrawForm } from '../cards/forms.js';
import { cardResponse, errorResponse, errorResponseFor, messageResponse } from './invokeResponses.js';

export type ActionData = Record<string, unknown>;
export type CardActionResult = { card: CardJson } | { message: string };

export interface CardAction {
  verb: Verb;
  run(turn: BotTurn, data: ActionData): Promise<CardActionResult>;
  /**
   * A form's action: the form card as it was first shown (cards/forms.ts redraws it with the
   * person's values and the reason when the server refuses what the card could not check).
   */
  form?(turn: BotTurn, data: ActionData): Promise<CardJson>;
}

/** Refusals a person fixes on the form itself; anything else (403, 409, 503) stays an error. */
const FIXABLE = new Set(['invalid', 'not-found']);

async function redrawn(turn: BotTurn, action: CardAction, data: ActionData, e: unknown): Promise<CardJson | null> {
  if (!action.form || !isFormSubmission(data) || !isAppError(e) || !FIXABLE.has(e.kind)) return null;
  try {
    const field = typeof e.detail?.field === 'string' ? e.detail.field : undefined;
    return redrawForm(await action.form(turn, data), data, e.message, field);
  } catch {
    return null; // the form cannot be drawn again (e.g. the event has gone): the error says why
  }
}

/**
 * Action data as a fresh plain object (missing data = {}); null if it cannot be used. Its size was
 * checked with the whole activity by the body parser (MAX_BODY_BYTES): a second, smaller limit
 * here refused pasted CSV the importer would take.
 */
export function readActionData(raw: unknown): ActionData | null {
  if (raw === undefined || raw === null) return {};
  return plainObject(raw, Number.POSITIVE_INFINITY);
}

export function createCardActionRouter(actions: readonly CardAction[], onError: (verb: string, e: unknown) => void) {
  const byVerb = new Map<string, CardAction>();
  for (const a of actions) {
    if (byVerb.has(a.verb)) throw new Error(`Two handlers for card verb ${a.verb}`);
    byVerb.set(a.verb, a);
  }

  return {
    verbs: () => [...byVerb.keys()],
    has: (verb: string) => byVerb.has(verb),
    async dispatch(turn: BotTurn, verb: unknown, rawData: unknown): Promise<AdaptiveCardInvokeResponse> {
      if (typeof verb !== 'string' || verb.length === 0 || verb.length > 100) {
        return errorResponse(400, 'BadRequest', 'This button has no action I recognise.');
      }
      const action = byVerb.get(verb);
      if (!action) return errorResponse(400, 'BadRequest', `I don’t know the action “${verb.slice(0, 60)}”. The card may be out of date; type "help" to start again.`);
      const data = readActionData(rawData);
      if (!data) return errorResponse(400, 'BadRequest', 'The card sent data I can’t read. Please try again from a fresh card.');
      try {
        const result = await action.run(turn, data);
        return 'card' in result ? cardResponse(result.card) : messageResponse(result.message);
      } catch (e) {
        if (!isAppError(e)) onError(verb, e);
        const form = await redrawn(turn, action, data, e);
        if (form) return cardResponse(form);
        return errorResponseFor(e);
      }
    },
  };
}

export type CardActionRouter = ReturnType<typeof createCardActionRouter>;
