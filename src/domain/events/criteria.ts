// Which events a list is narrowed to — the one rule behind GET /api/events, chat's `events …` and the
// tab's "For you" and search (the tab imports this file: keep it free of luxon and Node).
import { words } from '../text.js';
import type { Category } from './event.js';
import type { Hub } from '../people/hubs.js';
import type { Profession } from '../people/professions.js';

/** What the rule reads of an event: a stored event and the API's view of one both fit. */
export interface FilterableEvent {
  hub: string;
  professions: readonly string[];
  category: string;
  channelId?: string;
  status: string;
  title: string;
  description: string;
  location?: string;
  organiserName: string;
}

export interface EventCriteria {
  /** One hub, or any of several (the tab's "For you": my hub and all of Kent & Medway). */
  hub?: Hub | readonly Hub[];
  category?: Category;
  /**
   * Events for this profession: those that list it, and those that list none — an event with no
   * professions is open to everyone, so a filter by profession must never hide it.
   */
  profession?: Profession;
  channelId?: string;
  status?: 'scheduled' | 'cancelled';
  /** Free text: every word must start a word of the title, description, location or organiser. */
  text?: string;
}

export const isForProfession = (e: Pick<FilterableEvent, 'professions'>, p: string) => e.professions.length === 0 || e.professions.includes(p);

export function matchesCriteria(e: FilterableEvent, c: EventCriteria): boolean {
  if (c.hub !== undefined && !(typeof c.hub === 'string' ? e.hub === c.hub : (c.hub as readonly string[]).includes(e.hub))) return false;
  if (c.category && e.category !== c.category) return false;
  if (c.profession && !isForProfession(e, c.profession)) return false;
  if (c.channelId && e.channelId !== c.channelId) return false;
  if (c.status && e.status !== c.status) return false;
  if (c.text) {
    const wanted = words(c.text);
    if (wanted.length) {
      const have = words([e.title, e.description, e.location ?? '', e.organiserName].join(' '));
      if (!wanted.every((w) => have.some((h) => h.startsWith(w)))) return false;
    }
  }
  return true;
}
