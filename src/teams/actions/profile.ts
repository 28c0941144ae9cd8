import type { CardAction } from '../cardActionRouter.js';
import { Verbs } from '../../cards/verbs.js';
import { profileAnswers, profileCard } from '../../cards/people/profile.js';
import { plainObject } from '../../domain/input.js';

/**
 * profile.save — invalid input answers 400 with the reason (Teams shows it under the card).
 * A profile card shown before something else (e.g. a first join) carries `then: { verb, data }`
 * in its saveData: after saving, that action runs and its answer replaces the card.
 */
export function saveProfileActionWith(next: (verb: string) => CardAction | undefined): CardAction {
  return {
    verb: Verbs.profileSave,
    async run(turn, data) {
      const saved = await turn.services.people.saveProfile(turn.actor, data);
      const then = plainObject(data.then);
      const verb = typeof then?.verb === 'string' && then.verb !== Verbs.profileSave ? then.verb : undefined;
      const action = verb ? next(verb) : undefined;
      if (action) return action.run(turn, plainObject(then?.data) ?? {});
      return { card: profileCard({ profile: saved, status: profileAnswers.saved }) };
    },
  };
}

export const saveProfileAction: CardAction = saveProfileActionWith(() => undefined);
