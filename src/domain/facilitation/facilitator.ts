// A facilitator in a hub's pool: where they work, what they can offer, when they are free.
// Availability is weekly wall-clock time in Europe/London; away dates are London calendar days.
import { HUBS, parseHub, type Hub } from '../people/hubs.js';
import { parseProfession, PROFESSION_NAMES } from '../people/professions.js';
import type { UserId } from '../people/person.js';
import { invalid } from '../errors.js';
import { cleanText } from '../text.js';

export const FORMATS = ['observe', 'co-facilitate', 'coach'] as const;
export type Format = (typeof FORMATS)[number];

export const FORMAT_NAMES: Record<Format, string> = {
  observe: 'Observe the session',
  'co-facilitate': 'Co-facilitate',
  coach: 'Coach the lead',
};

export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Day = (typeof DAYS)[number];

export const DAY_NAMES: Record<Day, string> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' };

export interface AvailabilitySlot {
  day: Day;
  /** "HH:MM", London wall clock. */
  from: string;
  /** "HH:MM" after `from`; "24:00" means midnight at the end of the day. */
  to: string;
}

/** London calendar days, both ends included ("YYYY-MM-DD"). */
export interface AwayRange {
  from: string;
  to: string;
}

export interface Facilitator {
  userId: UserId;
  hubs: Hub[];
  /** Professions (codes) and free-text skills, e.g. "practice-nurse", "motivational interviewing". */
  skills: string[];
  formats: Format[];
  availability: AvailabilitySlot[];
  away: AwayRange[];
  maxPerMonth: number;
  paused: boolean;
  addedAt: Date;
  updatedAt: Date;
}

export const LIMITS = { skills: 20, skillLength: 60, slots: 40, away: 50, maxPerMonth: 31 } as const;

/**
 * Someone a coordinator has just added: every format, weekday office hours and four sessions a
 * month, so the pool works at once; the welcome card asks them to make it their own.
 */
export function newFacilitator(userId: UserId, hubs: Hub[], now: Date): Facilitator {
  return {
    userId,
    hubs,
    skills: [],
    formats: [...FORMATS],
    availability: (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({ day, from: '09:00', to: '17:00' })),
    away: [],
    maxPerMonth: 4,
    paused: false,
    addedAt: now,
    updatedAt: now,
  };
}

/** "09:30" → 570; "24:00" → 1440; anything else → null. */
export function minutesOf(time: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(time.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) return null;
  return h * 60 + min;
}

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const FULL_DAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** "mon", "Mon", "monday" → "mon". */
export function parseDay(text: unknown): Day | null {
  if (typeof text !== 'string') return null;
  const t = text.trim().toLowerCase();
  if ((DAYS as readonly string[]).includes(t)) return t as Day;
  const i = FULL_DAY_NAMES.indexOf(t);
  return i >= 0 ? DAYS[i] : null;
}

/** A list given as a JSON array or a comma/semicolon separated string (card inputs send strings). */
function listOf(value: unknown, field: string, max: number): unknown[] {
  if (value === undefined || value === null || value === '') return [];
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[,;\n]/).map((s) => s.trim()).filter(Boolean) : null;
  if (!items) throw invalid(`${field} must be a list.`, { field });
  if (items.length > max) throw invalid(`${field} can have at most ${max} entries.`, { field });
  return items;
}

export function parseHubs(value: unknown): Hub[] {
  const hubs: Hub[] = [];
  for (const item of listOf(value, 'hubs', HUBS.length * 2)) {
    const hub = parseHub(item);
    if (!hub) throw invalid(`Unknown hub "${String(item).slice(0, 40)}". Hubs: ${HUBS.join(', ')}.`, { field: 'hubs' });
    if (!hubs.includes(hub)) hubs.push(hub);
  }
  if (!hubs.length) throw invalid('Choose at least one hub.', { field: 'hubs' });
  return hubs;
}

export function parseFormat(value: unknown): Format | null {
  if (typeof value !== 'string') return null;
  const v = value.trim().toLowerCase();
  if ((FORMATS as readonly string[]).includes(v)) return v as Format;
  if (v === 'co-facilitation' || v === 'cofacilitate' || v === 'co facilitate') return 'co-facilitate';
  if (v === 'coach the lead' || v === 'coaching') return 'coach';
  if (v === 'observe the session' || v === 'observation') return 'observe';
  return null;
}

