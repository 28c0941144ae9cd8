// "join practice nursing": which channel did the person mean? Exact name first, then short name
// (or id), then closeness — every typed word starting a word of the name ("pharmacists" → Clinical
// Pharmacists), then small typos. Several equally good → ask; none → suggest the nearest names.
import type { Channel } from './channel.js';
import { editDistance, words } from '../text.js';

export type Resolution = { kind: 'found'; channel: Channel } | { kind: 'ambiguous'; choices: Channel[] } | { kind: 'unknown'; nearest: Channel[] };

const FILLER = new Set(['the', 'channel', 'cop', 'community', 'of', 'practice-channel']);

export const normalise = (text: string) => words(text).join(' ');

/** "nurses" and "nurse" are the same word for matching. */
export const stem = (w: string) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);

/** True when typed word `q` names `word`: a prefix, the same stem, or (long words) one typo away. */
export function wordMatches(q: string, word: string, allowTypo: boolean): boolean {
  if (word.startsWith(q) || stem(word) === stem(q)) return true;
  return allowTypo && q.length >= 5 && editDistance(stem(q), stem(word)) <= 1;
}

function nameWords(c: Channel): string[] {
  return [...new Set([...words(c.name), ...words(c.shortName)])];
}

function allWordsMatch(typed: string[], c: Channel, allowTypo: boolean): boolean {
  const ws = nameWords(c);
  return typed.length > 0 && typed.every((q) => ws.some((w) => wordMatches(q, w, allowTypo)));
}

/** How far `typed` is from the channel's name or short name (0 = same), relative to length. */
function distance(typed: string, c: Channel): number {
  const candidates = [normalise(c.name), normalise(c.shortName)];
  return Math.min(...candidates.map((n) => editDistance(typed, n) / Math.max(typed.length, n.length, 1)));
}

const byName = (a: Channel, b: Channel) => a.name.localeCompare(b.name);

export function resolveChannel(channels: readonly Channel[], text: string): Resolution {
  const typed = normalise(text);
  if (!typed) return { kind: 'unknown', nearest: [] };
  const exactName = channels.filter((c) => normalise(c.name) === typed);
  if (exactName.length === 1) return { kind: 'found', channel: exactName[0] };
  if (exactName.length > 1) return { kind: 'ambiguous', choices: [...exactName].sort(byName) };
  const exactShort = channels.filter((c) => normalise(c.shortName) === typed || c.id === text.trim().toLowerCase());
  if (exactShort.length === 1) return { kind: 'found', channel: exactShort[0] };
  if (exactShort.length > 1) return { kind: 'ambiguous', choices: [...exactShort].sort(byName) };

  const typedWords = words(text).filter((w) => !FILLER.has(w));
  for (const allowTypo of [false, true]) {
    const close = channels.filter((c) => allWordsMatch(typedWords, c, allowTypo));
    if (close.length === 1) return { kind: 'found', channel: close[0] };
    if (close.length > 1) return { kind: 'ambiguous', choices: [...close].sort(byName) };
  }
  // A whole-name typo ("practise nursing").
  const typos = channels.filter((c) => distance(typed, c) <= 0.2);
  if (typos.length === 1) return { kind: 'found', channel: typos[0] };
  if (typos.length > 1) return { kind: 'ambiguous', choices: [...typos].sort(byName) };
  return { kind: 'unknown', nearest: nearestChannels(channels, text, 3) };
}

/** The `n` channels whose names look most like `text` (for "did you mean…"). */
export function nearestChannels(channels: readonly Channel[], text: string, n: number): Channel[] {
  const typed = normalise(text);
  const typedWords = words(text);
  const score = (c: Channel) => {
    const ws = nameWords(c);
    // Share of typed words that nearly match a name word, then whole-name distance.
    const wordHits = typedWords.filter((q) => ws.some((w) => editDistance(stem(q), stem(w)) <= Math.max(1, Math.floor(q.length / 3)))).length;
    return distance(typed, c) - wordHits;
  };
  return [...channels]
    .map((c) => ({ c, s: score(c) }))
    .sort((a, b) => a.s - b.s || byName(a.c, b.c))
    .slice(0, n)
    .map((x) => x.c);
}
