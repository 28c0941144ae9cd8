import type { CardAction } from '../cardActionRouter.js';
import { Verbs } from '../../cards/verbs.js';
import { forgetDoneCard } from '../../cards/privacy/privacy.js';

export const forgetConfirmAction: CardAction = {
  verb: Verbs.privacyForgetConfirm,
  async run(turn) {
    await turn.services.privacy.forget(turn.actor);
    return { card: forgetDoneCard(true) };
  },
};

export const forgetKeepAction: CardAction = {
  verb: Verbs.privacyForgetKeep,
  async run() {
    return { card: forgetDoneCard(false) };
  },
};
