// A person's CPD record as their regulator asks for it: one entry per event they attended, and
// the periods their regulator counts (NMC three years, GPhC one, HCPC two), each ending on the
// chosen date (their revalidation or renewal date; today by default) at midnight London time,
// with the figures the regulator's target is about and whether it is met.
import { DateTime } from 'luxon';
import { LONDON } from '../time/london.js';
import type { Category } from '../events/event.js';
import type { CodeTheme } from '../feedback/feedback.js';
import { PERIOD_YEARS, TARGETS, methodFor, type CpdTarget, type Regulator } from './regulators.js';

/** What the record needs to know about one attended event. */
export interface AttendedEvent {
  eventId: string;
  title: string;
  category: Category;
  start: Date;
  end: Date;
  organiserName: string;
  participatory: boolean;
  /** When the person signed up (booked or joined the waitlist); absent for a walk-in. */
  signedUpAt?: Date;
  reflection?: string;
  codeTheme?: CodeTheme;
  certificateId: string;
}

export interface CpdEntry {
  eventId: string;
  title: string;
  start: Date;
  end: Date;
  hours: number;
  participatory: boolean;
  method: string;
  category: Category;
  organiser: string;
  reflection?: string;
  codeTheme?: CodeTheme;
  planned: boolean;
  certificateId: string;
}

export interface CpdPeriod {
  /** Midnight London time at the start of the first day. */
  from: Date;
  /** The last moment of the last day, London time. */
  to: Date;
  totalHours: number;
  participatoryHours: number;
  entries: number;
  plannedEntries: number;
  /** The kinds of activity (methods) in the period, for HCPC's mix of learning. */
  kinds: string[];
  target: CpdTarget;
  met: boolean;
}

export interface CpdRecord {
  regulator: Regulator;
  /** Most recent first. */
  entries: CpdEntry[];
  /** Most recent first: the first ends on the chosen day. */
  periods: CpdPeriod[];
}

const round = (n: number) => Math.round(n * 100) / 100;
export const hoursBetween = (start: Date, end: Date) => round((end.getTime() - start.getTime()) / 3_600_000);

/**
 * Planned learning: signed up 7 or more days ahead — on or before the same London wall-clock time
 * a week before the start, so a week across a clock change still counts as a week.
 */
export function isPlanned(signedUpAt: Date | undefined, start: Date): boolean {
  if (!signedUpAt) return false;
  const weekBefore = DateTime.fromJSDate(start).setZone(LONDON).minus({ days: 7 });
  return signedUpAt.getTime() <= weekBefore.toMillis();
}

function met(regulator: Regulator, p: Omit<CpdPeriod, 'target' | 'met'>): boolean {
  if (regulator === 'nmc') return p.totalHours >= TARGETS.nmc.totalHours && p.participatoryHours >= TARGETS.nmc.participatoryHours;
  if (regulator === 'gphc') return p.entries >= TARGETS.gphc.entries && p.plannedEntries >= TARGETS.gphc.plannedEntries;
  return p.kinds.length >= TARGETS.hcpc.kinds;
}

/** At most this many periods back (30 years of NMC revalidation). */
const MAX_PERIODS = 10;

/** The record for `regulator`, periods ending on the London day of `periodEnd`. */
export function buildCpdRecord(regulator: Regulator, attended: readonly AttendedEvent[], periodEnd: Date): CpdRecord {
  const entries: CpdEntry[] = attended
    .map((a) => ({
      eventId: a.eventId,
      title: a.title,
      start: a.start,
      end: a.end,
      hours: hoursBetween(a.start, a.end),
      participatory: a.participatory,
      method: methodFor(regulator, a.category),
      category: a.category,
      organiser: a.organiserName,
      ...(a.reflection ? { reflection: a.reflection } : {}),
      ...(a.codeTheme ? { codeTheme: a.codeTheme } : {}),
      planned: isPlanned(a.signedUpAt, a.start),
      certificateId: a.certificateId,
    }))
    .sort((a, b) => b.start.getTime() - a.start.getTime() || a.eventId.localeCompare(b.eventId));

  const years = PERIOD_YEARS[regulator];
  const earliest = entries.length ? entries[entries.length - 1].start : periodEnd;
  const periods: CpdPeriod[] = [];
  let to = DateTime.fromJSDate(periodEnd).setZone(LONDON).endOf('day');
  for (let n = 0; n < MAX_PERIODS; n++) {
    // Back `years` on the calendar from the last day, then the next day's midnight: 16 Jan 2024 –
    // 15 Jan 2027 for three years to 15 Jan 2027 (29 Feb → 1 Mar when the year before has none).
    const from = to.minus({ years }).plus({ milliseconds: 1 });
    const inPeriod = entries.filter((e) => e.start >= from.toJSDate() && e.start <= to.toJSDate());
    const figures = {
      from: from.toJSDate(),
      to: to.toJSDate(),
      totalHours: round(inPeriod.reduce((s, e) => s + e.hours, 0)),
      participatoryHours: round(inPeriod.filter((e) => e.participatory).reduce((s, e) => s + e.hours, 0)),
      entries: inPeriod.length,
      plannedEntries: inPeriod.filter((e) => e.planned).length,
      kinds: [...new Set(inPeriod.map((e) => e.method))].sort(),
    };
    periods.push({ ...figures, target: TARGETS[regulator], met: met(regulator, figures) });
    if (from.toJSDate() <= earliest) break;
    to = from.minus({ milliseconds: 1 });
  }
  return { regulator, entries, periods };
}
