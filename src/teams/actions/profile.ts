import type { CardAction } from '../cardActionRouter.js';
import { Verbs } from '../../cards/verbs.js';
import { profileCard } from '../../cards/builders/profile.js';

/** profile.save — invalid input answers 400 with the reason (Teams shows it under the card). */
export const saveProfileAction: CardAction = {
  verb: Verbs.profileSave,
  async run(turn, data) {
    const saved = await turn.services.people.saveProfile(turn.actor, data);
    return { card: profileCard({ profile: saved, status: 'Saved. Thank you!' }) };
  },
};
