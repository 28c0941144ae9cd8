import type { Server } from 'restify';
import type { Services } from '../../composition/index.js';
import type { Authenticator } from '../auth.js';
import { bodyObject, route } from '../http.js';
import type { DeliverySummary, PreferencesView } from '../../contracts/notifications.js';

/**
 * GET/PUT /api/me/notification-settings — my notification settings
 *   (`{ settings: { reminder, booking, feedback, channel, facilitation }, kinds: [...] }`; PUT takes any of
 *   reminder/booking/feedback/channel as booleans);
 * GET /api/notifications/summary — pending and failed counts, coordinators only.
 */
export function registerNotificationRoutes(server: Server, services: Services, auth: Authenticator): void {
  server.get(
    '/api/me/notification-settings',
    route(services, auth, async ({ actor }) => ({ body: (await services.notifications.preferences(actor)) satisfies PreferencesView })),
  );
  server.put(
    '/api/me/notification-settings',
    route(services, auth, async ({ actor, body }) => ({ body: (await services.notifications.savePreferences(actor, bodyObject(body))) satisfies PreferencesView })),
  );
  server.get(
    '/api/notifications/summary',
    route(services, auth, async ({ actor }) => ({ body: (await services.notifications.deliverySummary(actor)) satisfies DeliverySummary })),
  );
}
