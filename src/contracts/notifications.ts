// Notification settings as the API and the settings card show them, and the coordinators'
// delivery counts. Imports domain only; the tab imports these type-only.
import { KIND_DESCRIPTIONS, KIND_TITLES, NOTIFICATION_KINDS, isOptionalKind, type NotificationKind, type NotificationPreferences } from '../domain/notifications/preferences.js';
import type { DeliverySummary } from '../domain/notifications/ports.js';

/** GET /api/notifications/summary */
export type { DeliverySummary };

export interface PreferenceView {
  kind: NotificationKind;
  title: string;
  description: string;
  on: boolean;
  /** False for facilitation: part of a workflow, always on. */
  optional: boolean;
}

/** GET/PUT /api/me/notification-settings */
export interface PreferencesView {
  /** One flag per kind (facilitation always true). */
  settings: Record<NotificationKind, boolean>;
  kinds: PreferenceView[];
}

export function preferencesView(preferences: NotificationPreferences): PreferencesView {
  const settings = { ...preferences, facilitation: true } as Record<NotificationKind, boolean>;
  return {
    settings,
    kinds: NOTIFICATION_KINDS.map((kind) => ({
      kind,
      title: KIND_TITLES[kind],
      description: KIND_DESCRIPTIONS[kind],
      on: settings[kind],
      optional: isOptionalKind(kind),
    })),
  };
}
