// Event fields from people (card form, tab, API, CSV): checked one by one and together, with a
// message that says what to fix. Times are read as Europe/London unless they carry an offset.
import { DateTime } from 'luxon';
import { invalid } from '../errors.js';
import { HUBS, parseHub } from '../people/hubs.js';
import { parseProfessionList, type Profession } from '../people/professions.js';
import { cleanText } from '../text.js';
import { LONDON, parseInstant } from '../time/london.js';
import { CATEGORIES, parseCategory, type EventFields, type PltEvent } from './event.js';

export type { EventFields };

export type Repeat = { every: 'week' | 'month'; count: number } | null;

export const MAX_CAPACITY = 5000;
const MAX_DURATION_MS = 7 * 86_400_000;
const MAX_AHEAD_MS = 2 * 366 * 86_400_000;

const has = (input: Record<string, unknown>, key: string) => input[key] !== undefined;

function text(input: Record<string, unknown>, key: string, max: number, label: string): string {
  const value = cleanText(input[key], max);
  if (value === null) throw invalid(`${label} must be text of at most ${max} characters.`, { field: key });
  return value;
}

function instant(value: unknown, field: string, label: string): Date | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw invalid(`${label} must be a date and time, e.g. 2026-07-14T14:00.`, { field });
  const d = parseInstant(value.trim());
  if (!d) throw invalid(`${label} is not a date and time I can read (“${value.slice(0, 40)}”). Use e.g. 2026-07-14T14:00.`, { field });
  return d;
}

/** A card form sends a date and two times; the API sends ISO instants. */
function startEnd(input: Record<string, unknown>): { start?: Date; end?: Date } {
  const date = input.date;
  if (typeof date === 'string' && date.trim() !== '' && (has(input, 'startTime') || has(input, 'endTime'))) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date.trim())) throw invalid('The date must look like 2026-07-14.', { field: 'date' });
    const at = (time: unknown, field: string, label: string) => {
      if (typeof time !== 'string' || !/^\d{1,2}:\d{2}$/.test(time.trim())) throw invalid(`${label} must be a time such as 14:00.`, { field });
      const dt = DateTime.fromISO(`${date.trim()}T${time.trim().padStart(5, '0')}`, { zone: LONDON });
      if (!dt.isValid) throw invalid(`${label} is not a real date and time.`, { field });
      return dt.toJSDate();
    };
    return { start: at(input.startTime, 'startTime', 'The start time'), end: at(input.endTime, 'endTime', 'The end time') };
  }
  return { start: instant(input.start, 'start', 'The start'), end: instant(input.end, 'end', 'The end') };
}

function capacity(value: unknown): number | null {
  if (value === undefined || value === null || value === '' || (typeof value === 'string' && /^\s*(unlimited|none|no limit)\s*$/i.test(value))) return null;
  const n = typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n)) throw invalid('The capacity must be a whole number of places, or empty for unlimited.', { field: 'capacity' });
  if (n < 0) throw invalid('The capacity cannot be negative. Leave it empty for unlimited places.', { field: 'capacity' });
  if (n > MAX_CAPACITY) throw invalid(`The capacity can be at most ${MAX_CAPACITY}; leave it empty for unlimited places.`, { field: 'capacity' });
  return n;
}

function meetingUrl(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' || value.length > 2000) throw invalid('The online meeting link must be an https:// address.', { field: 'onlineMeetingUrl' });
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw invalid('The online meeting link must be an https:// address.', { field: 'onlineMeetingUrl' });
  }
  if (url.protocol !== 'https:' || !url.hostname) throw invalid('The online meeting link must be an https:// address.', { field: 'onlineMeetingUrl' });
  return url.toString();
}

/** "Make this a Teams meeting": a boolean, or what forms and CSV send for one. */
export function readTeamsMeeting(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const v = value.trim().toLowerCase();
    if (['true', 'yes', 'y', '1', 'on'].includes(v)) return true;
    if (['false', 'no', 'n', '0', 'off'].includes(v)) return false;
  }
  throw invalid('“Teams meeting” must be yes or no (true or false).', { field: 'teamsMeeting' });
}

