import type { Server } from 'restify';
import type { Services } from '../../composition/index.js';
import type { Authenticator } from '../auth.js';
import { bodyObject, route } from '../http.js';
import type { MeJson } from '../../contracts/people.js';

/** GET /api/me · PUT /api/me/profile — who I am, my profile and roles. */
export function registerMeRoutes(server: Server, services: Services, auth: Authenticator): void {
  server.get('/api/me', route(services, auth, async ({ actor }) => ({ body: (await services.people.me(actor)) satisfies MeJson })));
  server.put(
    '/api/me/profile',
    route(services, auth, async ({ actor, body }) => {
      await services.people.saveProfile(actor, bodyObject(body));
      return { body: await services.people.me(actor) };
    }),
  );
}
