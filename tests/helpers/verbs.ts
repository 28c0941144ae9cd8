import { allCommands } from '../../src/teams/commands/index.js';
import { allCardActions } from '../../src/teams/actions/index.js';

let cached: Set<string> | undefined;

/** The verbs the app's card-action router handles. */
export function handledVerbs(): Set<string> {
  cached ??= new Set(allCardActions(allCommands()).map((a) => a.verb));
  return cached;
}
