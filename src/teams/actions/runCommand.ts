import type { CardAction } from '../cardActionRouter.js';
import type { Command } from '../commandRouter.js';
import { Verbs } from '../../cards/verbs.js';
import { matchCommand } from '../commandRouter.js';
import { invalid } from '../../domain/errors.js';
import { buildHelpCard } from '../commands/help.js';

/**
 * command.run — a button that runs a chat command (e.g. "Browse channels" on the help card).
 * The command's answer arrives as a new message; the card itself stays as it was.
 */
export function runCommandAction(allCommands: () => readonly Command[]): CardAction {
  return {
    verb: Verbs.runCommand,
    async run(turn, data) {
      const text = typeof data.command === 'string' ? data.command.slice(0, 200) : '';
      const match = matchCommand(allCommands(), text);
      if (!text || match.kind !== 'command') throw invalid('That button does not run a command I know.');
      await match.command.run(turn, match.args);
      return { card: buildHelpCard(allCommands(), turn.scope) };
    },
  };
}
