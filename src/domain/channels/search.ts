// Directory search: every typed word must match a word of the channel's name, short name,
// purpose, professions or hub ("nurse west" → nursing channels for West Kent or everyone).
// Results rank name matches above profession matches above purpose matches.
import type { Channel } from './channel.js';
import { words } from '../text.js';
import { PROFESSION_NAMES } from '../people/professions.js';
import { HUB_NAMES } from '../people/hubs.js';
import { wordMatches } from './resolve.js';

const IGNORED = new Set(['and', 'the', 'in', 'of', 'for', 'a', 'an', 'to', 'channel', 'channels']);

interface Haystack {
  name: string[];
  professions: string[];
  rest: string[];
}

function haystack(c: Channel): Haystack {
  return {
    name: [...words(c.name), ...words(c.shortName)],
    professions: c.professions.flatMap((p) => [...words(p), ...words(PROFESSION_NAMES[p] ?? '')]),
    rest: [...words(c.purpose), ...words(HUB_NAMES[c.hub] ?? ''), ...words(c.hub)],
  };
}

/** Channels matching `query` (all when empty), best first. */
export function searchChannels(channels: readonly Channel[], query: string): Channel[] {
  const typed = words(query).filter((w) => !IGNORED.has(w));
  const sorted = [...channels].sort((a, b) => a.name.localeCompare(b.name));
  if (typed.length === 0) return sorted;
  const scored: { c: Channel; score: number }[] = [];
  for (const c of sorted) {
    const h = haystack(c);
    let score = 0;
    let all = true;
    for (const q of typed) {
      const allowTypo = q.length >= 5;
      if (h.name.some((w) => wordMatches(q, w, allowTypo))) score += 3;
      else if (h.professions.some((w) => wordMatches(q, w, allowTypo))) score += 2;
      else if (h.rest.some((w) => wordMatches(q, w, allowTypo))) score += 1;
      else {
        all = false;
        break;
      }
    }
    if (all) scored.push({ c, score });
  }
  return scored.sort((a, b) => b.score - a.score || a.c.name.localeCompare(b.c.name)).map((s) => s.c);
}
