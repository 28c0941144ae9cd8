// Every tab API route group. Areas add theirs here.
import type { Server } from 'restify';
import type { Services } from '../../services/container.js';
import type { Authenticator } from '../auth.js';
import { registerHealthRoutes } from './health.js';
import { registerMeRoutes } from './me.js';
import { registerUserRoutes } from './users.js';
import { registerNotificationRoutes } from './notifications.js';

export function registerApiRoutes(server: Server, services: Services, auth: Authenticator): void {
  registerHealthRoutes(server, services);
  registerMeRoutes(server, services, auth);
  registerUserRoutes(server, services, auth);
  registerNotificationRoutes(server, services, auth);
}
