// Facilitation over the tab API: requests (lead, offered/assigned facilitator, hub coordinators),
// offers, the pool (coordinators), a facilitator's own profile, the dashboard, and the public
// "Add to calendar" link (the token is the credential).
import type { Server } from 'restify';
import type { Services } from '../../services/container.js';
import type { Authenticator } from '../auth.js';
import { bodyObject, publicRoute, route } from '../http.js';
import { notFound } from '../../domain/errors.js';
import { facilitatorView } from '../../services/facilitation/present.js';
import type { Facilitator } from '../../domain/facilitation/facilitator.js';
import type { Actor } from '../../domain/people/person.js';

export function registerFacilitationRoutes(server: Server, services: Services, auth: Authenticator): void {
  const f = services.facilitation;
  const view = async (actor: Actor, r: Parameters<typeof f.views>[1][number]) => (await f.views(actor, [r]))[0];
  const facilitatorJson = async (x: Facilitator) => facilitatorView(x, await services.people.names([x.userId]));

  server.post(
    '/api/facilitation-requests',
    route(services, auth, async ({ actor, body }) => {
      const { request, duplicate } = await f.requests.create(actor, bodyObject(body));
      return { status: duplicate ? 200 : 201, body: await view(actor, request) };
    }),
  );

  server.get(
    '/api/facilitation-requests',
    route(services, auth, async ({ actor, query }) => {
      const requests = query.mine === 'true' ? await f.requests.ledBy(actor) : query.offers === 'true' ? await f.requests.offersFor(actor) : await f.requests.visibleTo(actor);
      return { body: { items: await f.views(actor, requests) } };
    }),
  );

  server.get(
    '/api/facilitation-requests/:id',
    route(services, auth, async ({ actor, params }) => ({ body: await view(actor, await f.requests.get(actor, params.id)) })),
  );

  server.del(
    '/api/facilitation-requests/:id',
    route(services, auth, async ({ actor, params }) => {
      const { request, result } = await f.requests.cancel(actor, params.id);
      return { body: { ...(await view(actor, request)), result } };
    }),
  );

  server.post(
    '/api/facilitation-requests/:id/offers/:offerId/accept',
    route(services, auth, async ({ actor, params }) => {
      const { request, result } = await f.requests.accept(actor, params.id, params.offerId, 'api');
      return { body: { result, request: await view(actor, request) } };
    }),
  );

  server.post(
    '/api/facilitation-requests/:id/offers/:offerId/decline',
    route(services, auth, async ({ actor, params }) => {
      const { request, result } = await f.requests.decline(actor, params.id, params.offerId);
      return { body: { result, request: await view(actor, request) } };
    }),
  );

  server.post(
    '/api/facilitation-requests/:id/withdraw',
    route(services, auth, async ({ actor, params }) => {
      const { request, result } = await f.requests.withdraw(actor, params.id);
      return { body: { result, request: await view(actor, request) } };
    }),
  );

  server.post(
    '/api/facilitation-requests/:id/assign',
    route(services, auth, async ({ actor, params, body }) => {
      const { request, result } = await f.requests.assign(actor, params.id, bodyObject(body).userId);
      return { body: { result, request: await view(actor, request) } };
    }),
  );

  server.get(
    '/api/facilitators',
    route(services, auth, async ({ actor }) => {
      const pool = await f.pool.list(actor);
      const names = await services.people.names(pool.map((x) => x.userId));
      return { body: { items: pool.map((x) => facilitatorView(x, names)).sort((a, b) => a.name.localeCompare(b.name)) } };
    }),
  );

  server.post(
    '/api/facilitators',
    route(services, auth, async ({ actor, body }) => {
      const { facilitator, created } = await f.pool.add(actor, bodyObject(body));
      return { status: created ? 201 : 200, body: await facilitatorJson(facilitator) };
    }),
  );

  server.get('/api/facilitators/me', route(services, auth, async ({ actor }) => ({ body: await facilitatorJson(await f.pool.mine(actor)) })));

  server.put(
    '/api/facilitators/me',
    route(services, auth, async ({ actor, body }) => ({ body: await facilitatorJson(await f.pool.saveMine(actor, bodyObject(body))) })),
  );

  server.del(
    '/api/facilitators/:userId',
    route(services, auth, async ({ actor, params }) => {
      await f.pool.remove(actor, params.userId === 'me' ? actor.id : params.userId);
      return { status: 204 };
    }),
  );

  server.get('/api/facilitation/dashboard', route(services, auth, async ({ actor }) => ({ body: await f.dashboard(actor) })));

  server.get('/api/facilitation/lead-channels', route(services, auth, async ({ actor }) => ({ body: { items: await f.leadChannels(actor) } })));

  server.get(
    '/api/calendar/facilitation/:token.ics',
    publicRoute(services, async ({ params }) => {
      const ics = await f.calendar(String(params.token ?? ''));
      if (!ics) throw notFound('No such calendar.');
      return { text: { contentType: 'text/calendar; charset=utf-8', content: ics, filename: 'facilitated-session.ics' } };
    }),
  );
}
