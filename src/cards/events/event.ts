// PLT event cards: one event as a person sees it (their own place, warnings, the buttons that fit),
// a list of events, and the same card without a person (what everyone in a channel first sees;
// `refresh` then shows each person their own state).
import { card, noTemplates, safe, type CardJson } from '../render.js';
import { Verbs } from '../verbs.js';
import type { EventView } from '../../contracts/events.js';
import { CATEGORY_NAMES, type Category } from '../../domain/events/event.js';
import { HUB_NAMES, type Hub } from '../../domain/people/hubs.js';
import { PROFESSION_NAMES, type Profession } from '../../domain/people/professions.js';
import { formatLondonDate, formatLondonRange } from '../../domain/time/london.js';
import { meetingLine } from './meeting.js';

export interface EventCardOptions {
  /** Teams user ids (29:…) whose client refreshes the card by itself. */
  refreshUserIds?: string[];
  warnings?: string[];
  /** The booking's calendar invite link (booked people). */
  inviteUrl?: string;
  /** A line at the top, e.g. "You're booked." after an action. */
  notice?: string;
  /** No person: the card everyone in a channel sees before it refreshes for them. */
  generic?: boolean;
  channelName?: string;
  /** The event's channel is known to the bot: an organiser may post the card there. */
  canPost?: boolean;
}

export function whenText(v: Pick<EventView, 'start' | 'end'>): string {
  return formatLondonRange(new Date(v.start), new Date(v.end));
}

export function whereText(v: Pick<EventView, 'location' | 'onlineMeetingUrl'>): string {
  if (v.location && v.onlineMeetingUrl) return `${v.location} (or online)`;
  return v.location ?? 'Online (Microsoft Teams)';
}

export function placesText(v: EventView): string {
  if (v.capacity === null) return `Unlimited places · ${v.booked} booked`;
  if (v.seatsLeft && v.seatsLeft > 0) return `${v.seatsLeft} of ${v.capacity} places left`;
  return v.waitlisted > 0 ? `Full · ${v.waitlisted} on the waitlist` : `Full (${v.capacity} places)`;
}

function statusLine(v: EventView, generic: boolean): { text: string; color: string } {
  const state = generic && (v.state === 'booked' || v.state === 'waitlisted') ? (v.seatsLeft === 0 ? 'full' : 'open') : v.state;
  switch (state) {
    case 'booked':
      return { text: '✅ You’re booked.', color: 'Good' };
    case 'waitlisted':
      return { text: `You’re on the waitlist: #${v.myWaitlistPosition ?? '?'}. If a place comes up you’ll be booked automatically and told.`, color: 'Accent' };
    case 'full':
      return { text: 'This event is full. Join the waitlist and you’ll be booked automatically if a place comes up.', color: 'Warning' };
    case 'closed':
      return { text: 'Sign-up has closed.', color: 'Default' };
    case 'not-open-yet':
      return { text: v.signupOpens ? `Sign-up opens on ${formatLondonDate(new Date(v.signupOpens))}.` : 'Sign-up is not open yet.', color: 'Default' };
    case 'cancelled':
      return { text: 'This event has been cancelled.', color: 'Attention' };
    default:
      // The Places fact already says how many are left; saying it twice reads as a mistake.
      return { text: 'Open for sign-up.', color: 'Good' };
  }
}

/** The button that fits the person's state (or the event's, on a generic card). */
export function primaryAction(v: EventView, generic: boolean, data: Record<string, unknown> = {}): Record<string, unknown> | null {
  const state = generic && (v.state === 'booked' || v.state === 'waitlisted') ? (v.seatsLeft === 0 ? 'full' : 'open') : v.state;
  const payload = { eventId: v.id, ...data };
  switch (state) {
    case 'open':
      return { type: 'Action.Execute', title: 'Sign up', verb: Verbs.eventSignup, data: payload, style: 'positive' };
    case 'full':
      return { type: 'Action.Execute', title: 'Join the waitlist', verb: Verbs.eventSignup, data: payload };
    case 'booked':
      return { type: 'Action.Execute', title: 'Cancel my booking', verb: Verbs.eventCancel, data: payload };
    case 'waitlisted':
      return { type: 'Action.Execute', title: 'Leave the waitlist', verb: Verbs.eventCancel, data: payload };
    default:
      return null;
  }
}