function professions(value: unknown): Profession[] {
  if (value === undefined || value === null || value === '') return [];
  if (!Array.isArray(value) && typeof value !== 'string') throw invalid('Professions must be a list of profession codes.', { field: 'professions' });
  const { professions, unknown } = parseProfessionList(value);
  if (unknown.length) throw invalid(`Unknown profession “${unknown[0]}”. Use codes such as practice-nurse, paramedic, clinical-pharmacist.`, { field: 'professions' });
  return professions;
}

function optionalText(input: Record<string, unknown>, key: string, max: number, label: string): string | undefined {
  return text(input, key, max, label) || undefined;
}

/**
 * Reads event fields. For an update, `current` supplies everything not given; either way the
 * result is checked as a whole (end after start, window before the event…).
 */
export function readEventFields(input: Record<string, unknown>, now: Date, current?: EventFields): EventFields {
  const partial = current !== undefined;
  const pick = <T>(key: string, read: () => T, fallback: () => T): T => (!partial || has(input, key) ? read() : fallback());

  const title = pick('title', () => text(input, 'title', 200, 'The title'), () => current!.title);
  if (title.length < 3) throw invalid('Give the event a title (at least 3 characters).', { field: 'title' });
  const description = pick('description', () => text(input, 'description', 4000, 'The description'), () => current!.description);
  const category = pick(
    'category',
    () => {
      const c = parseCategory(input.category);
      if (!c) throw invalid(`Choose a category: ${CATEGORIES.join(', ')}.`, { field: 'category' });
      return c;
    },
    () => current!.category,
  );
  const hub = pick(
    'hub',
    () => {
      const h = parseHub(input.hub);
      if (!h) throw invalid(`Unknown hub “${String(input.hub ?? '').slice(0, 40)}”. Hubs: ${HUBS.join(', ')}.`, { field: 'hub' });
      return h;
    },
    () => current!.hub,
  );
  const profs = pick('professions', () => professions(input.professions), () => current!.professions);
  const channelId = pick(
    'channelId',
    () => {
      const v = input.channelId;
      if (v === undefined || v === null || v === '') return undefined;
      if (typeof v !== 'string' || !/^[A-Za-z0-9._-]{1,100}$/.test(v.trim())) throw invalid('That channel is not one I know.', { field: 'channelId' });
      return v.trim();
    },
    () => current!.channelId,
  );
  const times = startEnd(input);
  const start = times.start ?? (partial ? current!.start : undefined);
  const end = times.end ?? (partial ? current!.end : undefined);
  if (!start) throw invalid('Give the start date and time.', { field: 'start' });
  if (!end) throw invalid('Give the end date and time.', { field: 'end' });
  const location = pick('location', () => optionalText(input, 'location', 300, 'The location'), () => current!.location);
  const onlineMeetingUrl = pick('onlineMeetingUrl', () => meetingUrl(input.onlineMeetingUrl), () => current!.onlineMeetingUrl);
  const teamsMeeting = pick('teamsMeeting', () => readTeamsMeeting(input.teamsMeeting), () => current!.teamsMeeting);
  const cap = pick('capacity', () => capacity(input.capacity), () => (partial ? current!.capacity : null));
  const signupOpens = pick('signupOpens', () => instant(input.signupOpens, 'signupOpens', 'Sign-up opening'), () => current!.signupOpens);
  const signupCloses = pick('signupCloses', () => instant(input.signupCloses, 'signupCloses', 'Sign-up closing'), () => current!.signupCloses);

  const fields: EventFields = { title, description, category, hub, professions: profs, channelId, start, end, location, onlineMeetingUrl, teamsMeeting, capacity: cap, signupOpens, signupCloses };
  checkTogether(fields, now, !partial || start.getTime() !== current!.start.getTime());
  return fields;
}

