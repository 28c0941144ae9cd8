// Universal Actions responses (adaptiveCard/action): the updated card, a message, or an error that
// Teams shows to the person. HTTP status mirrors `statusCode`; the body's `statusCode` is what counts.
import type { AdaptiveCardInvokeResponse } from 'botbuilder';
import { isAppError, messageFor, type ErrorKind } from '../domain/errors.js';

export const CARD_TYPE = 'application/vnd.microsoft.card.adaptive';
export const MESSAGE_TYPE = 'application/vnd.microsoft.activity.message';
export const ERROR_TYPE = 'application/vnd.microsoft.error';

export const cardResponse = (card: object): AdaptiveCardInvokeResponse => ({ statusCode: 200, type: CARD_TYPE, value: card as Record<string, unknown> });

export const messageResponse = (text: string): AdaptiveCardInvokeResponse => ({ statusCode: 200, type: MESSAGE_TYPE, value: text as unknown as Record<string, unknown> });

export function errorResponse(statusCode: number, code: string, message: string): AdaptiveCardInvokeResponse {
  return { statusCode, type: ERROR_TYPE, value: { code, message } as unknown as Record<string, unknown> };
}

/** Card actions' one table from error kind to status and code: 400 for anything the person sent that cannot be used (including unknown ids). */
export const STATUS_FOR_KIND: Record<ErrorKind, { status: number; code: string }> = {
  invalid: { status: 400, code: 'BadRequest' },
  'not-found': { status: 400, code: 'NotFound' },
  unauthenticated: { status: 401, code: 'Unauthorized' },
  forbidden: { status: 403, code: 'Forbidden' },
  conflict: { status: 409, code: 'Conflict' },
  unavailable: { status: 503, code: 'ServiceUnavailable' },
};

/** The error answer for any failure: its kind's status and words, or a 500 with the one message for the unexpected. */
export function errorResponseFor(e: unknown): AdaptiveCardInvokeResponse {
  const { status, code } = isAppError(e) ? STATUS_FOR_KIND[e.kind] : { status: 500, code: 'InternalError' };
  return errorResponse(status, code, messageFor(e));
}
