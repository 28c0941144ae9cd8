// Who may do what. Channel leads and facilitators are relationships held by their own areas;
// coordinator and organiser are granted roles per hub. A coordinator of a hub may do everything an
// organiser of that hub may. "kent-medway" in a grant means every hub.
import type { Hub } from './hubs.js';
import type { Actor, GrantedRole } from './person.js';
import { forbidden } from '../errors.js';

export function hasRole(actor: Actor, role: GrantedRole, hub?: Hub): boolean {
  return actor.roles.some((grant) => {
    const roleOk = grant.role === role || (role === 'organiser' && grant.role === 'coordinator');
    if (!roleOk) return false;
    if (hub === undefined) return true;
    return grant.hubs.includes('kent-medway') || grant.hubs.includes(hub);
  });
}

/** True for a coordinator of every hub (a bare id in ADMIN_AAD_OBJECT_IDS). */
export function isAdmin(actor: Actor): boolean {
  return actor.roles.some((g) => g.role === 'coordinator' && g.hubs.includes('kent-medway'));
}

export function requireRole(actor: Actor, role: GrantedRole, hub?: Hub, what = 'do that'): void {
  if (!hasRole(actor, role, hub)) {
    const whose = hub && hub !== 'kent-medway' ? ` for this hub` : '';
    throw forbidden(`Only ${role === 'coordinator' ? 'hub coordinators' : 'organisers and coordinators'}${whose} can ${what}.`);
  }
}

/** Hubs the actor holds `role` for ('kent-medway' expands to all). */
export function hubsWithRole(actor: Actor, role: GrantedRole): Hub[] {
  const hubs = new Set<Hub>();
  for (const g of actor.roles) {
    if (g.role === role || (role === 'organiser' && g.role === 'coordinator')) g.hubs.forEach((h) => hubs.add(h));
  }
  if (hubs.has('kent-medway')) return ['north-kent', 'west-kent', 'east-kent', 'kent-medway'];
  return [...hubs];
}
