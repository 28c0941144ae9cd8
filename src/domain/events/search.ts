// Free-text event search for the message extension (and Copilot using it as an agent): date words
// ("this week", "next month", "march"), hub names ("west kent") and any other words, which must
// each start a word of the event's title, description, category, hub, professions, channel,
// location or organiser ("diabetes west kent next month"). Weeks run Monday to Sunday, London time.
import { DateTime } from 'luxon';
import { HUB_NAMES, hubCovers, type Hub } from '../people/hubs.js';
import { PROFESSION_NAMES, type Profession } from '../people/professions.js';
import { LONDON } from '../time/london.js';
import { words } from '../text.js';
import { CATEGORY_NAMES, type Category } from './event.js';
import { DEFAULT_RANGE_DAYS } from './query.js';

/** Longest search accepted (Teams sends what people type; Copilot may send a sentence). */
export const EVENT_SEARCH_MAX = 200;

export interface EventSearch {
  from: Date;
  to: Date;
  hub?: Hub;
  /** Words every match must contain (as word starts). */
  words: string[];
  /** "next month, West Kent" — what was understood, for the answer's wording. */
  label: string;
}

/** Words that carry no meaning in a search ("events in west kent next month"). */
const IGNORED = new Set(['a', 'an', 'the', 'in', 'on', 'at', 'for', 'of', 'and', 'to', 'from', 'during', 'event', 'events', 'session', 'sessions', 'find', 'show', 'me', 'any', 'upcoming', 'coming', 'up', 'about', 'with']);

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Hub phrases, longest first so "kent and medway" wins over "medway". */
const HUB_PHRASES: [string, Hub][] = [
  ['all of kent and medway', 'kent-medway'],
  ['kent and medway', 'kent-medway'],
  ['north kent', 'north-kent'],
  ['west kent', 'west-kent'],
  ['east kent', 'east-kent'],
  ['medway', 'north-kent'],
];

interface Range {
  from: Date;
  to: Date;
  label: string;
}

function dateRange(text: string, now: Date): { range: Range; rest: string } | null {
  const here = DateTime.fromJSDate(now).setZone(LONDON);
  const fixed: [RegExp, () => Range][] = [
    [/\btoday\b/, () => ({ from: now, to: here.startOf('day').plus({ days: 1 }).toJSDate(), label: 'today' })],
    [/\btomorrow\b/, () => ({ from: here.startOf('day').plus({ days: 1 }).toJSDate(), to: here.startOf('day').plus({ days: 2 }).toJSDate(), label: 'tomorrow' })],
    [/\bthis week\b/, () => ({ from: now, to: here.startOf('week').plus({ weeks: 1 }).toJSDate(), label: 'this week' })],
    [/\bnext week\b/, () => ({ from: here.startOf('week').plus({ weeks: 1 }).toJSDate(), to: here.startOf('week').plus({ weeks: 2 }).toJSDate(), label: 'next week' })],
    [/\bthis month\b/, () => ({ from: now, to: here.startOf('month').plus({ months: 1 }).toJSDate(), label: 'this month' })],
    [/\bnext month\b/, () => ({ from: here.startOf('month').plus({ months: 1 }).toJSDate(), to: here.startOf('month').plus({ months: 2 }).toJSDate(), label: 'next month' })],
  ];
  for (const [pattern, range] of fixed) {
    if (pattern.test(text)) return { range: range(), rest: text.replace(pattern, ' ') };
  }
  // A month name (or its first three letters), with an optional year: the next such month.
  const month = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b(?:\s+(20\d\d))?/.exec(text);
  if (month) {
    const index = MONTHS.findIndex((m) => m.startsWith(month[1].slice(0, 3)));
    const full = MONTHS[index];
    // "may" is a month only when it is the whole word; "marketing" is not March.
    const word = month[0].split(/\s+/)[0];
    if (full.startsWith(word) || word === 'sept') {
      let start = here.set({ month: index + 1 }).startOf('month');
      if (month[2]) start = start.set({ year: Number(month[2]) });
      else if (start.plus({ months: 1 }) <= here) start = start.plus({ years: 1 });
      const from = start < here ? now : start.toJSDate();
      const label = start.toFormat('LLLL yyyy');
      return { range: { from, to: start.plus({ months: 1 }).toJSDate(), label }, rest: text.replace(month[0], ' ') };
    }
  }
  return null;
}

/** Reads a search; null when it is too long (the caller answers with a clear message). */
export function parseEventSearch(raw: string, now: Date): EventSearch | null {
  if (raw.length > EVENT_SEARCH_MAX) return null;
  let text = ` ${words(raw.replace(/&/g, ' and ')).join(' ')} `;
  const labels: string[] = [];
  const dated = dateRange(text, now);
  let range: Range = { from: now, to: DateTime.fromJSDate(now).plus({ days: DEFAULT_RANGE_DAYS }).toJSDate(), label: '' };
  if (dated) {
    range = dated.range;
    text = dated.rest;
    labels.push(range.label);
  }
  let hub: Hub | undefined;
  for (const [phrase, h] of HUB_PHRASES) {
    const pattern = new RegExp(`\\b${phrase}\\b`);
    if (pattern.test(text)) {
      hub = h;
      text = text.replace(pattern, ' ');
      labels.push(HUB_NAMES[h]);
      break;
    }
  }
  const wanted = [...new Set(text.split(' ').filter((w) => w && !IGNORED.has(w)))].slice(0, 8);
  if (wanted.length) labels.unshift(`“${wanted.join(' ')}”`);
  return { from: range.from, to: range.to, hub, words: wanted, label: labels.join(', ') || 'the next 90 days' };
}

/** What the search reads of an event (a stored event fits). */
export interface SearchableEvent {
  title: string;
  description: string;
  category: string;
  hub: string;
  professions: readonly string[];
  channelId?: string;
  location?: string;
  organiserName: string;
  status: string;
}

/** True when the event fits the search; `channelNames` names the events' channels. */
export function matchesSearch(e: SearchableEvent, s: Pick<EventSearch, 'hub' | 'words'>, channelNames: ReadonlyMap<string, string>): boolean {
  if (e.status !== 'scheduled') return false;
  // An event for all of Kent & Medway concerns someone asking about West Kent too.
  if (s.hub && !hubCovers(e.hub as Hub, s.hub)) return false;
  if (!s.words.length) return true;
  const have = words(
    [
      e.title,
      e.description,
      CATEGORY_NAMES[e.category as Category] ?? e.category,
      e.category,
      HUB_NAMES[e.hub as Hub] ?? e.hub,
      ...e.professions.map((p) => PROFESSION_NAMES[p as Profession] ?? p),
      e.channelId ? (channelNames.get(e.channelId) ?? '') : '',
      e.location ?? '',
      e.organiserName,
    ].join(' '),
  );
  return s.words.every((w) => have.some((h) => h.startsWith(w)));
}
