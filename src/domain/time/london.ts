// People enter and read times in Europe/London; storage holds UTC instants.
// Luxon carries the tz database, so BST/GMT changes are handled for any date.
import { DateTime } from 'luxon';

export const LONDON = 'Europe/London';

/** Parses a local London wall-clock time ("2026-03-29T10:00" or with seconds) into a UTC Date, or null. */
export function londonLocalToInstant(local: string): Date | null {
  const dt = DateTime.fromISO(local, { zone: LONDON, setZone: false });
  if (!dt.isValid) return null;
  return dt.toJSDate();
}

/** Parses ISO 8601 with an offset ("…Z" or "…+01:00"); a value without offset is read as London time. */
export function parseInstant(text: string): Date | null {
  if (typeof text !== 'string' || text.length > 40) return null;
  const hasOffset = /(Z|[+-]\d{2}:?\d{2})$/i.test(text.trim());
  const dt = hasOffset ? DateTime.fromISO(text.trim(), { setZone: true }) : DateTime.fromISO(text.trim(), { zone: LONDON });
  return dt.isValid ? dt.toJSDate() : null;
}

/** ISO 8601 with the London offset of that instant, e.g. 2026-07-01T09:30:00+01:00. */
export function toLondonIso(instant: Date): string {
  const ms = instant.getTime();
  const year = instant.getUTCFullYear();
  if (Number.isNaN(ms) || year < 1000 || year > 9998) return luxonLondonIso(instant);
  // Every event list shows several of these per event; Luxon's zone conversion costs ~0.1 ms each.
  // The London offset is looked up once per stretch it cannot change in (see londonOffsetMinutes).
  const offset = londonOffsetMinutes(ms);
  const local = new Date(ms + offset * 60_000).toISOString(); // yyyy-mm-ddThh:mm:ss.sssZ
  const fraction = local.slice(20, 23) === '000' ? '' : local.slice(19, 23);
  const abs = Math.abs(offset);
  return `${local.slice(0, 19)}${fraction}${offset < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

function luxonLondonIso(instant: Date): string {
  return DateTime.fromJSDate(instant).setZone(LONDON).toISO({ suppressMilliseconds: true }) ?? instant.toISOString();
}

const offsetsByDay = new Map<number, number>();
const offsetsByHour = new Map<number, number>();
const DAY = 86_400_000;
const HOUR = 3_600_000;
const SINCE_1997 = Date.UTC(1997, 0, 1);

/**
 * London's offset from UTC in minutes at `ms` (Luxon's tz data), remembered per stretch it cannot
 * change in: since 1997 the clocks change only at 01:00 UTC, so per day from 01:00 UTC; before
 * that, per UTC hour.
 */
function londonOffsetMinutes(ms: number): number {
  const byDay = ms >= SINCE_1997;
  const key = byDay ? Math.floor((ms - HOUR) / DAY) : Math.floor(ms / HOUR);
  const offsets = byDay ? offsetsByDay : offsetsByHour;
  let offset = offsets.get(key);
  if (offset === undefined) {
    offset = DateTime.fromMillis(byDay ? key * DAY + HOUR : key * HOUR, { zone: LONDON }).offset;
    if (offsets.size >= 50_000) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

/** Luxon's own answer, for tests that check the fast path against it. */
export const toLondonIsoByLuxon = luxonLondonIso;

/** "Tue 14 Jul 2026" */
export function formatLondonDate(instant: Date): string {
  return DateTime.fromJSDate(instant).setZone(LONDON).toFormat('ccc d LLL yyyy');
}

/** "14:00" */
export function formatLondonTime(instant: Date): string {
  return DateTime.fromJSDate(instant).setZone(LONDON).toFormat('HH:mm');
}

/** "Tue 14 Jul 2026, 14:00–16:00" (end on another day shows its date too). */
export function formatLondonRange(start: Date, end: Date): string {
  const s = DateTime.fromJSDate(start).setZone(LONDON);
  const e = DateTime.fromJSDate(end).setZone(LONDON);
  const endText = s.hasSame(e, 'day') ? e.toFormat('HH:mm') : e.toFormat('ccc d LLL HH:mm');
  return `${s.toFormat('ccc d LLL yyyy, HH:mm')}–${endText}`;
}

/** "Thu 16 Jul 14:00" (no year: offers and deadlines are days away). */
export const formatLondonShort = (instant: Date) => `${formatLondonDate(instant).replace(/ \d{4}$/, '')} ${formatLondonTime(instant)}`;
