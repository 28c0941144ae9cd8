import type { CardAction } from '../cardActionRouter.js';
import { Verbs } from '../../cards/verbs.js';
import { notificationSettingsCard, settingsAnswers } from '../../cards/notifications/settings.js';

/** notifications.settings.save — saves the switches of whoever pressed Save; bad input answers 400 and changes nothing. */
export const saveNotificationSettingsAction: CardAction = {
  verb: Verbs.notificationSettingsSave,
  async run(turn, data) {
    const view = await turn.services.notifications.savePreferences(turn.actor, data);
    return { card: notificationSettingsCard({ kinds: view.kinds, status: settingsAnswers.saved }) };
  },
  form: async (turn) => notificationSettingsCard({ kinds: (await turn.services.notifications.preferences(turn.actor)).kinds }),
};
