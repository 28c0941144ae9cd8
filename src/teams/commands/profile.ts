import type { Command } from '../commandRouter.js';
import { profileCard } from '../../cards/people/profile.js';
import { cardMessage } from '../replies.js';

export const profileCommand: Command = {
  name: 'profile',
  aliases: ['my profile', 'edit profile'],
  usage: 'profile',
  summary: 'See and edit your profile (profession, hub, PCN, organisation)',
  group: 'Everyone',
  async run(turn) {
    const profile = await turn.services.people.getProfile(turn.actor.id);
    await turn.reply(cardMessage(profileCard({ profile, guest: turn.actor.guest })));
  },
};
