// Facilitation over the tab API: requests (lead, offered/assigned facilitator, hub coordinators),
// offers, the pool (coordinators), a facilitator's own profile, the dashboard, and the public
// "Add to calendar" link (the token is the credential).
import type { Server } from 'restify';
import type { Services } from '../../composition/index.js';
import type { Authenticator } from '../auth.js';
import { bodyObject, publicRoute, route } from '../http.js';
import { notFound } from '../../domain/errors.js';
import { facilitatorJson, type AcceptResult, type AssignResult, type DeclineResult, type FacilitationRequestJson, type FacilitatorJson, type LeadChannel, type RequestActionAnswer, type RequestCancelAnswer, type WithdrawResult, type Dashboard } from '../../contracts/facilitation.js';
import type { ListResponse } from '../../contracts/common.js';
import type { Facilitator } from '../../domain/facilitation/facilitator.js';
import type { Actor } from '../../domain/people/person.js';

export function registerFacilitationRoutes(server: Server, services: Services, auth: Authenticator): void {
  const f = services.facilitation;
  const view = async (actor: Actor, r: Parameters<typeof f.lookups.views>[1][number]) => (await f.lookups.views(actor, [r]))[0];
  const named = async (x: Facilitator): Promise<FacilitatorJson> => facilitatorJson(x, await services.people.names([x.userId]));

  server.post(
    '/api/facilitation-requests',
    route(services, auth, async ({ actor, body }) => {
      const { request, duplicate } = await f.requests.create(actor, bodyObject(body));
      return { status: duplicate ? 200 : 201, body: (await view(actor, request)) satisfies FacilitationRequestJson };
    }),
  );

  server.get(
    '/api/facilitation-requests',
    route(services, auth, async ({ actor, query }) => {
      const requests = query.mine === 'true' ? await f.lookups.ledBy(actor) : query.offers === 'true' ? await f.lookups.offersFor(actor) : await f.lookups.visibleTo(actor);
      return { body: { items: await f.lookups.views(actor, requests) } satisfies ListResponse<FacilitationRequestJson> };
    }),
  );

  server.get(
    '/api/facilitation-requests/:id',
    route(services, auth, async ({ actor, params }) => ({ body: await view(actor, await f.lookups.get(actor, params.id)) })),
  );

  server.del(
    '/api/facilitation-requests/:id',
    route(services, auth, async ({ actor, params }) => {
      const { request, result } = await f.requests.cancel(actor, params.id);
      return { body: { ...(await view(actor, request)), result } satisfies RequestCancelAnswer };
    }),
  );

  server.post(
    '/api/facilitation-requests/:id/offers/:offerId/accept',
    route(services, auth, async ({ actor, params }) => {
      const { request, result } = await f.requests.accept(actor, params.id, params.offerId, 'api');
      return { body: { result, request: await view(actor, request) } satisfies RequestActionAnswer<AcceptResult> };
    }),
  );

  server.post(
    '/api/facilitation-requests/:id/offers/:offerId/decline',
    route(services, auth, async ({ actor, params }) => {
      const { request, result } = await f.requests.decline(actor, params.id, params.offerId);
      return { body: { result, request: await view(actor, request) } satisfies RequestActionAnswer<DeclineResult> };
    }),
  );

  server.post(
    '/api/facilitation-requests/:id/withdraw',
    route(services, auth, async ({ actor, params }) => {
      const { request, result } = await f.requests.withdraw(actor, params.id);
      return { body: { result, request: await view(actor, request) } satisfies RequestActionAnswer<WithdrawResult> };
    }),
  );

  server.post(
    '/api/facilitation-requests/:id/assign',
    route(services, auth, async ({ actor, params, body }) => {
      const { request, result } = await f.requests.assign(actor, params.id, bodyObject(body).userId);
      return { body: { result, request: await view(actor, request) } satisfies RequestActionAnswer<AssignResult> };
    }),
  );

  server.get(
    '/api/facilitators',
    route(services, auth, async ({ actor }) => {
      const pool = await f.pool.list(actor);
      const names = await services.people.names(pool.map((x) => x.userId));
      return { body: { items: pool.map((x) => facilitatorJson(x, names)).sort((a, b) => a.name.localeCompare(b.name)) } satisfies ListResponse<FacilitatorJson> };
    }),
  );

  server.post(
    '/api/facilitators',
    route(services, auth, async ({ actor, body }) => {
      const { facilitator, created } = await f.pool.add(actor, bodyObject(body));
      return { status: created ? 201 : 200, body: await named(facilitator) };
    }),
  );

  server.get('/api/facilitators/me', route(services, auth, async ({ actor }) => ({ body: await named(await f.pool.mine(actor)) })));

  server.put(
    '/api/facilitators/me',
    route(services, auth, async ({ actor, body }) => ({ body: await named(await f.pool.saveMine(actor, bodyObject(body))) })),
  );

  server.del(
    '/api/facilitators/:userId',
    route(services, auth, async ({ actor, params }) => {
      await f.pool.remove(actor, params.userId === 'me' ? actor.id : params.userId);
      return { status: 204 };
    }),
  );

  server.get('/api/facilitation/dashboard', route(services, auth, async ({ actor }) => ({ body: (await f.dashboard(actor)) satisfies Dashboard })));

  server.get('/api/facilitation/lead-channels', route(services, auth, async ({ actor }) => ({ body: { items: await f.lookups.leadChannels(actor) } satisfies ListResponse<LeadChannel> })));

  server.get(
    '/api/calendar/facilitation/:token.ics',
    publicRoute(services, async ({ params }) => {
      const ics = await f.calendar(String(params.token ?? ''));
      if (!ics) throw notFound('No such calendar.');
      return { text: { contentType: 'text/calendar; charset=utf-8', content: ics, filename: 'facilitated-session.ics' } };
    }),
  );
}
