// What kinds of notice the app sends, and which of them a person may turn off.
//
// Facilitation notices (offers, confirmations, escalations) cannot be turned off: an offer is a step
// in a workflow that other people wait on — silence would stall the request until the offer
// expires — and confirmations carry the calendar invite. A facilitator who wants no offers pauses
// themselves in their facilitator profile, which also takes them out of matching.
import { invalid } from '../errors.js';

export const NOTIFICATION_KINDS = ['reminder', 'booking', 'feedback', 'channel', 'facilitation', 'activityFeed'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const OPTIONAL_KINDS = ['reminder', 'booking', 'feedback', 'channel', 'activityFeed'] as const;
export type OptionalKind = (typeof OPTIONAL_KINDS)[number];

export const KIND_TITLES: Record<NotificationKind, string> = {
  reminder: 'Event reminders',
  booking: 'Booking updates',
  feedback: 'Feedback requests',
  channel: 'Channel notices',
  facilitation: 'Facilitation offers and confirmations',
  activityFeed: 'Teams activity feed',
};

export const KIND_DESCRIPTIONS: Record<NotificationKind, string> = {
  reminder: 'A message before each event you are booked on.',
  booking: 'When you get a place from the waitlist, or an event you booked changes or is cancelled.',
  feedback: 'A short question after an event you attended: how it was, and how you will use it (your reflection for your CPD record).',
  channel: 'Welcomes when you join a channel, and — for channel leads — new members and join requests.',
  facilitation: 'Always on: offers wait for your answer. To stop offers, pause yourself in your facilitator profile.',
  activityFeed: 'Off unless you turn it on: event reminders and waitlist places also appear in your Teams activity feed (the bell), linking to the event.',
};

/** A person's choices; every optional kind is on unless they turned it off. */
export type NotificationPreferences = Record<OptionalKind, boolean>;

export const DEFAULT_PREFERENCES: NotificationPreferences = { reminder: true, booking: true, feedback: true, channel: true, activityFeed: false };

export const isOptionalKind = (kind: string): kind is OptionalKind => (OPTIONAL_KINDS as readonly string[]).includes(kind);

/** Whether a notice of `kind` goes to someone with these preferences (unknown kinds always go). */
export function wantsNotice(preferences: NotificationPreferences, kind: string): boolean {
  // Activity feed notices (kind activity-feed, domain/notifications/feed.ts) follow the activityFeed switch.
  if (kind === 'activity-feed') return preferences.activityFeed;
  return isOptionalKind(kind) ? preferences[kind] : true;
}

function readSwitch(field: string, value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const v = value.trim().toLowerCase();
    if (v === 'true' || v === 'on' || v === 'yes') return true;
    if (v === 'false' || v === 'off' || v === 'no') return false;
  }
  throw invalid(`“${field}” must be on or off.`, { field });
}

/**
 * Reads changes from a card or API body: any of the optional kinds, each on/off (boolean, or
 * "true"/"false" as Input.Toggle sends). Other fields are ignored, except an attempt to turn
 * facilitation off, which gets a clear answer.
 */
export function readPreferenceChanges(input: Record<string, unknown>): Partial<NotificationPreferences> {
  const out: Partial<NotificationPreferences> = {};
  for (const kind of OPTIONAL_KINDS) {
    if (input[kind] !== undefined && input[kind] !== null) out[kind] = readSwitch(kind, input[kind]);
  }
  if (input.facilitation !== undefined && input.facilitation !== null && !readSwitch('facilitation', input.facilitation)) {
    throw invalid('Facilitation offers can’t be turned off, because a lead is waiting on your answer. To stop offers, pause yourself in your facilitator profile.', {
      field: 'facilitation',
    });
  }
  return out;
}

/** Parses "reminders off", "booking on", "channel notices off"… from the settings command. */
export function parseSettingsCommand(args: string): { kind: OptionalKind; on: boolean } | null {
  const words = args.toLowerCase().replace(/[^a-z\s]/g, ' ').split(/\s+/).filter(Boolean);
  if (words.length < 2) return null;
  const last = words[words.length - 1];
  if (last !== 'on' && last !== 'off') return null;
  const subject = words.slice(0, -1).join(' ');
  const aliases: Record<string, OptionalKind> = {
    reminder: 'reminder',
    reminders: 'reminder',
    'event reminders': 'reminder',
    booking: 'booking',
    bookings: 'booking',
    'booking updates': 'booking',
    feedback: 'feedback',
    'feedback requests': 'feedback',
    channel: 'channel',
    channels: 'channel',
    'channel notices': 'channel',
    feed: 'activityFeed',
    'activity feed': 'activityFeed',
    'teams activity feed': 'activityFeed',
  };
  const kind = aliases[subject];
  return kind ? { kind, on: last === 'on' } : null;
}
