// Every tab API route group. Areas add theirs here.
import type { Server } from 'restify';
import type { Services } from '../../composition/index.js';
import type { Authenticator } from '../auth.js';
import { registerHealthRoutes } from './health.js';
import { registerMeRoutes } from './me.js';
import { registerUserRoutes } from './users.js';
import { registerPrivacyRoutes } from './privacy.js';
import { registerChannelRoutes } from './channels.js';
import { registerFacilitationRoutes } from './facilitation.js';
import { registerEventRoutes } from './events.js';
import { registerCalendarRoutes } from './calendar.js';
import { registerNotificationRoutes } from './notifications.js';
import { registerFeedbackRoutes } from './feedback.js';
import { registerCpdRoutes } from './cpd.js';
import { registerInsightsRoutes } from './insights.js';
import { registerPeopleRoutes } from './people.js';

export function registerApiRoutes(server: Server, services: Services, auth: Authenticator): void {
  registerHealthRoutes(server, services);
  registerMeRoutes(server, services, auth);
  registerUserRoutes(server, services, auth);
  registerPrivacyRoutes(server, services, auth);
  registerChannelRoutes(server, services, auth);
  registerFacilitationRoutes(server, services, auth);
  registerEventRoutes(server, services, auth);
  registerCalendarRoutes(server, services, auth);
  registerNotificationRoutes(server, services, auth);
  registerFeedbackRoutes(server, services, auth);
  registerCpdRoutes(server, services, auth);
  registerInsightsRoutes(server, services, auth);
  registerPeopleRoutes(server, services, auth);
}
