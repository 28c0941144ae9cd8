// The CPD record as CSV: one line per activity, then the periods against the regulator's target.
import { toCsv } from '../../domain/events/csv.js';
import type { CpdRecord } from '../../domain/cpd/record.js';
import { REGULATOR_SHORT } from '../../domain/cpd/regulators.js';
import { CATEGORY_NAMES } from '../../domain/events/event.js';
import { formatLondonDate } from '../../domain/time/london.js';
import { cpdWords, periodDates, periodProgress } from './words.js';

export function cpdCsv(r: CpdRecord): string {
  const rows: unknown[][] = r.entries.map((e) => [
    formatLondonDate(e.start),
    e.title,
    CATEGORY_NAMES[e.category] ?? e.category,
    e.method,
    e.hours,
    cpdWords.yesNo(e.participatory),
    cpdWords.yesNo(e.planned),
    e.organiser,
    e.reflection ?? '',
    cpdWords.theme(e.codeTheme),
    e.certificateId,
  ]);
  rows.push([], [`${REGULATOR_SHORT[r.regulator]}: ${cpdWords.target(r.regulator)}`]);
  for (const p of r.periods) rows.push([periodDates(p), periodProgress(r.regulator, p)]);
  return toCsv(['Date', 'Activity', 'Category', 'Method', 'Hours', 'Participatory', 'Planned', 'Organiser', 'Reflection', 'NMC Code theme', 'Certificate id'], rows);
}
