// Calendar feeds and invites (public: the unguessable token in the path is the credential), and
// the person's own feed link (signed in). /api/calendar/facilitation/ belongs to facilitation.
import type { Server } from 'restify';
import type { Services } from '../../composition/index.js';
import type { Authenticator } from '../auth.js';
import { publicRoute, route } from '../http.js';
import { notFound } from '../../domain/errors.js';
import { HUBS } from '../../domain/people/hubs.js';
import type { CalendarAnswer, NewCalendarLinkAnswer } from '../../contracts/events.js';

const ICS = 'text/calendar; charset=utf-8';

function icsName(file: string | undefined): string {
  const m = /^([A-Za-z0-9_-]{1,100})\.ics$/.exec(file ?? '');
  if (!m) throw notFound('No such calendar.');
  return m[1];
}

export function registerCalendarRoutes(server: Server, services: Services, auth: Authenticator): void {
  const calendars = services.eventCalendars;

  server.get(
    '/api/me/calendar',
    route(services, auth, async ({ actor }) => ({ body: { feed: await calendars.feed(actor), hubFeeds: HUBS.map((h) => ({ hub: h, url: calendars.hubFeedUrl(h) })) } satisfies CalendarAnswer })),
  );
  /** A new private link; the old one stops working. */
  server.post('/api/me/calendar', route(services, auth, async ({ actor }) => ({ status: 201, body: { feed: await calendars.feed(actor, true) } satisfies NewCalendarLinkAnswer })));
  server.del(
    '/api/me/calendar',
    route(services, auth, async ({ actor }) => {
      await calendars.revoke(actor.id);
      return { status: 204 };
    }),
  );

  server.get(
    '/api/calendar/hub/:file',
    publicRoute(services, async ({ params }) => ({ text: { contentType: ICS, content: await calendars.hubFeed(icsName(params.file)) } })),
  );
  server.get(
    '/api/calendar/invite/:eventId/:file',
    publicRoute(services, async ({ params }) => {
      const invite = await calendars.invite(params.eventId, icsName(params.file));
      return { text: { contentType: ICS, content: invite.ics, filename: invite.filename } };
    }),
  );
  server.get(
    '/api/calendar/:file',
    publicRoute(services, async ({ params }) => ({ text: { contentType: ICS, content: await calendars.personalFeed(icsName(params.file)) } })),
  );
}

