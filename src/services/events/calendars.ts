// Calendar files: a private feed per person (their bookings; the link's token is the only
// credential, so it is long, random, and can be replaced or turned off), a public feed per hub,
// and an invite per booking. All through the shared builder in src/domain/calendar/ics.ts.
import type { Config } from '../../config.js';
import type { Clock } from '../../domain/ports.js';
import type { Actor, UserId } from '../../domain/people/person.js';
import type { CalendarTokenRepository, EventRepository, StoredEvent } from '../../domain/events/ports.js';
import { buildCalendar, type IcsEvent } from '../../domain/calendar/ics.js';
import { CATEGORY_NAMES, type PltEvent } from '../../domain/events/event.js';
import { HUB_NAMES, parseHub } from '../../domain/people/hubs.js';
import { notFound } from '../../domain/errors.js';
import { newToken, type EventsService } from './eventsService.js';
import type { FeedInfo } from '../../contracts/events.js';

const TOKEN = /^[A-Za-z0-9_-]{32,64}$/;

export class EventCalendars {
  constructor(
    private readonly d: { config: Pick<Config, 'publicUrl'>; clock: Clock; repo: EventRepository; tokens: CalendarTokenRepository; events: EventsService },
  ) {}

  feedUrl(token: string): string {
    return `${this.d.config.publicUrl}/api/calendar/${token}.ics`;
  }

  hubFeedUrl(hub: string): string {
    return `${this.d.config.publicUrl}/api/calendar/hub/${hub}.ics`;
  }

  /** The person's feed link, made on first use; `replace` issues a new one (the old stops working). */
  async feed(actor: Pick<Actor, 'id'>, replace = false): Promise<FeedInfo> {
    const current = replace ? null : await this.d.tokens.get(actor.id);
    const token = current ?? (await this.d.tokens.issue(actor.id, newToken(24), this.d.clock.now()));
    return { url: this.feedUrl(token.token), createdAt: token.createdAt.toISOString() };
  }

  async current(userId: UserId): Promise<FeedInfo | null> {
    const t = await this.d.tokens.get(userId);
    return t ? { url: this.feedUrl(t.token), createdAt: t.createdAt.toISOString() } : null;
  }

  revoke(userId: UserId): Promise<void> {
    return this.d.tokens.revoke(userId);
  }

  private ics(e: PltEvent, options: { withLink: boolean; forceStatus?: 'CANCELLED' }): IcsEvent {
    const online = e.onlineMeetingUrl ? (options.withLink ? `Join online: ${e.onlineMeetingUrl}` : 'Online: the joining link is sent to people who book.') : '';
    return {
      uid: `event-${e.id}@virtual-cafe`,
      sequence: e.sequence,
      start: e.start,
      end: e.end,
      summary: e.title,
      description: [e.description, online, `${CATEGORY_NAMES[e.category]} · ${HUB_NAMES[e.hub]}`].filter(Boolean).join('\n\n'),
      location: e.location ?? (e.onlineMeetingUrl ? 'Online (Microsoft Teams)' : undefined),
      url: options.withLink ? e.onlineMeetingUrl : undefined,
      organizer: e.organiserName ? { name: e.organiserName } : undefined,
      status: options.forceStatus ?? (e.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'),
      stamp: e.updatedAt,
      categories: [CATEGORY_NAMES[e.category]],
    };
  }

  /** GET /api/calendar/{token}.ics — the person's booked events (last 60 days onwards). */
  async personalFeed(token: string): Promise<string> {
    if (!TOKEN.test(token)) throw notFound('No such calendar.');
    const userId = await this.d.tokens.userFor(token);
    if (!userId) throw notFound('No such calendar. The link may have been replaced; ask the bot for “calendar”.');
    const since = this.d.clock.now().getTime() - 60 * 86_400_000;
    const mine = await this.d.events.myRegistrations({ id: userId, guest: true, roles: [] }, { past: true });
    const events = await Promise.all(
      mine.filter((m) => m.event.myStatus === 'booked' && new Date(m.event.end).getTime() >= since).map((m) => this.d.repo.get(m.event.id)),
    );
    const items = events.filter((s): s is StoredEvent => !!s).map((s) => this.ics(s.event, { withLink: true }));
    return buildCalendar(items, { method: 'PUBLISH', name: 'My PLT bookings (Virtual Café)' });
  }

  /** GET /api/calendar/hub/{hub}.ics — every event of the hub, and Kent & Medway-wide ones. */
  async hubFeed(hubText: string): Promise<string> {
    const hub = parseHub(hubText);
    if (!hub || hub !== hubText.toLowerCase()) throw notFound('No such hub calendar. Hubs: north-kent, west-kent, east-kent, kent-medway.');
    const now = this.d.clock.now().getTime();
    const stored = await this.d.events.inRange(new Date(now - 60 * 86_400_000), new Date(now + 366 * 86_400_000));
    const items = stored.filter((s) => hub === 'kent-medway' || s.event.hub === hub || s.event.hub === 'kent-medway').map((s) => this.ics(s.event, { withLink: false }));
    return buildCalendar(items, { method: 'PUBLISH', name: `PLT events: ${HUB_NAMES[hub]}` });
  }

  /** GET /api/calendar/invite/{eventId}/{token}.ics — one booking's invite (or its cancellation). */
  async invite(eventId: string, token: string): Promise<{ ics: string; filename: string }> {
    if (!TOKEN.test(token) && !/^[A-Za-z0-9_-]{24}$/.test(token)) throw notFound('No such invite.');
    const s = await this.d.events.stored(eventId).catch(() => null);
    const reg = s ? await this.d.repo.byInviteToken(eventId, token) : null;
    if (!s || !reg) throw notFound('No such invite. If you cancelled the booking, the invite went with it.');
    if (reg.status !== 'booked' && s.event.status !== 'cancelled') throw notFound('You are on the waitlist; the invite comes when you get a place.');
    const cancelled = s.event.status === 'cancelled';
    const ics = buildCalendar([this.ics(s.event, { withLink: true })], { method: cancelled ? 'CANCEL' : 'REQUEST' });
    return { ics, filename: `${s.event.title.replace(/[^\w -]/g, '').trim().slice(0, 60) || 'event'}.ics` };
  }
}
