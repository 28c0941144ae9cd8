// Calendar files: a private feed per person (their bookings; the link's token is the only
// credential, so it is long, random, and can be replaced or turned off), a public feed per hub,
// and an invite per booking. All through the shared builder in src/domain/calendar/ics.ts.
//
// Invites follow RFC 5546: METHOD:REQUEST (and METHOD:CANCEL once the event is cancelled, or the
// person cancelled their booking) name the person as ATTENDEE and the organiser as ORGANIZER
// (see calendarAddresses.ts). Feeds name nobody's mailbox.
import type { Config } from '../../config.js';
import type { Clock } from '../../domain/ports.js';
import type { Actor, UserId } from '../../domain/people/person.js';
import type { CalendarTokenRepository, EventRepository, StoredEvent } from '../../domain/events/ports.js';
import { buildCalendar, type IcsEvent, type IcsPerson } from '../../domain/calendar/ics.js';
import { CATEGORY_NAMES, inviteSequence, type PltEvent } from '../../domain/events/event.js';
import { HUB_NAMES, parseHub } from '../../domain/people/hubs.js';
import { notFound } from '../../domain/errors.js';
import { newToken, type EventsService } from './eventsService.js';
import type { Contact } from '../people.js';
import { attendee, organizer } from '../calendarAddresses.js';
import type { FeedInfo } from '../../contracts/events.js';

const TOKEN = /^[A-Za-z0-9_-]{32,64}$/;
/** How often subscribers should fetch a feed again. */
export const FEED_REFRESH_MINUTES = 60;


export class EventCalendars {
  constructor(
    private readonly d: {
      config: Pick<Config, 'publicUrl' | 'calendarMailbox'>;
      clock: Clock;
      repo: EventRepository;
      tokens: CalendarTokenRepository;
      events: EventsService;
      people: { contacts(ids: readonly UserId[]): Promise<Map<UserId, Contact>> };
    },
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

  /** The organiser by name; their own mailbox in invites only (feeds get the hub's). */
  private organizer(e: PltEvent, contact?: Contact): IcsPerson {
    return organizer(this.d.config, e.organiserName || 'Virtual Café', contact);
  }

  private ics(e: PltEvent, options: { withLink: boolean; forceStatus?: 'CANCELLED'; sequence?: number; organizer?: IcsPerson; attendee?: IcsPerson }): IcsEvent {
    const online = e.onlineMeetingUrl ? (options.withLink ? `Join online: ${e.onlineMeetingUrl}` : 'Online: the joining link is sent to people who book.') : '';
    return {
      uid: `event-${e.id}@virtual-cafe`,
      sequence: options.sequence ?? e.sequence,
      start: e.start,
      end: e.end,
      summary: e.title,
      description: [e.description, online, `${CATEGORY_NAMES[e.category]} · ${HUB_NAMES[e.hub]}`].filter(Boolean).join('\n\n'),
      location: e.location ?? (e.onlineMeetingUrl ? 'Online (Microsoft Teams)' : undefined),
      url: options.withLink ? e.onlineMeetingUrl : undefined,
      organizer: options.organizer ?? (e.organiserName ? this.organizer(e) : undefined),
      attendees: options.attendee ? [options.attendee] : undefined,
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
    return buildCalendar(items, { method: 'PUBLISH', name: 'My PLT bookings (Virtual Café)', refreshMinutes: FEED_REFRESH_MINUTES });
  }

  /** GET /api/calendar/hub/{hub}.ics — every event of the hub, and Kent & Medway-wide ones. */
  async hubFeed(hubText: string): Promise<string> {
    const hub = parseHub(hubText);
    if (!hub || hub !== hubText.toLowerCase()) throw notFound('No such hub calendar. Hubs: north-kent, west-kent, east-kent, kent-medway.');
    const now = this.d.clock.now().getTime();
    const stored = await this.d.events.inRange(new Date(now - 60 * 86_400_000), new Date(now + 366 * 86_400_000));
    const items = stored.filter((s) => hub === 'kent-medway' || s.event.hub === hub || s.event.hub === 'kent-medway').map((s) => this.ics(s.event, { withLink: false }));
    return buildCalendar(items, { method: 'PUBLISH', name: `PLT events: ${HUB_NAMES[hub]}`, refreshMinutes: FEED_REFRESH_MINUTES });
  }

  /**
   * GET /api/calendar/invite/{eventId}/{token}.ics — one booking's invite; its cancellation once the
   * event is cancelled or the person cancelled their booking (same UID, higher SEQUENCE).
   */
  async invite(eventId: string, token: string): Promise<{ ics: string; filename: string }> {
    if (!TOKEN.test(token) && !/^[A-Za-z0-9_-]{24}$/.test(token)) throw notFound('No such invite.');
    const s = await this.d.events.stored(eventId).catch(() => null);
    const found = s ? await this.d.repo.byInviteToken(eventId, token) : null;
    if (!s || !found) throw notFound('No such invite.');
    const mine = 'registration' in found ? found.registration : found.cancelled;
    const withdrawn = 'cancelled' in found;
    if ('registration' in found && found.registration.status !== 'booked' && s.event.status !== 'cancelled') throw notFound('You are on the waitlist; the invite comes when you get a place.');
    const cancel = withdrawn || s.event.status === 'cancelled';
    const contacts = await this.d.people.contacts([mine.userId, s.event.organiserId].filter(Boolean));
    const person = contacts.get(mine.userId);
    const organiser = s.event.organiserId ? contacts.get(s.event.organiserId) : undefined;
    const ics = buildCalendar(
      [
        this.ics(s.event, {
          withLink: !withdrawn,
          sequence: inviteSequence(s.event, mine),
          forceStatus: cancel ? 'CANCELLED' : undefined,
          organizer: this.organizer(s.event, organiser),
          attendee: attendee(mine.userId, person, 'registration' in found ? found.registration.name : ''),
        }),
      ],
      { method: cancel ? 'CANCEL' : 'REQUEST' },
    );
    return { ics, filename: `${s.event.title.replace(/[^\w -]/g, '').trim().slice(0, 60) || 'event'}.ics` };
  }
}
