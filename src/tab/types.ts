// Shapes of the HTTP API (interfaces.md), as the tab sees them: the server's own answer types from
// src/contracts (type-only: nothing of the server is bundled), so the tab cannot drift from the API.
// Hubs and professions come from the domain (pure TypeScript, shared with the server).
export { HUB_NAMES, type Hub } from '../domain/people/hubs';
export { PROFESSIONS, type Profession } from '../domain/people/professions';
export type { ListResponse } from '../contracts/common';
export type { MeJson as Me, RoleGrant } from '../contracts/people';
import type { MeJson as Me, RoleGrant } from '../contracts/people';
import { PROFESSION_NAMES as NAMES_BY_CODE } from '../domain/people/professions';

/** Display names by profession code; indexed with codes that arrive as plain strings from the API. */
export const PROFESSION_NAMES: Record<string, string> = NAMES_BY_CODE;

export const hasRole = (me: Me | null, role: RoleGrant['role']) =>
  !!me?.roles.some((g) => g.role === role || (role === 'organiser' && g.role === 'coordinator'));
