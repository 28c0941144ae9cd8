// A person's CPD record from the events they attended: hours by category, and for NMC
// revalidation the hours in each three-year period, participatory hours next to the total.
import { DateTime } from 'luxon';
import { LONDON } from '../time/london.js';
import { CATEGORIES, PARTICIPATORY, type Category } from './event.js';

export interface CpdItem {
  eventId: string;
  title: string;
  category: Category;
  start: Date;
  end: Date;
  hours: number;
  organiserName: string;
  participatory: boolean;
}

export interface CpdPeriod {
  from: Date;
  to: Date;
  totalHours: number;
  participatoryHours: number;
}

export interface CpdRecord {
  totalHours: number;
  participatoryHours: number;
  byCategory: { category: Category; hours: number }[];
  /** Most recent first; the first ends on the chosen date (default today). */
  periods: CpdPeriod[];
  items: CpdItem[];
  /** NMC revalidation: 35 hours over three years, 20 of them participatory. */
  targets: { totalHours: number; participatoryHours: number };
}

const round = (n: number) => Math.round(n * 100) / 100;

export function cpdRecord(items: CpdItem[], periodEnd: Date): CpdRecord {
  const sorted = [...items].sort((a, b) => b.start.getTime() - a.start.getTime());
  const sum = (list: CpdItem[]) => round(list.reduce((a, i) => a + i.hours, 0));
  const byCategory = CATEGORIES.map((category) => ({ category, hours: sum(sorted.filter((i) => i.category === category)) })).filter((c) => c.hours > 0);
  const periods: CpdPeriod[] = [];
  let to = DateTime.fromJSDate(periodEnd).setZone(LONDON).endOf('day');
  const earliest = sorted.length ? sorted[sorted.length - 1].start : periodEnd;
  for (let n = 0; n < 10; n++) {
    const from = to.minus({ years: 3 }).plus({ milliseconds: 1 });
    const inPeriod = sorted.filter((i) => i.start >= from.toJSDate() && i.start <= to.toJSDate());
    periods.push({ from: from.toJSDate(), to: to.toJSDate(), totalHours: sum(inPeriod), participatoryHours: sum(inPeriod.filter((i) => i.participatory)) });
    if (from.toJSDate() <= earliest) break;
    to = from.minus({ milliseconds: 1 });
  }
  return {
    totalHours: sum(sorted),
    participatoryHours: sum(sorted.filter((i) => i.participatory)),
    byCategory,
    periods,
    items: sorted,
    targets: { totalHours: 35, participatoryHours: 20 },
  };
}

export const isParticipatory = (c: Category) => PARTICIPATORY.includes(c);
