// Wires the people area: profiles, names, granted roles, the people service (who is acting, their
// profile, roles, coordinators of a hub) and what the area holds for "my data" / "forget me".
import type { Config } from '../config.js';
import type { Clock, ConversationReferenceStore, PersonalDataHolder, PersonRepository, ProfileRepository, RoleRepository } from '../domain/ports.js';
import type { Storage } from '../storage/storage.js';
import { TableProfileRepository } from '../storage/profileRepository.js';
import { TableRoleRepository } from '../storage/roleRepository.js';
import { TablePersonRepository } from '../storage/personRepository.js';
import { TablePersonNameIndex } from '../storage/personNameIndex.js';
import { PeopleService } from '../services/people.js';
import { peopleDataHolder } from '../services/personalData.js';

/** What the people area offers the edges. */
export interface PeopleArea {
  profiles: ProfileRepository;
  roles: RoleRepository;
  /** Names of people the app has met. */
  persons: PersonRepository;
  people: PeopleService;
  /** The words people are found by (kept by `persons`; read by people search). */
  peopleNames: TablePersonNameIndex;
}

export function composePeople(d: { config: Config; clock: Clock; storage: Storage; conversations: ConversationReferenceStore }): { area: PeopleArea; dataHolder: PersonalDataHolder } {
  const profiles = new TableProfileRepository(d.storage.table('profiles'));
  const roles = new TableRoleRepository(d.storage.table('roles'));
  const peopleNames = new TablePersonNameIndex(d.storage.table('peopleNames'));
  const persons = new TablePersonRepository(d.storage.table('profiles'), peopleNames);
  const people = new PeopleService({ config: d.config, clock: d.clock, profiles, roles, persons });
  return { area: { profiles, roles, persons, people, peopleNames }, dataHolder: peopleDataHolder({ profiles, persons, roles, conversations: d.conversations }) };
}
