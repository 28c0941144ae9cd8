// Every chat command, in the order help lists them within a group. Areas add theirs here.
import type { Command } from '../commandRouter.js';
import { helpCommand } from './help.js';
import { profileCommand } from './profile.js';
import { settingsCommand } from './settings.js';

export function allCommands(): Command[] {
  const commands: Command[] = [];
  commands.push(helpCommand(() => commands), profileCommand);
  commands.push(settingsCommand);
  return commands;
}