function parseFormats(value: unknown): Format[] {
  const formats: Format[] = [];
  for (const item of listOf(value, 'formats', 10)) {
    const f = parseFormat(item);
    if (!f) throw invalid(`Unknown format "${String(item).slice(0, 40)}". Formats: ${FORMATS.join(', ')}.`, { field: 'formats' });
    if (!formats.includes(f)) formats.push(f);
  }
  if (!formats.length) throw invalid('Choose at least one format you offer (observe, co-facilitate, coach).', { field: 'formats' });
  return formats;
}

function parseSkills(value: unknown): string[] {
  const skills: string[] = [];
  for (const item of listOf(value, 'skills', LIMITS.skills)) {
    const text = cleanText(item, LIMITS.skillLength);
    if (text === null) throw invalid(`Each skill must be text of at most ${LIMITS.skillLength} characters.`, { field: 'skills' });
    if (!text) continue;
    // Profession names become their codes so they match channels' professions.
    const skill = parseProfession(text) ?? text;
    if (!skills.some((s) => s.toLowerCase() === skill.toLowerCase())) skills.push(skill);
  }
  return skills;
}

/** "09:00-12:00" or "09:00–12:00" → [from, to] minutes. */
function parseRange(text: string, field: string): [number, number] {
  const m = /^(\d{1,2}:\d{2})\s*(?:-|–|—|to)\s*(\d{1,2}:\d{2})$/i.exec(text.trim());
  const from = m ? minutesOf(m[1]) : null;
  const to = m ? minutesOf(m[2]) : null;
  if (from === null || to === null) throw invalid(`"${text.slice(0, 40)}" is not a time range like 09:00-12:00.`, { field });
  if (to <= from) throw invalid(`In "${text.slice(0, 40)}" the end must be after the start.`, { field });
  return [from, to];
}

/**
 * Weekly availability from the API's [{day, from, to}], a text list ("mon 09:00-12:00, tue 14:00-17:00"),
 * or the card's per-day fields (avail_mon: "09:00-12:00, 14:00-16:00").
 */
export function parseAvailability(value: unknown, perDay?: Partial<Record<Day, unknown>>): AvailabilitySlot[] {
  const ranges: { day: Day; from: number; to: number }[] = [];
  if (perDay) {
    for (const day of DAYS) {
      const text = perDay[day];
      if (text === undefined || text === null || text === '') continue;
      if (typeof text !== 'string' || text.length > 300) throw invalid(`Availability for ${DAY_NAMES[day]} must be time ranges like 09:00-12:00.`, { field: 'availability' });
      for (const part of text.split(/[,;]/).map((s) => s.trim()).filter(Boolean)) {
        const [from, to] = parseRange(part, 'availability');
        ranges.push({ day, from, to });
      }
    }
  } else {
    for (const item of listOf(value, 'availability', LIMITS.slots)) {
      if (typeof item === 'string') {
        const m = /^([a-z]+)\s+(.+)$/i.exec(item.trim());
        const day = m ? parseDay(m[1]) : null;
        if (!m || !day) throw invalid(`"${item.slice(0, 40)}" should look like "mon 09:00-12:00".`, { field: 'availability' });
        const [from, to] = parseRange(m[2], 'availability');
        ranges.push({ day, from, to });
      } else if (item && typeof item === 'object' && !Array.isArray(item)) {
        const o = item as Record<string, unknown>;
        const day = parseDay(o.day);
        if (!day) throw invalid('Each availability entry needs a day: mon, tue, wed, thu, fri, sat or sun.', { field: 'availability' });
        if (typeof o.from !== 'string' || typeof o.to !== 'string') throw invalid('Each availability entry needs "from" and "to" times (HH:MM).', { field: 'availability' });
        const [from, to] = parseRange(`${o.from}-${o.to}`, 'availability');
        ranges.push({ day, from, to });
      } else {
        throw invalid('Availability entries must be {day, from, to}.', { field: 'availability' });
      }
    }
  }
  if (ranges.length > LIMITS.slots) throw invalid(`At most ${LIMITS.slots} availability ranges.`, { field: 'availability' });
  return normaliseSlots(ranges);
}