/** Rules across fields. `timeChanged`: the past-start rule applies only to new times. */
export function checkTogether(f: EventFields, now: Date, timeChanged: boolean): void {
  if (f.end <= f.start) throw invalid('The end must be after the start.', { field: 'end' });
  if (f.end.getTime() - f.start.getTime() > MAX_DURATION_MS) throw invalid('An event can last at most 7 days. Use a series for repeated sessions.', { field: 'end' });
  if (timeChanged && f.start <= now) throw invalid('The start is in the past. Choose a date and time still to come.', { field: 'start' });
  if (f.start.getTime() - now.getTime() > MAX_AHEAD_MS) throw invalid('Events can be scheduled up to two years ahead.', { field: 'start' });
  if (f.signupOpens && f.signupOpens >= f.start) throw invalid('Sign-up must open before the event starts.', { field: 'signupOpens' });
  if (f.signupCloses && f.signupCloses > f.start) throw invalid('Sign-up must close by the time the event starts, not after it.', { field: 'signupCloses' });
  if (f.signupOpens && f.signupCloses && f.signupOpens >= f.signupCloses) throw invalid('Sign-up must open before it closes.', { field: 'signupCloses' });
  if (!f.location && !f.onlineMeetingUrl && !f.teamsMeeting) throw invalid('Give a location, an online meeting link, or make it a Teams meeting.', { field: 'location' });
}

export function readRepeat(input: Record<string, unknown>): Repeat {
  const raw = input.repeat;
  if (raw === undefined || raw === null || raw === '' || raw === 'none') return null;
  const every = raw === 'weekly' || raw === 'week' ? 'week' : raw === 'monthly' || raw === 'month' ? 'month' : null;
  if (!every) throw invalid('Repeat must be none, weekly or monthly.', { field: 'repeat' });
  const n = typeof input.repeatCount === 'string' ? Number(input.repeatCount) : input.repeatCount;
  const max = every === 'week' ? 26 : 12;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 2 || n > max) {
    throw invalid(`How many sessions in the series? A whole number from 2 to ${max}.`, { field: 'repeatCount' });
  }
  return { every, count: n };
}

/**
 * Occurrences of a series, keeping the London wall-clock time across clock changes. Monthly
 * series repeat on the same weekday of the month (the second Tuesday…), as PLT afternoons do;
 * a fifth weekday that a month lacks becomes that month's last one.
 */
export function seriesOccurrences(f: EventFields, repeat: NonNullable<Repeat>): EventFields[] {
  const first = DateTime.fromJSDate(f.start).setZone(LONDON);
  const durationMs = f.end.getTime() - f.start.getTime();
  const shift = (d: Date | undefined, start: DateTime) => (d ? new Date(start.toMillis() - (f.start.getTime() - d.getTime())) : undefined);
  const out: EventFields[] = [];
  for (let i = 0; i < repeat.count; i++) {
    let start: DateTime;
    if (repeat.every === 'week') start = first.plus({ weeks: i });
    else {
      const nth = Math.ceil(first.day / 7);
      const month = first.startOf('month').plus({ months: i });
      let day = month.set({ hour: first.hour, minute: first.minute, second: 0, millisecond: 0 });
      const offset = (first.weekday - day.weekday + 7) % 7;
      day = day.plus({ days: offset + (nth - 1) * 7 });
      if (day.month !== month.month) day = day.minus({ weeks: 1 });
      start = day;
    }
    out.push({ ...f, start: start.toJSDate(), end: new Date(start.toMillis() + durationMs), signupOpens: shift(f.signupOpens, start), signupCloses: shift(f.signupCloses, start) });
  }
  return out;
}

/** The fields of a stored event, for an update to start from. */
export const fieldsOf = (e: PltEvent): EventFields => ({
  title: e.title,
  description: e.description,
  category: e.category,
  hub: e.hub,
  professions: e.professions,
  channelId: e.channelId,
  start: e.start,
  end: e.end,
  location: e.location,
  onlineMeetingUrl: e.onlineMeetingUrl,
  teamsMeeting: e.teamsMeeting,
  capacity: e.capacity,
  signupOpens: e.signupOpens,
  signupCloses: e.signupCloses,
});
