// GET /api/people?q= — the people picker: coordinators, organisers and channel leads find people by
// name (the people the app knows; later Microsoft Graph's directory too). Others get 403.
import type { Server } from 'restify';
import type { Services } from '../../composition/index.js';
import type { Authenticator } from '../auth.js';
import { route } from '../http.js';
import { personJson, type PeopleAnswer } from '../../contracts/people.js';

export function registerPeopleRoutes(server: Server, services: Services, auth: Authenticator): void {
  server.get(
    '/api/people',
    route(services, auth, async ({ actor, query }) => ({ body: { items: (await services.peopleSearch.search(actor, query.q)).map(personJson) } satisfies PeopleAnswer })),
  );
}
