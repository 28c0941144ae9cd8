// The events API for the tab (interfaces.md): browse, book, cancel, organise, rosters (JSON or
// CSV), attendance, my bookings, bulk import. (CPD records: routes/cpd.ts.)
import type { Server } from 'restify';
import type { Services } from '../../composition/index.js';
import type { Authenticator } from '../auth.js';
import { bodyObject, route, type ApiContext } from '../http.js';
import { eventJson, myRegistrationJson, rosterAnswer, type AttendanceAnswer, type BookingCancelAnswer, type CreatedEvent, type EventDetail, type EventList, type EventView, type ImportReport, type MyRegistrationJson, type RosterAnswer, type SignupAnswer } from '../../contracts/events.js';
import type { ListResponse } from '../../contracts/common.js';
import { toCsv } from '../../domain/events/csv.js';
import { formatLondonDate, formatLondonTime } from '../../domain/time/london.js';
import { invalid } from '../../domain/errors.js';
import { PROFESSION_NAMES, type Profession } from '../../domain/people/professions.js';

const wantsCsv = (ctx: ApiContext) => {
  const format = ctx.query.format;
  if (format === undefined || format === 'json') return false;
  if (format === 'csv') return true;
  throw invalid('format must be csv or json.', { field: 'format' });
};

const londonStamp = (iso: string | undefined) => (iso ? `${formatLondonDate(new Date(iso))} ${formatLondonTime(new Date(iso))}` : '');
const fileSafe = (text: string) => text.replace(/[^\w -]/g, '').trim().replace(/\s+/g, '-').slice(0, 50) || 'event';

export function registerEventRoutes(server: Server, services: Services, auth: Authenticator): void {
  const events = services.events;

  server.get('/api/events', route(services, auth, async ({ actor, query }) => ({ body: (await events.list(actor, query)) satisfies EventList })));

  server.post(
    '/api/events/import',
    route(services, auth, async ({ actor, body }) => {
      const input = bodyObject(body);
      const report = await services.eventImporter.import(actor, input.csv, { dryRun: input.dryRun === true || input.dryRun === 'true' });
      return { status: report.dryRun ? 200 : 201, body: report satisfies ImportReport };
    }),
  );

  server.post(
    '/api/events',
    route(services, auth, async ({ actor, body, delegated }) => {
      const created = await events.create(actor, bodyObject(body), { delegated });
      const first = await events.view(actor, created[0].id);
      const answer: CreatedEvent = created.length > 1 ? { ...first, series: created.map(eventJson) } : first;
      return { status: 201, body: answer };
    }),
  );

  server.get(
    '/api/events/:id',
    route(services, auth, async ({ actor, params }) => {
      // One parallel round of reads for the view and its warnings (see EventsService.detail).
      const { view, warnings } = await events.detail(actor, params.id);
      const answer: EventDetail = { ...view, warnings };
      return { body: answer };
    }),
  );

  server.patch('/api/events/:id', route(services, auth, async ({ actor, params, body, delegated }) => ({ body: (await events.update(actor, params.id, bodyObject(body), { delegated })) satisfies EventView })));

  server.del(
    '/api/events/:id',
    route(services, auth, async ({ actor, params, query, body, delegated }) => {
      const reason = query.reason ?? (body && typeof body === 'object' ? (body as { reason?: unknown }).reason : undefined);
      return { body: (await events.cancelEvent(actor, params.id, reason, { delegated })) satisfies EventView };
    }),
  );

  server.post(
    '/api/events/:id/registrations',
    route(services, auth, async ({ actor, params }) => {
      // Warnings (clashes, profession) come with GET /api/events/{id}, before the person books.
      const result = await events.signUp(actor, params.id);
      const answer: SignupAnswer = { status: result.status, ...(result.position ? { position: result.position } : {}), already: result.already, event: result.view };
      return { status: 201, body: answer };
    }),
  );

  server.del(
    '/api/events/:id/registrations/me',
    route(services, auth, async ({ actor, params }) => {
      const result = await events.cancelBooking(actor, params.id);
      const answer: BookingCancelAnswer = { status: 'none', previous: result.previous, event: await events.view(actor, params.id) };
      return { body: answer };
    }),
  );

  server.get(
    '/api/events/:id/registrations',
    route(services, auth, async (ctx) => {
      const roster = await events.roster(ctx.actor, ctx.params.id);
      if (!wantsCsv(ctx)) return { body: rosterAnswer(roster) satisfies RosterAnswer };
      const yesNo = (v: boolean | null) => (v === null ? '' : v ? 'yes' : 'no');
      const rows = roster.items.map((r) => [
        r.name,
        r.status,
        r.position ?? '',
        londonStamp(r.joinedAt),
        londonStamp(r.bookedAt),
        yesNo(r.attended),
        r.attendedMinutes ?? '',
        r.attendanceSource ?? '',
        r.email ?? '',
        r.profession ? (PROFESSION_NAMES[r.profession as Profession] ?? r.profession) : '',
        r.pcn ?? '',
        r.organisation ?? '',
      ]);
      return {
        text: {
          contentType: 'text/csv; charset=utf-8',
          content: toCsv(['Name', 'Status', 'Waitlist position', 'Joined', 'Booked', 'Attended', 'Minutes in Teams', 'Attendance from', 'Email', 'Profession', 'PCN', 'Organisation'], rows),
          filename: `roster-${fileSafe(roster.event.title)}.csv`,
        },
      };
    }),
  );

  server.put(
    '/api/events/:id/attendance',
    route(services, auth, async ({ actor, params, body }) => {
      const input = bodyObject(body);
      return { body: (await events.markAttendance(actor, params.id, input.attended, input.absent)) satisfies AttendanceAnswer };
    }),
  );

  server.get(
    '/api/me/registrations',
    route(services, auth, async ({ actor, query }) => {
      const mine = await events.myRegistrations(actor, { past: query.past === 'true' });
      const answer: ListResponse<MyRegistrationJson> = { items: mine.map(myRegistrationJson) };
      return { body: answer };
    }),
  );

}
