// A hub's insights as CSV, from the same computation the API answers and the tab shows: the
// headline figures (rates as the API gives them, 0–1, and as per cent), then CPD hours by profession, channels, and facilitation.
import { toCsv } from '../../domain/events/csv.js';
import type { Insights } from '../../domain/insights/insights.js';
import { HUB_NAMES } from '../../domain/people/hubs.js';
import { PROFESSION_NAMES, type Profession } from '../../domain/people/professions.js';
import { formatLondonDate } from '../../domain/time/london.js';

/** Rates as percentages with one decimal; nothing to divide by is left empty. */
export const percent = (r: number | null) => (r === null ? '' : `${Math.round(r * 1000) / 10}%`);

export const professionName = (code: string) => (code === 'unknown' ? 'Not recorded' : (PROFESSION_NAMES[code as Profession] ?? code));

export function insightsCsv(i: Insights): string {
  const last = new Date(i.to.getTime() - 1);
  const rows: unknown[][] = [
    ['Hub', HUB_NAMES[i.hub]],
    ['Period', `${formatLondonDate(i.from)} – ${formatLondonDate(last)}`],
    [],
    ['Events held', i.events],
    ['Places offered', i.placesOffered],
    ['Places booked', i.booked],
    ['Fill rate', i.fillRate ?? '', percent(i.fillRate)],
    ['On waitlists', i.waitlisted],
    ['Attended', i.attended],
    ['No-show rate', i.noShowRate ?? '', percent(i.noShowRate)],
    ['Feedback return rate', i.feedbackReturnRate ?? '', percent(i.feedbackReturnRate)],
    ['Mean rating (1–5)', i.ratingMean ?? ''],
    [],
    ['CPD hours by profession', 'Hours'],
    ...Object.entries(i.cpdHoursByProfession).map(([code, hours]) => [professionName(code), hours]),
    [],
    ['Channel', 'Members', 'Joined in the period'],
    ...i.channels.map((c) => [c.name, c.members, c.joinedInPeriod]),
    [],
    ['Facilitation requests', i.facilitation.requests],
    ['Confirmed', i.facilitation.confirmed],
    ['Median hours to confirm', i.facilitation.medianHoursToConfirm ?? ''],
  ];
  return toCsv(['Figure', 'Value', 'Per cent'], rows);
}
