// A session's place on the London calendar, computed once per request so matching a large pool
// compares plain numbers and strings. Instants are UTC; people's weekly availability is London
// wall-clock time, so the same 14:00 slot is 13:00Z in summer and 14:00Z in winter.
import { DateTime } from 'luxon';
import { LONDON } from '../time/london.js';
import { DAYS, DAY_NAMES, minutesOf, type AvailabilitySlot, type AwayRange, type Day } from './facilitator.js';

export interface Interval {
  start: Date;
  end: Date;
}

export interface LocalSession {
  day: Day;
  /** London date of the start, "YYYY-MM-DD". */
  date: string;
  /** London date of the last minute of the session. */
  lastDate: string;
  /** Minutes after London midnight (wall clock) of the start and end; end may be 1440. */
  startMinute: number;
  endMinute: number;
  /** True when the session starts and ends on the same London day. */
  sameDay: boolean;
  /** "2026-07" — the London month the session is in (monthly caps). */
  month: string;
  /** "Tue 14:00–16:00" */
  label: string;
  startMs: number;
  endMs: number;
}

export function localSession(start: Date, end: Date): LocalSession {
  const s = DateTime.fromJSDate(start, { zone: LONDON });
  const e = DateTime.fromJSDate(end, { zone: LONDON });
  const startMinute = s.hour * 60 + s.minute;
  let endMinute = e.hour * 60 + e.minute;
  const date = s.toISODate() as string;
  let endDate = e.toISODate() as string;
  // Ending exactly at midnight still belongs to the day it started.
  if (endMinute === 0 && e.second === 0 && endDate > date && e.minus({ days: 1 }).toISODate() === date) {
    endMinute = 1440;
    endDate = date;
  }
  const lastDate = DateTime.fromJSDate(new Date(end.getTime() - 1), { zone: LONDON }).toISODate() as string;
  const day = DAYS[s.weekday - 1];
  return {
    day,
    date,
    lastDate: lastDate < date ? date : lastDate,
    startMinute,
    endMinute,
    sameDay: endDate === date,
    month: date.slice(0, 7),
    label: `${DAY_NAMES[day]} ${s.toFormat('HH:mm')}–${endMinute === 1440 ? '24:00' : e.toFormat('HH:mm')}`,
    startMs: start.getTime(),
    endMs: end.getTime(),
  };
}

/** "HH:MM" as stored (always normalised) → minutes; anything else through the full parser. */
const slotMinutes = (t: string) => (t.length === 5 && t[2] === ':' ? (t.charCodeAt(0) - 48) * 600 + (t.charCodeAt(1) - 48) * 60 + (t.charCodeAt(3) - 48) * 10 + (t.charCodeAt(4) - 48) : (minutesOf(t) ?? NaN));

/** The weekly slot that covers the whole session, if any (sessions over midnight never fit). */
export function coveringSlot(slots: readonly AvailabilitySlot[], s: LocalSession): AvailabilitySlot | undefined {
  if (!s.sameDay) return undefined;
  return slots.find((slot) => slot.day === s.day && slotMinutes(slot.from) <= s.startMinute && slotMinutes(slot.to) >= s.endMinute);
}

/** The away range that touches any London day of the session, if any. */
export function awayRangeDuring(away: readonly AwayRange[], s: LocalSession): AwayRange | undefined {
  return away.find((a) => a.from <= s.lastDate && a.to >= s.date);
}

export const overlapsMs = (aStart: number, aEnd: number, bStart: number, bEnd: number) => aStart < bEnd && bStart < aEnd;

/** London month ("2026-07") of an instant. */
export const londonMonth = (instant: Date) => DateTime.fromJSDate(instant, { zone: LONDON }).toFormat('yyyy-MM');

/** [first instant, first instant of the next month) of the London month containing `instant`, in ms. */
export function londonMonthBounds(instant: Date): [number, number] {
  const start = DateTime.fromJSDate(instant, { zone: LONDON }).startOf('month');
  return [start.toMillis(), start.plus({ months: 1 }).toMillis()];
}
