// The notification settings card: one switch per kind a person may turn off, and a line on why
// facilitation notices stay on.
import template from '../templates/notificationSettings.json' with { type: 'json' };
import { renderCard, type CardJson } from '../render.js';

export interface NotificationSettingsCardInput {
  kinds: { kind: string; title: string; description: string; on: boolean; optional: boolean }[];
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
