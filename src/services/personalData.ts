// What the people area itself holds about a person: profile, name record, granted roles, and the
// conversation reference used to message them. Other areas register their own holders in app.ts.
import type { ConversationReferenceStore, PersonalDataHolder, PersonRepository, ProfileRepository, RoleRepository } from '../domain/ports.js';
import type { InstallRecords } from '../domain/notifications/install.js';

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

/**
 * Whether the app was installed for the person through Graph. "Forget me" erases it — except the
 * record that they removed the app themselves, kept (id and date only) so it is never installed for
 * them again: their choice outlives their data.
 */
export function appInstallDataHolder(installs: InstallRecords): PersonalDataHolder {
  return {
    area: 'appInstall',
    async export(userId) {
      const r = await installs.get(userId);
      return r ? { state: r.state, by: r.by, at: r.at.toISOString() } : null;
    },
    async erase(userId) {
      const r = await installs.get(userId);
      if (r && r.state !== 'removed') await installs.erase(userId);
    },
  };
}
