import type { Command } from '../commandRouter.js';
import { cardMessage } from '../replies.js';
import { forgetConfirmCard, myDataCard } from '../../cards/privacy/privacy.js';

export const myDataCommand: Command = {
  name: 'my data',
  aliases: ['export my data'],
  usage: 'my data',
  summary: 'See everything held about you',
  group: 'Everyone',
  async run(turn) {
    const exported = await turn.services.privacy.export(turn.actor);
    await turn.reply(cardMessage(myDataCard(exported, `${turn.services.config.publicUrl}/tab/privacy`)));
  },
};

export const forgetMeCommand: Command = {
  name: 'forget me',
  aliases: ['erase my data', 'delete my data'],
  usage: 'forget me',
  summary: 'Erase your data (asks to confirm)',
  group: 'Everyone',
  async run(turn) {
    await turn.reply(cardMessage(forgetConfirmCard()));
  },
};
