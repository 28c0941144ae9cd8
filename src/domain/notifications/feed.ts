// The Teams activity feed, for people who choose it (setting `activityFeed`, off by default):
// reminders and waitlist places also arrive there, as a second notice of kind `activity-feed` with
// its own key, through the same durable, paced, exactly-once path as chat notices. Activity types
// are declared in the manifest's `activities` (eventReminder, placeOffered).

export const FEED_KIND = 'activity-feed';

export type FeedActivityType = 'eventReminder' | 'placeOffered';

export interface FeedNotice {
  activityType: FeedActivityType;
  eventId: string;
  /** The event's title (the manifest's {eventTitle}). */
  title: string;
  /** "tomorrow at 13:30", "in 1 hour" (eventReminder's {when}). */
  when?: string;
}

/** The key of the feed notice that goes with a chat notice's key (one each, exactly once). */
export const feedKey = (chatKey: string) => `feed:${chatKey}`;

/**
 * A Teams deep link to the event in the app's personal Calendar tab: /l/entity/{appId}/{entityId}
 * with the page's webUrl (opened in a browser outside Teams) and the sub-page in `context`
 * (https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/deep-link-application).
 */
export function eventDeepLink(o: { teamsAppId: string; publicUrl: string; eventId: string; label: string }): string {
  const webUrl = `${o.publicUrl.replace(/\/$/, '')}/tab/events/${encodeURIComponent(o.eventId)}`;
  const params = new URLSearchParams({ webUrl, label: o.label.slice(0, 80), context: JSON.stringify({ subEntityId: `events/${o.eventId}` }) });
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(o.teamsAppId)}/calendar?${params.toString()}`;
}
