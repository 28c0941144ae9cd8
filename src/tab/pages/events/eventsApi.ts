// The events API as the tab uses it (interfaces.md), with the shapes it answers.
import { apiFetch, qs } from '../../api';

// The server's own answer types (src/contracts, type-only: nothing of the server is bundled), so
// the tab cannot drift from what the API answers.
import type {
  AttendanceAnswer,
  BookingCancelAnswer,
  CalendarAnswer,
  CreatedEvent,
  EventDetail,
  EventList,
  EventView,
  ImportReport,
  MyRegistrationJson,
  NewCalendarLinkAnswer,
  RosterAnswer,
  SignupAnswer,
} from '../../../contracts/events';
import type { ChannelJson } from '../../../contracts/channels';
import type { ListResponse } from '../../../contracts/common';

export type { EventDetail, EventView, ImportReport, MyRegistrationJson, RosterLine, SeatState } from '../../../contracts/events';

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
  list: (from: string, to: string, filters: Filters) => apiFetch<EventList>(eventsListPath(from, to, filters)),
  get: (id: string) => apiFetch<EventDetail>(`/api/events/${encodeURIComponent(id)}`),
  create: (body: Record<string, unknown>) => apiFetch<CreatedEvent>('/api/events', { method: 'POST', body }),
  update: (id: string, body: Record<string, unknown>) => apiFetch<EventView>(`/api/events/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
  cancelEvent: (id: string, reason: string) => apiFetch<EventView>(`/api/events/${encodeURIComponent(id)}${qs({ reason })}`, { method: 'DELETE' }),
  book: (id: string) => apiFetch<SignupAnswer>(`/api/events/${encodeURIComponent(id)}/registrations`, { method: 'POST' }),
  unbook: (id: string) => apiFetch<BookingCancelAnswer>(`/api/events/${encodeURIComponent(id)}/registrations/me`, { method: 'DELETE' }),
  roster: (id: string) => apiFetch<RosterAnswer>(`/api/events/${encodeURIComponent(id)}/registrations`),
  rosterCsv: (id: string) => apiFetch<string>(`/api/events/${encodeURIComponent(id)}/registrations?format=csv`, { text: true }),
  /** With `absent`: only the people named change (the roster page sends what the organiser changed). */
  attendance: (id: string, attended: string[], absent?: string[]) =>
    apiFetch<AttendanceAnswer>(`/api/events/${encodeURIComponent(id)}/attendance`, { method: 'PUT', body: absent ? { attended, absent } : { attended } }),
  mine: () => apiFetch<ListResponse<MyRegistrationJson>>('/api/me/registrations'),
  calendar: () => apiFetch<CalendarAnswer>('/api/me/calendar'),
  newCalendarLink: () => apiFetch<NewCalendarLinkAnswer>('/api/me/calendar', { method: 'POST' }),
  turnOffCalendar: () => apiFetch<void>('/api/me/calendar', { method: 'DELETE' }),
  import: (csv: string, dryRun: boolean) => apiFetch<ImportReport>('/api/events/import', { method: 'POST', body: { csv, dryRun } }),
  /** The channel directory, if the channels area serves it (else no channel filter). */
  channels: async () => {
    try {
      return (await apiFetch<ListResponse<ChannelJson>>('/api/channels')).items;
    } catch {
      return [];
    }
  },
};

/** Saves text (CSV exports) or a file the server made (PDFs) as a file the person downloads. */
export function download(filename: string, content: string | Blob, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(typeof content === 'string' ? new Blob([content], { type }) : content);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
