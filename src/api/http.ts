// The tab API's route wrapper: authenticate, run the handler, answer JSON. Every failure becomes
// `{ error: { code, message } }` with 400/401/403/404/409/503 — handlers never write responses.
import { errorSummary } from '../logging.js';
import type { Request, Response } from 'restify';
import type { Actor } from '../domain/people/person.js';
import type { DelegatedAccess } from '../domain/ports.js';
import type { Services } from '../composition/index.js';
import type { Authenticator } from './auth.js';
import { AppError, isAppError, messageFor, type ErrorKind } from '../domain/errors.js';
import { plainObject, type PlainObject } from '../domain/input.js';

export interface ApiContext {
  req: Request;
  actor: Actor;
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  services: Services;
  /** The caller's own authority for Graph calls (tab SSO + on-behalf-of), when there is one. */
  delegated?: DelegatedAccess;
}

export interface ApiResult {
  status?: number;
  body?: unknown;
  /** Raw answer (CSV, iCalendar, a PDF's bytes) with its content type. */
  text?: { contentType: string; content: string | Uint8Array; filename?: string };
}

export type ApiHandler = (ctx: ApiContext) => Promise<ApiResult>;

/** The API's one table from error kind to HTTP status and code (anything else is a 500). */
export const HTTP_FOR_KIND: Record<ErrorKind, { status: number; code: string }> = {
  invalid: { status: 400, code: 'BadRequest' },
  unauthenticated: { status: 401, code: 'Unauthorized' },
  forbidden: { status: 403, code: 'Forbidden' },
  'not-found': { status: 404, code: 'NotFound' },
  conflict: { status: 409, code: 'Conflict' },
  unavailable: { status: 503, code: 'ServiceUnavailable' },
};

export const HTTP_INTERNAL = { status: 500, code: 'InternalError' } as const;

/** Status and code for any error: its kind's (or the particular code it carries), or 500. */
export function httpStatusFor(e: unknown): { status: number; code: string } {
  if (!isAppError(e)) return HTTP_INTERNAL;
  const code = e.detail?.code;
  return typeof code === 'string' ? { status: HTTP_FOR_KIND[e.kind].status, code } : HTTP_FOR_KIND[e.kind];
}

export function sendError(res: Response, status: number, code: string, message: string): void {
  res.status(status);
  res.json({ error: { code, message } });
}

export function sendAppError(res: Response, e: unknown, services: Services, req: Request): void {
  if (!isAppError(e)) services.logger.error({ reqId: req.id(), err: errorSummary(e) }, 'request failed');
  const { status, code } = httpStatusFor(e);
  sendError(res, status, code, messageFor(e));
}

export function sendResult(res: Response, result: ApiResult): void {
  if (result.text) {
    res.status(result.status ?? 200);
    res.setHeader('content-type', result.text.contentType);
    if (result.text.filename) res.setHeader('content-disposition', `attachment; filename="${result.text.filename.replace(/[^\w.-]/g, '_')}"`);
    res.setHeader('cache-control', 'no-store');
    res.sendRaw(typeof result.text.content === 'string' ? result.text.content : Buffer.from(result.text.content));
    return;
  }
  const status = result.status ?? 200;
  if (status === 204 || result.body === undefined) {
    res.status(status);
    res.end();
    return;
  }
  res.status(status);
  res.json(result.body as object);
}

/** Reads string query parameters only; arrays and objects (?a[b]=1) are refused as bad input. */
export function readQuery(req: Request): Record<string, string> {
  const raw = (req.query ?? {}) as Record<string, unknown>;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (k === '__proto__' || k === 'constructor' || k === 'prototype') continue;
    if (typeof v !== 'string') throw new AppError('invalid', `Query parameter "${k.slice(0, 40)}" must be given once, as text.`);
    if (v.length > 2000) throw new AppError('invalid', `Query parameter "${k.slice(0, 40)}" is too long.`);
    out[k] = v;
  }
  return out;
}

export interface RouteOptions {
  /** false for the few public routes (health, calendar feeds): no actor is resolved. */
  auth?: boolean;
}

export function route(services: Services, authenticator: Authenticator, handler: ApiHandler) {
  return async (req: Request, res: Response): Promise<void> => {
    try {
      const identity = await authenticator.authenticate(req.headers);
      const actor = await services.people.actor(identity);
      const result = await handler({
        req,
        actor,
        params: (req.params ?? {}) as Record<string, string>,
        query: readQuery(req),
        body: req.body,
        services,
        delegated: authenticator.delegated?.(req.headers, identity),
      });
      sendResult(res, result);
    } catch (e) {
      sendAppError(res, e, services, req);
    }
  };
}

export type PublicHandler = (ctx: Omit<ApiContext, 'actor'>) => Promise<ApiResult>;

export function publicRoute(services: Services, handler: PublicHandler) {
  return async (req: Request, res: Response): Promise<void> => {
    try {
      sendResult(res, await handler({ req, params: (req.params ?? {}) as Record<string, string>, query: readQuery(req), body: req.body, services }));
    } catch (e) {
      sendAppError(res, e, services, req);
    }
  };
}

/**
 * The one limit on a request body, checked once by the body parser (413, naming it). Large enough
 * that the biggest thing anyone sends — a CSV import at its own limit (MAX_IMPORT_BYTES, 500 KB),
 * even if JSON escaping doubled it — always reaches the check that names that limit instead.
 */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

/** The JSON body as an object, or a 400. Its size was checked by the body parser (MAX_BODY_BYTES). */
export function bodyObject(body: unknown): PlainObject {
  const obj = plainObject(body, Number.POSITIVE_INFINITY);
  if (!obj) throw new AppError('invalid', 'The request body must be a JSON object.');
  return obj;
}
