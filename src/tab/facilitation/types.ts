// Facilitation shapes of the HTTP API (interfaces.md: Facilitator JSON, Facilitation request JSON)
// from src/contracts (type-only), the formats and days from the domain, and how the tab shows them.
import type { Day } from '../../domain/facilitation/facilitator';
import type { RequestStatus } from '../../domain/facilitation/request';

export { DAYS, FORMATS, FORMAT_NAMES, type Day, type Format } from '../../domain/facilitation/facilitator';
export type { RequestStatus } from '../../domain/facilitation/request';
export type { Dashboard, FacilitationRequestJson as FacilitationRequest, FacilitatorJson as Facilitator, LoadRow } from '../../contracts/facilitation';

/** Day names written out (the tab has room; cards use the short ones). */
export const DAY_NAMES: Record<Day, string> = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' };

const whenFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const timeFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' });

/** "Tue 14 Jul 2026, 14:00–16:00" in UK time. */
export const sessionWhen = (r: { start: string; end: string }) => `${whenFormat.format(new Date(r.start))}–${timeFormat.format(new Date(r.end))}`;

export const shortWhen = (iso: string) => whenFormat.format(new Date(iso));

/** "3 h", "2 days 4 h" */
export function duration(ms: number): string {
  const hours = Math.round(ms / 3_600_000);
  if (hours < 1) return `${Math.max(1, Math.round(ms / 60_000))} min`;
  if (hours < 48) return `${hours} h`;
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  return rest ? `${days} days ${rest} h` : `${days} days`;
}

export const STATUS_COLOURS: Record<RequestStatus, 'informative' | 'success' | 'warning' | 'danger' | 'brand'> = {
  matching: 'informative',
  offered: 'brand',
  confirmed: 'success',
  escalated: 'warning',
  cancelled: 'danger',
};
