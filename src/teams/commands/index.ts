// Every chat command, in the order help lists them within a group. Areas add theirs here.
import type { Command } from '../commandRouter.js';
import { helpCommand } from './help.js';
import { profileCommand } from './profile.js';
import { forgetMeCommand, myDataCommand } from './privacy.js';
import { channelCommands } from './channels.js';
import { facilitatorCommand, myRequestsCommand, requestFacilitatorCommand } from './facilitation.js';
import { eventCommands } from './events.js';
import { settingsCommand } from './settings.js';

export function allCommands(): Command[] {
  const commands: Command[] = [];
  commands.push(helpCommand(() => commands), profileCommand);
  commands.push(myDataCommand, forgetMeCommand);
  commands.push(...channelCommands);
  commands.push(requestFacilitatorCommand, myRequestsCommand, facilitatorCommand);
  commands.push(...eventCommands);
  commands.push(settingsCommand);
  return commands;
}
