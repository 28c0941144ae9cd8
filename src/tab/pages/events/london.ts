// Dates in the tab are shown and entered in UK time (Europe/London), whatever the device's zone.
const ZONE = 'Europe/London';

const parts = (d: Date) => {
  const p = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(d);
  const get = (t: string) => p.find((x) => x.type === t)?.value ?? '';
  return { y: get('year'), m: get('month'), d: get('day'), hh: get('hour'), mm: get('minute') };
};

/** "2027-03-28" — the London calendar day of an instant. */
export const londonDay = (iso: string | Date) => {
  const p = parts(new Date(iso));
  return `${p.y}-${p.m}-${p.d}`;
};

/** "14:30" in London. */
export const londonTime = (iso: string | Date) => {
  const p = parts(new Date(iso));
  return `${p.hh}:${p.mm}`;
};

/** "2027-03-28T14:30" (for datetime-local inputs). */
export const londonLocal = (iso: string | undefined) => (iso ? `${londonDay(iso)}T${londonTime(iso)}` : '');

export const formatDay = (day: string, style: 'long' | 'short' = 'long') =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: style === 'long' ? 'long' : 'short', day: 'numeric', month: style === 'long' ? 'long' : 'short', year: style === 'long' ? 'numeric' : undefined }).format(new Date(`${day}T12:00:00Z`));

export const formatWhen = (start: string, end: string) => {
  const sameDay = londonDay(start) === londonDay(end);
  return `${formatDay(londonDay(start))}, ${londonTime(start)}–${sameDay ? londonTime(end) : `${formatDay(londonDay(end), 'short')} ${londonTime(end)}`}`;
};

/** Calendar-day arithmetic on "YYYY-MM-DD" strings (no time zone involved). */
export const addDays = (day: string, n: number) => {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
export const weekday = (day: string) => (new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
export const startOfWeek = (day: string) => addDays(day, -weekday(day));
export const startOfMonth = (day: string) => `${day.slice(0, 8)}01`;
export const addMonths = (day: string, n: number) => {
  const d = new Date(`${startOfMonth(day)}T12:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return d.toISOString().slice(0, 10);
};
export const monthLabel = (day: string) => new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(new Date(`${day}T12:00:00Z`));
export const today = () => londonDay(new Date());

/** "14 Jan 2027" */
export const formatDate = (day: string) => new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(`${day}T12:00:00Z`));
