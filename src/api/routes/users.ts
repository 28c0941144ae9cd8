import type { Server } from 'restify';
import type { Services } from '../../composition/index.js';
import type { Authenticator } from '../auth.js';
import { bodyObject, route } from '../http.js';
import type { RolesAnswer } from '../../contracts/people.js';

/** PUT /api/users/{userId}/roles — coordinators grant organiser/coordinator for their hubs; GET /api/roles — who holds them. */
export function registerUserRoutes(server: Server, services: Services, auth: Authenticator): void {
  server.get('/api/roles', route(services, auth, async ({ actor }) => ({ body: { items: await services.people.roleHolders(actor) } })));

  server.put(
    '/api/users/:userId/roles',
    route(services, auth, async ({ actor, params, body }) => {
      const input = bodyObject(body);
      const roles = await services.people.setRoles(actor, params.userId, { roles: input.roles, hubs: input.hubs });
      return { body: { userId: params.userId, roles } satisfies RolesAnswer };
    }),
  );
}
