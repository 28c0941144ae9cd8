// Finding people by name, so nobody has to type an Entra object id: what a search may ask for,
// how names are matched (word starts, any case, accents ignored) and the ports the search reads.
import { invalid } from '../errors.js';
import { words } from '../text.js';
import type { Hub } from './hubs.js';
import type { UserId } from './person.js';

/** Longest query accepted; anything longer is not a name. */
export const PEOPLE_QUERY_MAX = 100;
/** Most people one search answers (a picker shows a short list; people type more to narrow it). */
export const PEOPLE_RESULTS_MAX = 20;
/** Words of a name that are indexed, and how much of each (longer names are still shown whole). */
export const NAME_WORDS_MAX = 8;
export const NAME_WORD_LENGTH = 40;

/** The words a name is found by: "Zoë O'Neil-Smith" → ["zoe", "o", "neil", "smith"]. */
export function nameWords(name: string): string[] {
  return [...new Set(words(name).map((w) => w.slice(0, NAME_WORD_LENGTH)))].slice(0, NAME_WORDS_MAX);
}

/**
 * Reads `q`: null when there is nothing to search for yet (under 2 characters, or no word of 2
 * or more letters — a picker asks as people type, so that is an empty answer, not an error).
 */
export function readPeopleQuery(q: unknown): string[] | null {
  if (q === undefined || q === null) return null;
  if (typeof q !== 'string') throw invalid('Search for a name, as text.', { field: 'q' });
  if (q.length > PEOPLE_QUERY_MAX) throw invalid(`Search for at most ${PEOPLE_QUERY_MAX} characters of a name.`, { field: 'q' });
  const wanted = [...new Set(words(q))].slice(0, 5).map((w) => w.slice(0, NAME_WORD_LENGTH));
  if (q.trim().length < 2 || !wanted.some((w) => w.length >= 2)) return null;
  return wanted;
}

/** True when every query word starts some word of the name ("sam ok" finds "Sam Okafor"). */
export function nameMatches(name: string, wanted: readonly string[]): boolean {
  const have = nameWords(name);
  return wanted.every((w) => have.some((h) => h.startsWith(w)));
}

/** The word of a query the index is asked about: the longest is the most selective. */
export const lookupWord = (wanted: readonly string[]) => [...wanted].sort((a, b) => b.length - a.length)[0];

/** Someone a search found. `email`, `profession` and `hub` only when the app knows them. */
export interface PersonMatch {
  id: UserId;
  name: string;
  email?: string;
  profession?: string;
  hub?: Hub;
  guest: boolean;
}

/**
 * Where people are found. The people the app knows (profiles and the people it has met) are one
 * source; Microsoft Graph's directory can be another behind the same interface.
 */
export interface PeopleSource {
  /** Up to `limit` people whose names match every word; guests only when `guests` is true. */
  find(wanted: readonly string[], options: { limit: number; guests: boolean }): Promise<PersonMatch[]>;
}

/** An index of names (word → person), kept beside the people the app knows. Rows are hints. */
export interface PersonNameIndex {
  /** People with a name word starting with `prefix`, at most `limit` rows, in word order. */
  lookup(prefix: string, limit: number): Promise<{ userId: UserId; name: string; guest: boolean }[]>;
}
