import type { Server } from 'restify';
import type { Services } from '../../composition/index.js';
import type { Authenticator } from '../auth.js';
import { route } from '../http.js';
import type { PersonalDataExport } from '../../contracts/privacy.js';

/** GET /api/me/export (everything held about me, JSON) · DELETE /api/me (forget me, 204). */
export function registerPrivacyRoutes(server: Server, services: Services, auth: Authenticator): void {
  server.get('/api/me/export', route(services, auth, async ({ actor }) => ({ body: (await services.privacy.export(actor)) satisfies PersonalDataExport })));
  server.del(
    '/api/me',
    route(services, auth, async ({ actor }) => {
      await services.privacy.forget(actor);
      return { status: 204 };
    }),
  );
}
