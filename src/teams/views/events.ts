// What a person sees of events in Teams, shared by the events commands and card actions: gathers
// what each card needs from the services and hands it to the builders in src/cards/events/ (which
// hold every word).
import type { BotTurn } from '../turn.js';
import type { CardJson } from '../../cards/render.js';
import { eventCard, eventListCard } from '../../cards/events/event.js';
import { calendarFeedCard, myEventsCard } from '../../cards/events/mine.js';
import { eventFormCard } from '../../cards/events/form.js';
import { parseEventQuery } from '../../domain/events/query.js';
import { hubsWithRole } from '../../domain/people/authorisation.js';
import { HUBS, HUB_NAMES } from '../../domain/people/hubs.js';
import type { EventView } from '../../contracts/events.js';

export const LIST_SIZE = 8;

/** Teams user id of the person acting (what `refresh.userIds` wants). */
export const teamsUserId = (turn: BotTurn): string[] => (turn.context.activity.from?.id ? [turn.context.activity.from.id] : []);

export async function eventCardFor(turn: BotTurn, eventId: unknown, notice?: string, withWarnings = false): Promise<CardJson> {
  const { events, channels } = turn.services;
  const s = await events.stored(eventId);
  const { view, reg } = await events.viewWithReg(turn.actor, s);
  const [channel, warnings] = await Promise.all([
    view.channelId ? channels.get(view.channelId) : null,
    withWarnings || view.state === 'open' || view.state === 'full' ? events.warnings(turn.actor, view) : [],
  ]);
  return eventCard(view, {
    notice,
    warnings,
    refreshUserIds: teamsUserId(turn),
    inviteUrl: reg?.status === 'booked' ? events.inviteUrl(view.id, reg) : undefined,
    channelName: channel?.name,
    canPost: !!channel?.teamsChannelId && turn.scope === 'personal',
  });
}

/** The generic card (no one's own state): what a channel sees before each person's refresh. */
export async function genericEventCard(turn: BotTurn, eventId: string): Promise<{ card: CardJson; view: EventView }> {
  const { events, channels } = turn.services;
  const s = await events.stored(eventId);
  const { view } = await events.viewWithReg({ id: '\u0000nobody', guest: true, roles: [] }, s, null);
  const channel = view.channelId ? await channels.get(view.channelId) : null;
  return { card: eventCard(view, { generic: true, channelName: channel?.name }), view };
}

export async function eventListFor(turn: BotTurn, query: string, notice?: string): Promise<CardJson> {
  const { events, channels, clock } = turn.services;
  const q = parseEventQuery(query, clock.now(), await channels.list());
  const generic = turn.scope !== 'personal';
  const found = q.unknown
    ? { items: [], total: 0 }
    : await events.find(turn.actor, { from: q.from, to: q.to, hub: q.hub, category: q.category, profession: q.profession, channelId: q.channelId, status: 'scheduled' }, { limit: LIST_SIZE });
  return eventListCard(found.items, { label: q.label, total: found.total, query: query.slice(0, 100), notice, unknown: q.unknown, refreshUserIds: teamsUserId(turn), generic: generic && !notice });
}

export async function myEventsFor(turn: BotTurn, notice?: string): Promise<CardJson> {
  const { events } = turn.services;
  const [mine, cpd] = await Promise.all([events.myRegistrations(turn.actor), turn.services.cpd.record(turn.actor)]);
  return myEventsCard(mine, cpd, notice);
}

export async function eventFormFor(turn: BotTurn, event?: EventView, error?: string): Promise<CardJson> {
  const hubs = hubsWithRole(turn.actor, 'organiser');
  const channels = (await turn.services.channels.list()).map((c) => ({ id: c.id, name: c.name }));
  return eventFormCard({ hubs, channels, event, error });
}

export async function calendarCardFor(turn: BotTurn, options: { replace?: boolean; revoked?: boolean; notice?: string } = {}): Promise<CardJson> {
  const calendars = turn.services.eventCalendars;
  const personal = turn.scope === 'personal';
  const feed = personal && !options.revoked ? await calendars.feed(turn.actor, options.replace) : undefined;
  return calendarFeedCard({ personal, feedUrl: feed?.url, hubFeeds: HUBS.map((h) => ({ name: HUB_NAMES[h], url: calendars.hubFeedUrl(h) })), notice: options.notice });
}
