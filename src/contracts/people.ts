// People as the API answers them: who I am (GET /api/me) and role grants (PUT /api/users/{id}/roles).
import type { Actor, Profile, RoleGrant, UserId } from '../domain/people/person.js';
import type { PersonMatch } from '../domain/people/search.js';

export type { RoleGrant };

/** GET /api/me and PUT /api/me/profile */
export interface MeJson {
  id: UserId;
  name: string;
  guest: boolean;
  profile: Profile | null;
  roles: RoleGrant[];
}

export function meJson(actor: Actor, profile: (Profile & { guest?: boolean }) | null): MeJson {
  return {
    id: actor.id,
    name: actor.name,
    guest: actor.guest || !!profile?.guest,
    profile: profile ? { profession: profile.profession, hub: profile.hub, pcn: profile.pcn, organisation: profile.organisation } : null,
    roles: actor.roles,
  };
}

/** PUT /api/users/{userId}/roles */
export interface RolesAnswer {
  userId: UserId;
  roles: RoleGrant[];
}

/** One person in GET /api/people (the people picker): never a guest's details to anyone but coordinators. */
export interface PersonJson {
  id: UserId;
  name: string;
  email?: string;
  profession?: string;
  hub?: string;
  guest?: true;
}

/** GET /api/people?q= */
export interface PeopleAnswer {
  items: PersonJson[];
}

export const personJson = (m: PersonMatch): PersonJson => ({
  id: m.id,
  name: m.name,
  ...(m.email ? { email: m.email } : {}),
  ...(m.profession ? { profession: m.profession } : {}),
  ...(m.hub ? { hub: m.hub } : {}),
  ...(m.guest ? { guest: true as const } : {}),
});
