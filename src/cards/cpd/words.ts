// The words of the CPD record wherever it is shown: chat, CSV and the PDF record.
import type { CpdPeriod, CpdRecord } from '../../domain/cpd/record.js';
import { PERIOD_NAMES, REGULATOR_SHORT, TARGETS, TARGET_WORDS, type Regulator } from '../../domain/cpd/regulators.js';
import { CODE_THEME_NAMES, type CodeTheme } from '../../domain/feedback/feedback.js';
import { formatLondonDate } from '../../domain/time/london.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "16 Jan 2024 – 15 Jan 2027" */
export const periodDates = (p: Pick<CpdPeriod, 'from' | 'to'>) => `${formatLondonDate(p.from)} – ${formatLondonDate(p.to)}`;

/** Where a period stands against the regulator's target, in words. */
export function periodProgress(regulator: Regulator, p: CpdPeriod): string {
  const done = p.met ? 'target met' : 'not met yet';
  if (regulator === 'nmc') return `${p.totalHours} of ${TARGETS.nmc.totalHours} hours, ${p.participatoryHours} of ${TARGETS.nmc.participatoryHours} participatory: ${done}`;
  if (regulator === 'gphc') return `${plural(p.entries, 'entry', 'entries')} of ${TARGETS.gphc.entries}, ${p.plannedEntries} of ${TARGETS.gphc.plannedEntries} planned: ${done}`;
  return `${plural(p.kinds.length, 'kind')} of activity of ${TARGETS.hcpc.kinds} (${p.kinds.join(', ') || 'none yet'}): ${done}`;
}

export const cpdWords = {
  heading: (r: Regulator) => `My CPD record (${REGULATOR_SHORT[r]})`,
  target: (r: Regulator) => TARGET_WORDS[r],
  periodName: (r: Regulator) => PERIOD_NAMES[r],
  none: 'Attended events appear here once the organiser (or Teams) records your attendance.',
  exportHint: 'Download it as CSV or PDF for your confirmer or appraiser from the My bookings tab.',
  yesNo: (b: boolean) => (b ? 'yes' : 'no'),
  theme: (t: string | undefined) => (t ? (CODE_THEME_NAMES[t as CodeTheme] ?? t) : ''),
};

export const latestPeriod = (r: CpdRecord) => r.periods[0];
