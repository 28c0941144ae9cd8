// What "events …" asks for: a time phrase (this week, next week, this month) and/or a hub,
// category, profession or channel, in any order. Weeks run Monday to Sunday, London time.
import { DateTime } from 'luxon';
import { HUB_NAMES, parseHub, type Hub } from '../people/hubs.js';
import { PROFESSIONS, PROFESSION_NAMES, parseProfession, type Profession } from '../people/professions.js';
import { LONDON } from '../time/london.js';
import { CATEGORY_NAMES, parseCategory, type Category } from './event.js';
// The filters themselves live in criteria.ts (no luxon), so the tab can apply the same rule.
export { isForProfession, matchesCriteria, type EventCriteria } from './criteria.js';

export interface EventQuery {
  from: Date;
  to: Date;
  hub?: Hub;
  category?: Category;
  profession?: Profession;
  channelId?: string;
  /** Words that matched nothing (shown back to the person). */
  unknown?: string;
  /** "this week, East Kent" — how the list is titled. */
  label: string;
}

export interface ChannelName {
  id: string;
  name: string;
  shortName: string;
}

export const DEFAULT_RANGE_DAYS = 90;

export function timeRange(phrase: 'this week' | 'next week' | 'this month' | 'upcoming', now: Date): { from: Date; to: Date } {
  const here = DateTime.fromJSDate(now).setZone(LONDON);
  switch (phrase) {
    case 'this week':
      return { from: now, to: here.startOf('week').plus({ weeks: 1 }).toJSDate() };
    case 'next week': {
      const start = here.startOf('week').plus({ weeks: 1 });
      return { from: start.toJSDate(), to: start.plus({ weeks: 1 }).toJSDate() };
    }
    case 'this month':
      return { from: now, to: here.startOf('month').plus({ months: 1 }).toJSDate() };
    default:
      return { from: now, to: here.plus({ days: DEFAULT_RANGE_DAYS }).toJSDate() };
  }
}

function professionFrom(text: string): Profession | null {
  const direct = parseProfession(text);
  if (direct) return direct;
  const singular = text.replace(/ies$/, 'y').replace(/s$/, '');
  const again = parseProfession(singular);
  if (again) return again;
  const aliases: Record<string, Profession> = {
    anp: 'advanced-nurse-practitioner', acp: 'advanced-nurse-practitioner', 'advanced practitioner': 'advanced-nurse-practitioner',
    pharmacist: 'clinical-pharmacist', gpn: 'practice-nurse', nurse: 'practice-nurse', 'nursing associate': 'nurse-associate',
    pa: 'physician-associate', physio: 'physiotherapist', 'link worker': 'social-prescriber', 'healthcare assistant': 'hca',
  };
  return aliases[singular] ?? PROFESSIONS.find((p) => PROFESSION_NAMES[p].toLowerCase().startsWith(singular) && singular.length >= 4) ?? null;
}

export function parseEventQuery(args: string, now: Date, channels: readonly ChannelName[]): EventQuery {
  let text = args.toLowerCase().replace(/[.!?]+$/, '').replace(/\s+/g, ' ').trim();
  const labels: string[] = [];
  let range = timeRange('upcoming', now);
  for (const phrase of ['this week', 'next week', 'this month'] as const) {
    if (text.includes(phrase)) {
      range = timeRange(phrase, now);
      labels.push(phrase);
      text = text.replace(phrase, ' ').replace(/\s+/g, ' ').trim();
      break;
    }
  }
  const query: EventQuery = { ...range, label: '' };
  text = text.replace(/^(in|for|at|from) /, '').trim();
  if (text) {
    const hub = parseHub(text);
    const category = hub ? null : parseCategory(text);
    const profession = hub || category ? null : professionFrom(text);
    const channel = hub || category || profession ? undefined : findChannel(text, channels);
    if (hub) {
      query.hub = hub;
      labels.push(HUB_NAMES[hub]);
    } else if (category) {
      query.category = category;
      labels.push(CATEGORY_NAMES[category]);
    } else if (profession) {
      query.profession = profession;
      labels.push(`for ${professionPlural(profession)}, and events open to everyone`);
    } else if (channel) {
      query.channelId = channel.id;
      labels.push(channel.name);
    } else query.unknown = args.trim().slice(0, 60);
  }
  query.label = labels.join(', ') || 'the next 90 days';
  return query;
}

function findChannel(text: string, channels: readonly ChannelName[]): ChannelName | undefined {
  const exact = channels.find((c) => [c.id, c.name.toLowerCase(), c.shortName.toLowerCase()].includes(text));
  if (exact) return exact;
  const starts = channels.filter((c) => c.name.toLowerCase().startsWith(text) || c.shortName.toLowerCase().startsWith(text));
  return starts.length === 1 ? starts[0] : undefined;
}

/** "healthcare assistants (HCA)", "GPs", "practice nurses" — a profession as a list title says it. */
export function professionPlural(p: Profession): string {
  if (p === 'other') return 'other professions';
  const name = PROFESSION_NAMES[p];
  const [, main, tail = ''] = /^(.*?)( \(.*\))?$/.exec(name) ?? [name, name];
  const first = /^[A-Z][a-z]/.test(main) ? main[0].toLowerCase() + main.slice(1) : main;
  return `${first}s${tail}`;
}
