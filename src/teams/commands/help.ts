import type { Command } from '../commandRouter.js';
import { COMMAND_GROUPS } from '../commandRouter.js';
import type { BotTurn } from '../turn.js';
import { helpCard, QUICK_BUTTONS } from '../../cards/help/help.js';
import { cardMessage } from '../replies.js';

export function buildHelpCard(commands: readonly Command[], scope: BotTurn['scope'], notice?: string) {
  const names = new Set(commands.map((c) => c.name));
  return helpCard({
    commands: commands.map((c) => ({ usage: c.usage, summary: c.summary, group: c.group })),
    groupsInOrder: COMMAND_GROUPS,
    notice,
    buttons: QUICK_BUTTONS.filter((b) => names.has(b.command)),
    scope,
  });
}

export async function sendHelp(turn: BotTurn, commands: readonly Command[], notice?: string): Promise<void> {
  await turn.reply(cardMessage(buildHelpCard(commands, turn.scope, notice)));
}

export function helpCommand(allCommands: () => readonly Command[]): Command {
  return {
    name: 'help',
    aliases: ['hi', 'hello', 'start', '?', 'menu'],
    usage: 'help',
    summary: 'What I do and every command',
    group: 'Everyone',
    run: (turn) => sendHelp(turn, allCommands()),
  };
}
