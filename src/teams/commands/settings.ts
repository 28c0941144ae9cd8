// settings [reminders|booking|channel on|off] — a person's notification settings. In 1:1 chat the
// card with a switch per kind; in a group chat or channel (where others would see the card) a
// change still applies to whoever typed it, answered in a line of text.
import type { Command } from '../commandRouter.js';
import { notificationSettingsCard, settingsAnswers } from '../../cards/notifications/settings.js';
import { parseSettingsCommand } from '../../domain/notifications/preferences.js';
import { cardMessage } from '../replies.js';

export const settingsCommand: Command = {
  name: 'settings',
  aliases: ['notification settings', 'notifications', 'my settings'],
  usage: 'settings [reminders|booking|channel on|off]',
  summary: 'Choose which notifications you get (reminders, booking updates, channel notices)',
  group: 'Everyone',
  async run(turn, args) {
    const service = turn.services.notifications;
    const change = args ? parseSettingsCommand(args) : null;
    let status = '';
    let error = '';
    if (change) {
      await service.setPreference(turn.actor, change.kind, change.on);
      status = settingsAnswers.changed(change.kind, change.on);
    } else if (args) {
      error = settingsAnswers.notUnderstood(args);
    }
    if (turn.scope !== 'personal') {
      await turn.reply(status || (error ? error + ' ' : '') + settingsAnswers.arePersonal);
      return;
    }
    const view = await service.preferences(turn.actor);
    await turn.reply(cardMessage(notificationSettingsCard({ kinds: view.kinds, status, error })));
  },
};
