// The one HTTP server: /api/messages (bot), /api/* (tab API), /tab/* (the built tab).
import restify, { type Server, type Request, type Response, type Next } from 'restify';
import { randomUUID } from 'node:crypto';
import type { Services } from '../composition/index.js';
import type { Authenticator } from './auth.js';
import { registerApiRoutes } from './routes/index.js';
import { tabStaticHandler } from './tabStatic.js';
import { MAX_BODY_BYTES, sendError } from './http.js';

export interface ServerParts {
  services: Services;
  authenticator: Authenticator;
  messages: (req: Request, res: Response) => Promise<void>;
  tabDir: string;
}

// Teams loads the tab in an iframe from these hosts.
const FRAME_ANCESTORS =
  "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.teams.microsoft.us https://*.skype.com https://*.office.com https://*.office365.com https://*.microsoft365.com https://*.cloud.microsoft https://*.sharepoint.com https://outlook.office.com https://outlook.office365.com";

export function createHttpServer(parts: ServerParts): Server {
  const { services } = parts;
  const server = restify.createServer({ name: 'virtual-cafe', handleUncaughtExceptions: false, ignoreTrailingSlash: true });
  const hsts = services.config.publicUrl.startsWith('https://');
  // Before routing, so every answer carries them: matched routes, 404s and 405s, bodies refused by
  // the parser, the bot endpoint and the tab's files (a route may still set its own CSP).
  server.pre((req: Request, res: Response, next: Next) => {
    // Keep our own request id: never trust one sent by the client unless behind a trusted proxy.
    const incoming = services.config.trustProxy ? req.header('x-request-id') : undefined;
    (req as Request & { _vcId?: string })._vcId = incoming && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    req.id = () => (req as Request & { _vcId?: string })._vcId as string;
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'strict-origin-when-cross-origin');
    res.setHeader('content-security-policy', FRAME_ANCESTORS);
    res.setHeader('x-request-id', req.id());
    if (hsts) res.setHeader('strict-transport-security', 'max-age=31536000');
    return next();
  });
  server.use(restify.plugins.queryParser({ mapParams: false, allowDots: false, arrayLimit: 20, depth: 1, parameterLimit: 50 }));
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: MAX_BODY_BYTES, rejectUnknown: false }));

  // One log line per request: id, method, route, status, time. No query strings, bodies or names.
  server.on('after', (req: Request, res: Response) => {
    const route = (req as Request & { getRoute?: () => { path?: string } }).getRoute?.()?.path ?? 'unmatched';
    services.logger.info({ reqId: req.id(), method: req.method, route: String(route), status: res.statusCode, ms: Math.round(Date.now() - (req.time?.() ?? Date.now())) }, 'request');
  });

  // Restify's own errors (bad JSON, 404, 405, body too large) in the API's error shape.
  server.on('restifyError', (req: Request, res: Response, err: Error & { statusCode?: number; body?: { code?: string; message?: string } }, cb: () => void) => {
    const status = err.statusCode ?? 500;
    const code = status === 404 ? 'NotFound' : status === 405 ? 'MethodNotAllowed' : status === 413 ? 'PayloadTooLarge' : status >= 500 ? 'InternalError' : 'BadRequest';
    const message =
      status === 404 ? 'No such route.' : status === 405 ? 'That method is not allowed here.' : status === 413 ? `The request body is over ${MAX_BODY_BYTES / 1024 / 1024} MB.` : status >= 500 ? 'Something went wrong.' : 'The request could not be read (is the JSON valid?).';
    (err as unknown as { toJSON: () => unknown }).toJSON = () => ({ error: { code, message } });
    (err as unknown as { toString: () => string }).toString = () => message;
    return cb();
  });

  server.post('/api/messages', async (req: Request, res: Response) => {
    try {
      await parts.messages(req, res);
    } catch {
      if (!res.headersSent) sendError(res, 500, 'InternalError', 'Something went wrong.');
    }
  });

  registerApiRoutes(server, services, parts.authenticator);

  const tab = tabStaticHandler(parts.tabDir, services.config);
  server.get('/tab', tab);
  server.get('/tab/*', tab);
  server.get('/', (_req: Request, res: Response, next: Next) => {
    res.redirect(302, '/tab/calendar', next);
  });
  return server;
}
