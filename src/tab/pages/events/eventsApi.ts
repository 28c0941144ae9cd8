// The events API as the tab uses it (interfaces.md), with the shapes it answers.
import { apiFetch, qs } from '../../api';

// The server's own view types, so the tab cannot drift from what the API answers (type-only:
// nothing of the server is bundled).
import type { EventView as ServerEventView } from '../../../services/events/views';
export type { SeatState } from '../../../domain/events/event';

/** An event as GET /api/events and /api/events/{id} answer it. */
export interface EventView extends ServerEventView {
  /** GET /api/events/{id} only: things worth a second look (clashes, short notice…). */
  warnings?: string[];
  /** GET /api/me/registrations only: the person's own calendar invite for a booking. */
  inviteUrl?: string;
}

export interface RosterLine {
  userId: string;
  name: string;
  status: 'booked' | 'waitlisted';
  position: number | null;
  joinedAt: string;
  bookedAt?: string;
  attended: boolean;
}

export interface CpdRecord {
  totalHours: number;
  participatoryHours: number;
  byCategory: { category: string; hours: number }[];
  periods: { from: string; to: string; totalHours: number; participatoryHours: number }[];
  items: { eventId: string; title: string; category: string; start: string; end: string; hours: number; organiserName: string; participatory: boolean }[];
  targets: { totalHours: number; participatoryHours: number };
}

export interface ImportReport {
  dryRun: boolean;
  created: number;
  existing: number;
  errors: number;
  lines: { line: number; status: 'ok' | 'created' | 'exists' | 'error'; title?: string; eventId?: string; message?: string }[];
}

export interface Filters {
  hub?: string;
  category?: string;
  profession?: string;
  channelId?: string;
}

export const CATEGORY_NAMES: Record<string, string> = {
  plt: 'Protected Learning Time',
  'facilitation-development': 'Facilitation development',
  'cop-session': 'Community of Practice session',
  webinar: 'Webinar',
  other: 'Other',
};

/** GET /api/events for a range and filters (the calendar's prefetch builds the same path). */
export const eventsListPath = (from: string, to: string, filters: Filters) => `/api/events${qs({ from, to, limit: 500, ...filters })}`;

export const eventsApi = {
  list: (from: string, to: string, filters: Filters) => apiFetch<{ items: EventView[]; next?: string }>(eventsListPath(from, to, filters)),
  get: (id: string) => apiFetch<EventView>(`/api/events/${encodeURIComponent(id)}`),
  create: (body: Record<string, unknown>) => apiFetch<EventView & { series?: EventView[] }>('/api/events', { method: 'POST', body }),
  update: (id: string, body: Record<string, unknown>) => apiFetch<EventView>(`/api/events/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
  cancelEvent: (id: string, reason: string) => apiFetch<EventView>(`/api/events/${encodeURIComponent(id)}${qs({ reason })}`, { method: 'DELETE' }),
  book: (id: string) => apiFetch<{ status: 'booked' | 'waitlisted'; position?: number; already: boolean; event: EventView }>(`/api/events/${encodeURIComponent(id)}/registrations`, { method: 'POST' }),
  unbook: (id: string) => apiFetch<{ previous: 'booked' | 'waitlisted' | 'none'; event: EventView }>(`/api/events/${encodeURIComponent(id)}/registrations/me`, { method: 'DELETE' }),
  roster: (id: string) => apiFetch<{ event: EventView; items: RosterLine[]; anonymousBooked: number; attendanceOpen: boolean }>(`/api/events/${encodeURIComponent(id)}/registrations`),
  rosterCsv: (id: string) => apiFetch<string>(`/api/events/${encodeURIComponent(id)}/registrations?format=csv`, { text: true }),
  attendance: (id: string, attended: string[]) => apiFetch<{ attended: number }>(`/api/events/${encodeURIComponent(id)}/attendance`, { method: 'PUT', body: { attended } }),
  mine: () => apiFetch<{ items: EventView[] }>('/api/me/registrations'),
  cpd: (revalidationDate?: string) => apiFetch<CpdRecord>(`/api/me/cpd${qs({ revalidationDate })}`),
  cpdCsv: (revalidationDate?: string) => apiFetch<string>(`/api/me/cpd${qs({ format: 'csv', revalidationDate })}`, { text: true }),
  calendar: () => apiFetch<{ feed: { url: string; createdAt: string }; hubFeeds: { hub: string; url: string }[] }>('/api/me/calendar'),
  newCalendarLink: () => apiFetch<{ feed: { url: string } }>('/api/me/calendar', { method: 'POST' }),
  turnOffCalendar: () => apiFetch<void>('/api/me/calendar', { method: 'DELETE' }),
  import: (csv: string, dryRun: boolean) => apiFetch<ImportReport>('/api/events/import', { method: 'POST', body: { csv, dryRun } }),
  /** The channel directory, if the channels area serves it (else no channel filter). */
  channels: async () => {
    try {
      return (await apiFetch<{ items: { id: string; name: string }[] }>('/api/channels')).items;
    } catch {
      return [];
    }
  },
};

/** Saves text as a file the person downloads (CSV exports). */
export function download(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
