// People search (GET /api/people, the tab's people picker): coordinators, organisers and channel
// leads choose people by name, never by typing an Entra object id. Answers come from sources behind
// one interface — the people the app knows now; Microsoft Graph's directory can be added beside it.
import type { Actor } from '../domain/people/person.js';
import type { PersonRepository, ProfileRepository } from '../domain/ports.js';
import type { ChannelRepository } from '../domain/channels/ports.js';
import { hasRole } from '../domain/people/authorisation.js';
import { forbidden } from '../domain/errors.js';
import { PEOPLE_RESULTS_MAX, lookupWord, nameMatches, readPeopleQuery, type PeopleSource, type PersonMatch, type PersonNameIndex } from '../domain/people/search.js';

/** How many index rows one search reads at most (common first names share a prefix). */
const INDEX_ROWS = 300;

const byName = (a: PersonMatch, b: PersonMatch) => a.name.localeCompare(b.name, 'en-GB', { sensitivity: 'base' }) || (a.id < b.id ? -1 : 1);

/** The people the app knows: anyone it has met in Teams or the tab, with their profile if they gave one. */
export class KnownPeople implements PeopleSource {
  constructor(private readonly d: { index: PersonNameIndex; persons: Pick<PersonRepository, 'get'>; profiles: Pick<ProfileRepository, 'get'> }) {}

  async find(wanted: readonly string[], options: { limit: number; guests: boolean }): Promise<PersonMatch[]> {
    const rows = await this.d.index.lookup(lookupWord(wanted), INDEX_ROWS);
    const seen = new Set<string>();
    const hints: PersonMatch[] = [];
    for (const r of rows) {
      if (seen.has(r.userId) || (r.guest && !options.guests) || !nameMatches(r.name, wanted)) continue;
      seen.add(r.userId);
      hints.push({ id: r.userId, name: r.name, guest: r.guest });
    }
    hints.sort(byName);
    // Index rows are hints: the person's own record says who they are now (renamed, forgotten, guest).
    const checked = await Promise.all(
      hints.slice(0, options.limit + 5).map(async (hint): Promise<PersonMatch | null> => {
        const [person, profile] = await Promise.all([this.d.persons.get(hint.id), this.d.profiles.get(hint.id)]);
        if (!person || !nameMatches(person.name, wanted)) return null;
        const guest = person.guest || !!profile?.guest;
        if (guest && !options.guests) return null;
        const match: PersonMatch = { id: person.userId, name: person.name, guest };
        if (person.email) match.email = person.email;
        if (profile) {
          match.profession = profile.profession;
          match.hub = profile.hub;
        }
        return match;
      }),
    );
    return checked.filter((m): m is PersonMatch => m !== null).slice(0, options.limit);
  }
}

export interface PeopleSearchDeps {
  /** Where people are found, in order of preference (the first source's answer wins for an id). */
  sources: readonly PeopleSource[];
  channels: Pick<ChannelRepository, 'list'>;
}

export class PeopleSearch {
  constructor(private readonly d: PeopleSearchDeps) {}

  /** Coordinators, organisers and channel leads choose people; guests never see who else is here. */
  async maySearch(actor: Actor): Promise<boolean> {
    if (actor.guest) return false;
    if (hasRole(actor, 'organiser')) return true;
    return (await this.d.channels.list()).some((c) => c.leadIds.includes(actor.id));
  }

  /** Up to 20 people whose names start with the words of `q`; guests only for coordinators. */
  async search(actor: Actor, q: unknown): Promise<PersonMatch[]> {
    if (!(await this.maySearch(actor))) throw forbidden('Only hub coordinators, organisers and channel leads can search for people.');
    const wanted = readPeopleQuery(q);
    if (!wanted) return [];
    const options = { limit: PEOPLE_RESULTS_MAX, guests: hasRole(actor, 'coordinator') };
    const found = await Promise.all(this.d.sources.map((s) => s.find(wanted, options)));
    const byId = new Map<string, PersonMatch>();
    for (const list of found) for (const m of list) if (!byId.has(m.id.toLowerCase())) byId.set(m.id.toLowerCase(), m);
    return [...byId.values()].sort(byName).slice(0, PEOPLE_RESULTS_MAX);
  }
}

/** The answer's shape: `guest` only when true (coordinators see guests, marked as such). */
