// Every card action handler, keyed by verb (src/cards/verbs.ts). Areas add theirs here.
import type { CardAction } from '../cardActionRouter.js';
import type { Command } from '../commandRouter.js';
import { saveProfileActionWith } from './profile.js';
import { runCommandAction } from './runCommand.js';
import { forgetConfirmAction, forgetKeepAction } from './privacy.js';
import { channelCardActions } from './channels.js';
import { facilitationActions } from './facilitation.js';
import { eventCardActions } from './events.js';
import { saveNotificationSettingsAction } from './notificationSettings.js';
import { feedbackAction } from './feedback.js';

export function allCardActions(commands: readonly Command[]): CardAction[] {
  const actions: CardAction[] = [];
  // A saved profile may continue into the action its card carried (e.g. a first join).
  const byVerb = (verb: string) => actions.find((a) => a.verb === verb);
  actions.push(saveProfileActionWith(byVerb), runCommandAction(() => commands), forgetConfirmAction, forgetKeepAction, ...channelCardActions, ...facilitationActions, ...eventCardActions, feedbackAction, saveNotificationSettingsAction);
  return actions;
}
