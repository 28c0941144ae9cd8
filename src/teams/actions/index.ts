// Every card action handler, keyed by verb (src/cards/verbs.ts). Areas add theirs here.
import type { CardAction } from '../cardActionRouter.js';
import type { Command } from '../commandRouter.js';
import { saveProfileAction } from './profile.js';
import { runCommandAction } from './runCommand.js';
import { saveNotificationSettingsAction } from './notificationSettings.js';

export function allCardActions(commands: readonly Command[]): CardAction[] {
  return [saveProfileAction, runCommandAction(() => commands), saveNotificationSettingsAction];
}