/** Sorted by day and time, overlapping or touching ranges on a day merged. */
function normaliseSlots(ranges: { day: Day; from: number; to: number }[]): AvailabilitySlot[] {
  const out: AvailabilitySlot[] = [];
  for (const day of DAYS) {
    const mine = ranges.filter((r) => r.day === day).sort((a, b) => a.from - b.from);
    let current: { from: number; to: number } | undefined;
    for (const r of mine) {
      if (current && r.from <= current.to) current.to = Math.max(current.to, r.to);
      else {
        if (current) out.push({ day, from: hhmm(current.from), to: hhmm(current.to) });
        current = { from: r.from, to: r.to };
      }
    }
    if (current) out.push({ day, from: hhmm(current.from), to: hhmm(current.to) });
  }
  return out;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Away ranges from [{from, to}] or text ("2026-08-01 to 2026-08-14, 2026-12-24"). */
export function parseAway(value: unknown): AwayRange[] {
  const out: AwayRange[] = [];
  for (const item of listOf(value, 'away', LIMITS.away)) {
    let from: unknown;
    let to: unknown;
    if (typeof item === 'string') {
      const m = /^(\S+)\s*(?:to|–|—|\.\.|\s-\s)\s*(\S+)$/i.exec(item.trim());
      [from, to] = m ? [m[1], m[2]] : [item.trim(), item.trim()];
    } else if (item && typeof item === 'object' && !Array.isArray(item)) {
      from = (item as Record<string, unknown>).from;
      to = (item as Record<string, unknown>).to ?? from;
    }
    if (typeof from !== 'string' || typeof to !== 'string' || !isCalendarDate(from) || !isCalendarDate(to)) {
      throw invalid('Away dates must be YYYY-MM-DD, or a range "YYYY-MM-DD to YYYY-MM-DD".', { field: 'away' });
    }
    if (to < from) throw invalid(`Away range ${from} to ${to} ends before it starts.`, { field: 'away' });
    out.push({ from, to });
  }
  return out.sort((a, b) => a.from.localeCompare(b.from));
}

export function parseBoolean(value: unknown, field: string): boolean {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === '1' || value === 1) return true;
  if (value === 'false' || value === '0' || value === 0 || value === '' || value === undefined || value === null) return false;
  throw invalid(`${field} must be true or false.`, { field });
}

function parseMax(value: unknown): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d{1,3}\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 0 || n > LIMITS.maxPerMonth) throw invalid(`Maximum sessions a month must be a whole number from 0 to ${LIMITS.maxPerMonth}.`, { field: 'maxPerMonth' });
  return n;
}

const present = (o: Record<string, unknown>, key: string) => Object.prototype.hasOwnProperty.call(o, key) && o[key] !== undefined;

/**
 * The facilitator's own edit (facilitator.save / PUT /api/facilitators/me): fields given replace the
 * current ones; fields left out stay as they are. Anything invalid throws and nothing changes.
 */
export function applyFacilitatorInput(current: Facilitator, input: Record<string, unknown>, now: Date): Facilitator {
  const next: Facilitator = { ...current, updatedAt: now };
  if (present(input, 'hubs')) next.hubs = parseHubs(input.hubs);
  if (present(input, 'skills')) next.skills = parseSkills(input.skills);
  if (present(input, 'formats')) next.formats = parseFormats(input.formats);
  const perDay: Partial<Record<Day, unknown>> = {};
  let hasPerDay = false;
  for (const day of DAYS) {
    if (present(input, `avail_${day}`)) {
      perDay[day] = input[`avail_${day}`];
      hasPerDay = true;
    }
  }
  if (hasPerDay) next.availability = parseAvailability(undefined, perDay);
  else if (present(input, 'availability')) next.availability = parseAvailability(input.availability);
  if (present(input, 'away')) next.away = parseAway(input.away);
  if (present(input, 'maxPerMonth')) next.maxPerMonth = parseMax(input.maxPerMonth);
  if (present(input, 'paused')) next.paused = parseBoolean(input.paused, 'paused');
  return next;
}

/** "Practice nurse" for a profession code, the text itself otherwise. */
export const skillLabel = (skill: string) => PROFESSION_NAMES[skill as keyof typeof PROFESSION_NAMES] ?? skill;

/** "09:00-12:00, 14:00-16:00" for one day (the card's per-day field). */
export const dayRanges = (slots: readonly AvailabilitySlot[], day: Day) =>
  slots
    .filter((s) => s.day === day)
    .map((s) => `${s.from}-${s.to}`)
    .join(', ');

/** "Mon 09:00–17:00; Wed 14:00–16:00" */
export const availabilityText = (slots: readonly AvailabilitySlot[]) =>
  slots.length ? slots.map((s) => `${DAY_NAMES[s.day]} ${s.from}–${s.to}`).join('; ') : 'none set';
