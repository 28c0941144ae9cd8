// Shapes of the HTTP API (interfaces.md), as the tab sees them.
// Hubs and professions come from the domain (pure TypeScript, shared with the server).
export { HUB_NAMES, type Hub } from '../domain/people/hubs';
export { PROFESSIONS, type Profession } from '../domain/people/professions';
import type { Hub } from '../domain/people/hubs';
import { PROFESSION_NAMES as NAMES_BY_CODE } from '../domain/people/professions';

/** Display names by profession code; indexed with codes that arrive as plain strings from the API. */
export const PROFESSION_NAMES: Record<string, string> = NAMES_BY_CODE;

export interface RoleGrant {
  role: 'coordinator' | 'organiser';
  hubs: Hub[];
}

export interface Me {
  id: string;
  name: string;
  guest: boolean;
  profile: { profession: string; hub: Hub; pcn: string; organisation: string } | null;
  roles: RoleGrant[];
}

export interface ListResponse<T> {
  items: T[];
  next?: string;
}

export const hasRole = (me: Me | null, role: RoleGrant['role']) =>
  !!me?.roles.some((g) => g.role === role || (role === 'organiser' && g.role === 'coordinator'));