function facts(v: EventView, channelName?: string) {
  const list = [
    { title: 'When', value: whenText(v) },
    { title: 'Where', value: safe(whereText(v)) },
    { title: 'Places', value: placesText(v) },
    { title: 'For', value: v.professions.length ? v.professions.map((p) => PROFESSION_NAMES[p as Profession] ?? p).join(', ') : 'Everyone' },
    { title: 'Hub', value: HUB_NAMES[v.hub as Hub] ?? v.hub },
  ];
  if (v.organiserName) list.push({ title: 'Organiser', value: safe(v.organiserName) });
  if (channelName) list.push({ title: 'Channel', value: safe(channelName) });
  return list;
}

export function eventCard(v: EventView, options: EventCardOptions = {}): CardJson {
  const generic = !!options.generic;
  const status = statusLine(v, generic);
  const body: unknown[] = [];
  if (options.notice) body.push({ type: 'TextBlock', text: safe(options.notice), wrap: true, weight: 'Bolder', color: 'Good' });
  body.push(
    { type: 'TextBlock', text: safe(v.title), size: 'Medium', weight: 'Bolder', wrap: true, style: 'heading' },
    { type: 'TextBlock', text: `${CATEGORY_NAMES[v.category as Category] ?? v.category}`, isSubtle: true, spacing: 'None', wrap: true },
    { type: 'FactSet', facts: facts(v, options.channelName) },
  );
  if (v.description) body.push({ type: 'TextBlock', text: safe(v.description), wrap: true, maxLines: 8 });
  body.push({ type: 'TextBlock', text: status.text, wrap: true, weight: 'Bolder', color: status.color });
  for (const w of options.warnings ?? []) body.push({ type: 'TextBlock', text: `⚠️ ${safe(w)}`, wrap: true, color: 'Warning', spacing: 'Small' });
  const meeting = generic ? null : meetingLine(v);
  if (meeting) body.push({ type: 'TextBlock', text: meeting.text, wrap: true, color: meeting.color, spacing: 'Small' });
  // The join link: for people booked, and for its organisers (who run the meeting).
  if (!generic && (v.state === 'booked' || v.canManage) && v.onlineMeetingUrl) {
    body.push({ type: 'TextBlock', text: `${v.meeting.status === 'created' ? 'Join the Teams meeting' : 'Join online'}: ${v.onlineMeetingUrl}`, wrap: true, isSubtle: true });
  }

  const actions: unknown[] = [];
  const primary = primaryAction(v, generic);
  if (primary) actions.push(primary);
  if (!generic && v.state === 'booked' && options.inviteUrl) actions.push({ type: 'Action.OpenUrl', title: 'Add to my calendar', url: options.inviteUrl });
  if (!generic && v.canManage) {
    // Organisers' tools behind one button: a card has room for five actions.
    const tools: unknown[] = [{ type: 'Action.Execute', title: 'Roster', verb: Verbs.eventRoster, data: { eventId: v.id } }];
    if (v.status === 'scheduled') {
      tools.push({ type: 'Action.Execute', title: 'Edit', verb: Verbs.eventEdit, data: { eventId: v.id } });
      if (options.canPost) tools.push({ type: 'Action.Execute', title: 'Post to channel', verb: Verbs.eventPost, data: { eventId: v.id } });
      tools.push({
        type: 'Action.ShowCard',
        title: 'Cancel event',
        card: {
          type: 'AdaptiveCard',
          version: '1.5',
          body: [
            { type: 'TextBlock', text: `Cancel “${safe(v.title)}” for everyone? Everyone booked or waiting is told.`, wrap: true },
            { type: 'Input.Text', id: 'reason', label: 'Reason (shown to attendees)', maxLength: 300, isMultiline: true },
          ],
          actions: [{ type: 'Action.Execute', title: 'Yes, cancel the event', verb: Verbs.eventOrganiserCancel, data: { eventId: v.id }, style: 'destructive' }],
        },
      });
    }
    actions.push({ type: 'Action.ShowCard', title: 'Organiser', card: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Organiser tools', weight: 'Bolder' }], actions: tools } });
  }
  const refresh: Record<string, unknown> = { action: { type: 'Action.Execute', title: 'Refresh', verb: Verbs.eventRefresh, data: { eventId: v.id } } };
  if (options.refreshUserIds?.length) refresh.userIds = options.refreshUserIds.slice(0, 60);
  const fallback = `${v.title} — ${whenText(v)}, ${whereText(v)}. ${placesText(v)}. ${status.text}`;
  return noTemplates(card(body, actions, fallback, { refresh }));
}

export interface EventListOptions {
  label: string;
  total: number;
  /** The query, carried by every button so the list can be shown again after an action. */
  query: string;
  notice?: string;
  unknown?: string;
  refreshUserIds?: string[];
  generic?: boolean;
}

/** One line per event in a list: the places, and the person's own state only where it adds something. */
function listStatusText(v: EventView, generic: boolean): string {
  const places = placesText(v);
  if (generic) return places;
  switch (v.state) {
    case 'booked':
      return `${places} · You’re booked.`;
    case 'waitlisted':
      return `${places} · You’re on the waitlist: #${v.myWaitlistPosition ?? '?'}.`;
    case 'open':
    case 'full':
      return places;
    default:
      return `${places} · ${statusLine(v, false).text}`;
  }
}

export function eventListCard(views: EventView[], options: EventListOptions): CardJson {
  const body: unknown[] = [{ type: 'TextBlock', text: `PLT events: ${safe(options.label)}`, size: 'Medium', weight: 'Bolder', wrap: true, style: 'heading' }];
  if (options.notice) body.push({ type: 'TextBlock', text: safe(options.notice), wrap: true, weight: 'Bolder', color: 'Good' });
  if (options.unknown) {
    body.push({ type: 'TextBlock', text: `I don’t know “${safe(options.unknown)}”. Try a hub (east, west, north), a profession (paramedics), a channel, “this week”, “next week” or “this month”.`, wrap: true, color: 'Warning' });
  }
  if (!views.length && !options.unknown) body.push({ type: 'TextBlock', text: 'No events found. Try a wider search, e.g. “events this month”.', wrap: true });
  for (const v of views) {
    const status = statusLine(v, !!options.generic);
    const items: unknown[] = [
      { type: 'TextBlock', text: safe(v.title), weight: 'Bolder', wrap: true },
      { type: 'TextBlock', text: `${whenText(v)} · ${safe(whereText(v))}`, wrap: true, spacing: 'None', isSubtle: true },
      { type: 'TextBlock', text: listStatusText(v, !!options.generic), wrap: true, spacing: 'None', color: options.generic ? 'Default' : status.color },
    ];
    const primary = primaryAction(v, !!options.generic, { list: options.query });
    const actions: unknown[] = [];
    if (primary) actions.push(primary);
    actions.push({ type: 'Action.Execute', title: 'Details', verb: Verbs.eventRefresh, data: { eventId: v.id } });
    items.push({ type: 'ActionSet', actions });
    body.push({ type: 'Container', separator: true, spacing: 'Medium', items });
  }
  if (options.total > views.length) {
    body.push({ type: 'TextBlock', text: `Showing ${views.length} of ${options.total}. Narrow it down (e.g. “events next week”, “events east kent”) or open the Calendar tab.`, wrap: true, isSubtle: true });
  }
  const refresh: Record<string, unknown> = { action: { type: 'Action.Execute', title: 'Refresh', verb: Verbs.eventRefresh, data: { list: options.query } } };
  if (options.refreshUserIds?.length) refresh.userIds = options.refreshUserIds.slice(0, 60);
  const fallback = [`PLT events: ${options.label}`, ...views.map((v) => `• ${v.title} — ${whenText(v)} (${placesText(v)})`)].join('\n');
  return noTemplates(card(body, [], fallback, { refresh }));
}
