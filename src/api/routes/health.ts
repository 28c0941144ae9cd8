import type { Server } from 'restify';
import type { Services } from '../../composition/index.js';
import { publicRoute } from '../http.js';
import type { HealthAnswer } from '../../contracts/common.js';

/** GET /api/health — storage reachability; 503 while storage is down (the platform's health probe). */
export function registerHealthRoutes(server: Server, services: Services): void {
  server.get(
    '/api/health',
    publicRoute(services, async () => {
      const storage = await services.storage.ping();
      return { status: storage.ok ? 200 : 503, body: { status: storage.ok ? 'ok' : 'unavailable', storage } satisfies HealthAnswer };
    }),
  );
}
