import type { CardAction } from '../cardActionRouter.js';
import { Verbs } from '../../cards/verbs.js';
import { profileAnswers, profileCard } from '../../cards/people/profile.js';
import { plainObject } from '../../domain/input.js';
import { profileFirstCard } from '../../cards/channels/answers.js';

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
      return { card: profileCard({ profile: saved, status: profileAnswers.saved, guest: turn.actor.guest }) };
    },
    async form(turn, data) {
      // The card a first join showed (its words name the channel), else the plain profile card.
      const then = plainObject(data.then);
      const channelId = then?.verb === Verbs.channelJoin ? plainObject(then.data)?.channelId : undefined;
      const channel = typeof channelId === 'string' ? await turn.services.channels.get(channelId) : null;
      if (channel) return profileFirstCard(channel, turn.actor.guest);
      return profileCard({ profile: await turn.services.people.getProfile(turn.actor.id), guest: turn.actor.guest });
    },
  };
}

export const saveProfileAction: CardAction = saveProfileActionWith(() => undefined);
