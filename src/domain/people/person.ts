import type { Hub } from './hubs.js';
import type { Profession } from './professions.js';

/** People are identified by their Entra (AAD) object id. */
export type UserId = string;

// Ids become table keys, so they must not contain characters Azure Tables forbids in keys.
// eslint-disable-next-line no-control-regex
const SAFE_ID = /^[^/\\#?\u0000-\u001f\u007f-\u009f]{1,128}$/;
export const isValidUserId = (id: unknown): id is UserId => typeof id === 'string' && SAFE_ID.test(id);

// A plain mailbox: no quotes, spaces or `:;,"` (so it can go into a calendar address unescaped).
const MAILBOX = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
export const isMailbox = (value: unknown): value is string => typeof value === 'string' && value.length <= 254 && MAILBOX.test(value);

export interface Profile {
  profession: Profession;
  hub: Hub;
  pcn: string;
  organisation: string;
}

export interface Person {
  id: UserId;
  name: string;
  tenantId?: string;
  /** Someone from another organisation, invited in: may join and book, sees no rosters or profiles. */
  guest: boolean;
}

export type GrantedRole = 'coordinator' | 'organiser';
export const GRANTED_ROLES: readonly GrantedRole[] = ['coordinator', 'organiser'];

export interface RoleGrant {
  role: GrantedRole;
  hubs: Hub[];
}

/** A person acting now, with the roles that were granted to them. */
export interface Actor extends Person {
  roles: RoleGrant[];
}
