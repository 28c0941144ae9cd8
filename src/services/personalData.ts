// What the people area itself holds about a person: profile, name record, granted roles, and the
// conversation reference used to message them. Other areas register their own holders in app.ts.
import type { ConversationReferenceStore, PersonalDataHolder, PersonRepository, ProfileRepository, RoleRepository } from '../domain/ports.js';

export function peopleDataHolder(deps: { profiles: ProfileRepository; persons: PersonRepository; roles: RoleRepository; conversations: ConversationReferenceStore }): PersonalDataHolder {
  return {
    area: 'people',
    async export(userId) {
      const [profile, person, roles] = await Promise.all([deps.profiles.get(userId), deps.persons.get(userId), deps.roles.list(userId)]);
      return { person, profile, roles };
    },
    async erase(userId) {
      await Promise.all([deps.profiles.delete(userId), deps.persons.delete(userId), deps.roles.set(userId, []), deps.conversations.deletePersonal(userId)]);
    },
  };
}
