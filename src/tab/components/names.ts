// Words people read instead of the codes the API speaks: hubs, professions, roles, skills.
import { HUB_NAMES, PROFESSION_NAMES, type RoleGrant } from '../types';

/** "North Kent (including Medway)"; an unknown code is shown as it came. */
export const hubName = (hub: string) => (HUB_NAMES as Record<string, string>)[hub] ?? hub;

/** Short hub names for tight places: "North Kent", "All of Kent & Medway". */
export const hubShortName = (hub: string) => hubName(hub).replace(/ \(including Medway\)$/, '');

export const professionName = (p: string) => PROFESSION_NAMES[p] ?? p;

/** A skill is a profession code or free text ("motivational interviewing"). */
export const skillName = (s: string) => PROFESSION_NAMES[s] ?? s;

export const ROLE_NAMES: Record<RoleGrant['role'], string> = { organiser: 'Organiser', coordinator: 'Hub coordinator' };

/** "Hub coordinator for West Kent, East Kent" / "Organiser for all of Kent & Medway". */
export function roleText(g: RoleGrant): string {
  const hubs = g.hubs.includes('kent-medway') ? 'all of Kent & Medway' : g.hubs.map(hubShortName).join(', ');
  return `${ROLE_NAMES[g.role] ?? g.role} for ${hubs}`;
}

/** "a, b and c" */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "healthcare assistants (HCA)", "GPs", "practice nurses" — as a sentence says who something is for. */
export function professionPlural(p: string): string {
  if (p === 'other') return 'other professions';
  const name = professionName(p);
  const [, main, tail = ''] = /^(.*?)( \(.*\))?$/.exec(name) ?? [name, name];
  const first = /^[A-Z][a-z]/.test(main) ? main[0].toLowerCase() + main.slice(1) : main;
  return `${first}s${tail}`;
}
