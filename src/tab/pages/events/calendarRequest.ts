// What the calendar asks the API for first, worked out from the address and the screen width alone
// (no React, no Fluent), so the shell can start that request while the calendar's code is still
// downloading (src/tab/pages/index.tsx). CalendarPage uses the same functions, so the path it asks
// for is exactly the one prefetched; tests/e2e/shell.browser.test.ts checks it is asked for once.
import { eventsListPath, type Filters } from './eventsApi';
import { addDays, addMonths, formatDay, monthLabel, startOfMonth, startOfWeek, today } from './london';

export type View = 'month' | 'week' | 'list';

/** Month on a wide screen, the list on a phone, unless the address says. */
export function calendarView(search: URLSearchParams, width: number): View {
  const asked = search.get('view') ?? '';
  return (['month', 'week', 'list'].includes(asked) ? asked : width >= 700 ? 'month' : 'list') as View;
}

export function calendarAnchor(search: URLSearchParams): string {
  const date = search.get('date') ?? '';
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : today();
}

export function calendarFilters(search: URLSearchParams): Filters {
  return { hub: search.get('hub') ?? '', category: search.get('category') ?? '', profession: search.get('profession') ?? '', channelId: search.get('channelId') ?? '' };
}

export function calendarRange(view: View, anchor: string): { from: string; to: string; title: string } {
  if (view === 'week') {
    const from = startOfWeek(anchor);
    return { from, to: addDays(from, 6), title: `Week of ${formatDay(from)}` };
  }
  if (view === 'month') {
    const first = startOfMonth(anchor);
    const from = startOfWeek(first);
    const last = addDays(addMonths(first, 1), -1);
    return { from, to: addDays(startOfWeek(last), 6), title: monthLabel(first) };
  }
  return { from: anchor, to: addDays(anchor, 89), title: `From ${formatDay(anchor)}` };
}

/** The events request the calendar makes on opening at this address and width. */
export function calendarEventsPath(search: URLSearchParams, width: number): string {
  const r = calendarRange(calendarView(search, width), calendarAnchor(search));
  return eventsListPath(r.from, r.to, calendarFilters(search));
}
