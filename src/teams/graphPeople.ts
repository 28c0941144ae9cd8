// People search's Microsoft Graph source: the organisation's directory, so coordinators can choose
// someone the app has not met yet. GET /users?$search="displayName:…" (needs the ConsistencyLevel:
// eventual header), $select=id,displayName,mail,userPrincipalName, $top. App-only for now
// (User.ReadBasic.All); on behalf of the caller once a delegated token reaches the bot.
// Throttling waits within a small budget (a person is typing); past it, or when Graph fails, this
// source answers nothing and the people the app knows still do.
import type { Logger } from '../logging.js';
import { nameMatches, lookupWord, type PeopleSource, type PersonMatch } from '../domain/people/search.js';
import { GraphUnavailable, type GraphAppClient } from './graphApp.js';

/** A directory user of another organisation (B2B guest): their UPN carries #EXT#. */
const isGuestUpn = (upn: unknown) => typeof upn === 'string' && upn.includes('#EXT#');

export class GraphDirectoryPeople implements PeopleSource {
  constructor(
    private readonly graph: GraphAppClient,
    private readonly logger: Logger,
    /** Longest wait for Retry-After while someone types. */
    private readonly maxWaitMs = 2000,
  ) {}

  async find(wanted: readonly string[], options: { limit: number; guests: boolean }): Promise<PersonMatch[]> {
    // Query words are letters and digits only (domain/text.ts words), so nothing needs escaping.
    const word = lookupWord(wanted);
    const query = new URLSearchParams({ $search: `"displayName:${word}"`, $select: 'id,displayName,mail,userPrincipalName', $top: String(Math.min(50, options.limit * 2)) });
    let answer;
    try {
      answer = await this.graph.call('GET', `/users?${query.toString()}`, undefined, { headers: { ConsistencyLevel: 'eventual' }, maxWaitMs: this.maxWaitMs, maxAttempts: 3 });
    } catch (e) {
      if (e instanceof GraphUnavailable) return [];
      throw e;
    }
    if (answer.status !== 200) {
      this.logger.warn({ status: answer.status }, 'directory search unavailable');
      return [];
    }
    const users = Array.isArray(answer.body?.value) ? (answer.body.value as Record<string, unknown>[]) : [];
    const found: PersonMatch[] = [];
    for (const u of users) {
      if (typeof u.id !== 'string' || typeof u.displayName !== 'string' || !nameMatches(u.displayName, wanted)) continue;
      const guest = isGuestUpn(u.userPrincipalName);
      if (guest && !options.guests) continue;
      const email = typeof u.mail === 'string' && u.mail ? u.mail : undefined;
      found.push({ id: u.id, name: u.displayName, guest, ...(email && !guest ? { email } : {}) });
      if (found.length >= options.limit) break;
    }
    return found;
  }
}
