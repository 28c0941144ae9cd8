// The notification settings card: one switch per kind a person may turn off, and a line on why
// facilitation notices stay on; what the bot says when settings change in chat.
import template from './settings.json' with { type: 'json' };
import type { PreferenceView } from '../../contracts/notifications.js';
import { renderCard, type CardJson } from '../render.js';
import { KIND_TITLES, type OptionalKind } from '../../domain/notifications/preferences.js';

export interface NotificationSettingsCardInput {
  kinds: PreferenceView[];
  status?: string;
  error?: string;
}

export function notificationSettingsCard(input: NotificationSettingsCardInput): CardJson {
  const optional = input.kinds.filter((k) => k.optional);
  const fixed = input.kinds.find((k) => !k.optional);
  const fallback = [
    'Your notification settings:',
    ...input.kinds.map((k) => `${k.title}: ${k.on ? 'on' : 'off'}${k.optional ? '' : ' (always on)'}`),
    'Change one with, for example, "settings reminders off".',
  ].join('\n');
  return renderCard(
    template,
    {
      status: input.status ?? '',
      error: input.error ?? '',
      toggles: optional.map((k) => ({ kind: k.kind, title: k.title, description: k.description, value: k.on ? 'true' : 'false' })),
      fixedTitle: fixed?.title ?? 'Facilitation offers and confirmations',
      fixedDescription: fixed?.description ?? '',
    },
    fallback,
  );
}

export const settingsAnswers = {
  changed: (kind: OptionalKind, on: boolean) =>
    kind === 'activityFeed' ? `Reminders and waitlist places ${on ? 'will now also appear' : 'will no longer appear'} in your Teams activity feed.` : `${KIND_TITLES[kind]} are now ${on ? 'on' : 'off'}.`,
  notUnderstood(args: string): string {
    const shown = args.length > 40 ? args.slice(0, 40) + '…' : args;
    return `I didn’t understand “${shown}”. Try “settings reminders off” or “settings booking on”.`;
  },
  arePersonal: 'Your notification settings are personal: message me “settings” in our 1:1 chat, or open the Virtual Café tab and choose Notifications.',
  saved: 'Saved. Thank you!',
};
