// People: who is acting (identity + granted roles), their profile, and role management.
import type { Config } from '../config.js';
import type { Clock, PersonRepository, ProfileRecord, ProfileRepository, RoleRepository } from '../domain/ports.js';
import type { Actor, GrantedRole, RoleGrant, UserId } from '../domain/people/person.js';
import { GRANTED_ROLES, isValidUserId } from '../domain/people/person.js';
import { HUBS, parseHub, type Hub } from '../domain/people/hubs.js';
import { parseProfession, PROFESSIONS } from '../domain/people/professions.js';
import { requireRole, isAdmin, hubsWithRole } from '../domain/people/authorisation.js';
import { invalid, AppError, forbidden } from '../domain/errors.js';
import { cleanText } from '../domain/text.js';

/** Who the caller is, as told by Teams (activity) or the tab's token. */
export interface Identity {
  id: UserId;
  name: string;
  tenantId?: string;
  /** Teams said so (`userRole: guest`) or the token says so (`acct = 1`). */
  guest?: boolean;
}

export interface MeView {
  id: UserId;
  name: string;
  guest: boolean;
  profile: { profession: string; hub: string; pcn: string; organisation: string } | null;
  roles: RoleGrant[];
}

export interface PeopleDeps {
  config: Config;
  clock: Clock;
  profiles: ProfileRepository;
  roles: RoleRepository;
  persons: PersonRepository;
}

/** How many people's names this process remembers having stored (saves a write per request). */
const REMEMBERED_LIMIT = 20_000;

export class PeopleService {
  private readonly remembered = new Map<UserId, string>();

  constructor(private readonly deps: PeopleDeps) {}

  /** True when `tenantId` is not the hubs' own tenant (people from other organisations are guests). */
  isForeignTenant(tenantId: string | undefined): boolean {
    const home = this.deps.config.homeTenantId;
    return !!home && !!tenantId && tenantId.toLowerCase() !== home.toLowerCase();
  }

  async actor(identity: Identity): Promise<Actor> {
    if (!isValidUserId(identity.id)) throw new AppError('unauthenticated', 'I could not tell who you are.');
    const told = (identity.name || '').trim().slice(0, 200);
    const guest = !!identity.guest || this.isForeignTenant(identity.tenantId);
    // The roles, the known name (when not told) and remembering a told name are independent reads and writes.
    const [stored, known] = await Promise.all([
      this.deps.roles.list(identity.id),
      told ? this.remember({ id: identity.id, name: told, tenantId: identity.tenantId, guest }).then(() => told) : this.knownName(identity.id),
    ]);
    return {
      id: identity.id,
      // A caller that does not say the name (dev header left out) keeps the name we know.
      name: known || 'Someone',
      tenantId: identity.tenantId,
      guest,
      roles: mergeGrants([...stored, ...this.configGrants(identity.id)]),
    };
  }

  private async knownName(userId: UserId): Promise<string | undefined> {
    const cached = this.remembered.get(userId);
    if (cached !== undefined) return cached.slice(0, cached.indexOf('|'));
    return (await this.deps.persons.get(userId))?.name;
  }

  /** Stores the person's name when it is new or changed, so others' cards and rosters can show it. */
  private async remember(actor: Pick<Actor, 'id' | 'name' | 'tenantId' | 'guest'>): Promise<void> {
    const key = `${actor.name}|${actor.guest}|${actor.tenantId ?? ''}`;
    if (this.remembered.get(actor.id) === key) return;
    await this.deps.persons.save({ userId: actor.id, name: actor.name, tenantId: actor.tenantId, guest: actor.guest, lastSeenAt: this.deps.clock.now() });
    if (this.remembered.size >= REMEMBERED_LIMIT) this.remembered.delete(this.remembered.keys().next().value as UserId);
    this.remembered.set(actor.id, key);
  }

  /** Forgets the in-process memory of a person (after "forget me"). */
  forgetCached(userId: UserId): void {
    this.remembered.delete(userId);
  }

  /** Display names for ids (the person's own record, else their profile's, else "Unknown person"). */
  async names(ids: readonly UserId[]): Promise<Map<UserId, string>> {
    const unique = [...new Set(ids)].filter(isValidUserId);
    const found = await Promise.all(
      unique.map(async (id) => {
        const person = await this.deps.persons.get(id);
        if (person) return [id, person.name] as const;
        const profile = await this.deps.profiles.get(id);
        return [id, profile?.name ?? 'Unknown person'] as const;
      }),
    );
    return new Map(found);
  }

  /** Coordinators named in ADMIN_AAD_OBJECT_IDS: the first coordinators, before roles are data. */
  configGrants(userId: UserId): RoleGrant[] {
    const hubs = this.deps.config.admins.filter((a) => a.objectId.toLowerCase() === userId.toLowerCase()).map((a) => a.hub ?? 'kent-medway');
    return hubs.length ? [{ role: 'coordinator', hubs }] : [];
  }

  async me(actor: Actor): Promise<MeView> {
    const profile = await this.deps.profiles.get(actor.id);
    return {
      id: actor.id,
      name: actor.name,
      guest: actor.guest || !!profile?.guest,
      profile: profile ? { profession: profile.profession, hub: profile.hub, pcn: profile.pcn, organisation: profile.organisation } : null,
      roles: actor.roles,
    };
  }

  getProfile(userId: UserId): Promise<ProfileRecord | null> {
    return this.deps.profiles.get(userId);
  }

  async saveProfile(actor: Actor, input: Record<string, unknown>): Promise<ProfileRecord> {
    const profession = parseProfession(input.profession);
    if (!profession) throw invalid(`Choose your profession from the list (${PROFESSIONS.join(', ')}).`, { field: 'profession' });
    const hub = parseHub(input.hub);
    if (!hub) throw invalid(`Choose your training hub: ${HUBS.join(', ')}.`, { field: 'hub' });
    const pcn = cleanText(input.pcn, 100);
    if (pcn === null) throw invalid('The PCN name must be text of at most 100 characters.', { field: 'pcn' });
    const organisation = cleanText(input.organisation, 120);
    if (organisation === null) throw invalid('The organisation must be text of at most 120 characters.', { field: 'organisation' });
    if (!actor.guest && !pcn) throw invalid('Tell us your Primary Care Network (PCN).', { field: 'pcn' });
    if (!organisation) throw invalid('Tell us your organisation or practice.', { field: 'organisation' });
    const record: ProfileRecord = {
      userId: actor.id,
      name: actor.name,
      guest: actor.guest,
      tenantId: actor.tenantId,
      profession,
      hub,
      pcn,
      organisation,
      updatedAt: this.deps.clock.now(),
    };
    await this.deps.profiles.save(record);
    return record;
  }

  /**
   * GET /api/roles — who holds a role now (coordinators see it before changing anyone's). Those from
   * ADMIN_AAD_OBJECT_IDS are marked: configuration, not data, so the tab cannot change them.
   */
  async roleHolders(actor: Actor): Promise<{ userId: UserId; name: string; roles: RoleGrant[]; fromConfiguration: boolean }[]> {
    requireRole(actor, 'coordinator', undefined, 'see who holds roles');
    const [organisers, coordinators] = await Promise.all([this.deps.roles.listHolders('organiser'), this.deps.roles.listHolders('coordinator')]);
    const grants = new Map<UserId, RoleGrant[]>();
    const add = (userId: UserId, grant: RoleGrant) => grants.set(userId, [...(grants.get(userId) ?? []), grant]);
    organisers.forEach((h) => add(h.userId, { role: 'organiser', hubs: h.hubs }));
    coordinators.forEach((h) => add(h.userId, { role: 'coordinator', hubs: h.hubs }));
    const configured = new Set(this.deps.config.admins.map((a) => a.objectId).filter(isValidUserId));
    for (const id of configured) this.configGrants(id).forEach((g) => add(id, g));
    const names = await this.names([...grants.keys()]);
    return [...grants]
      .map(([userId, list]) => ({ userId, name: names.get(userId) ?? 'Unknown person', roles: mergeGrants(list), fromConfiguration: configured.has(userId) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  }

  /** PUT /api/users/{userId}/roles — coordinators grant roles for the hubs they coordinate. */
  async setRoles(actor: Actor, userId: unknown, input: { roles?: unknown; hubs?: unknown }): Promise<RoleGrant[]> {
    if (!isValidUserId(userId)) throw invalid('That is not a valid user id.');
    requireRole(actor, 'coordinator', undefined, 'change roles');
    if (!Array.isArray(input.roles) || input.roles.some((r) => !(GRANTED_ROLES as readonly unknown[]).includes(r))) {
      throw invalid('roles must be a list of "organiser" and/or "coordinator".', { field: 'roles' });
    }
    if (!Array.isArray(input.hubs) || input.hubs.length > HUBS.length) throw invalid('hubs must be a list of hub codes.', { field: 'hubs' });
    const hubs: Hub[] = [];
    for (const h of input.hubs) {
      const hub = parseHub(h);
      if (!hub) throw invalid(`Unknown hub "${String(h).slice(0, 40)}". Hubs: ${HUBS.join(', ')}.`, { field: 'hubs' });
      if (!hubs.includes(hub)) hubs.push(hub);
    }
    const roles = [...new Set(input.roles as GrantedRole[])];
    if (roles.length > 0 && hubs.length === 0) throw invalid('Give at least one hub for the roles.', { field: 'hubs' });
    // A coordinator manages roles only within the hubs they coordinate; only an admin grants kent-medway.
    const mine = hubsWithRole(actor, 'coordinator');
    const current = await this.deps.roles.list(userId);
    const touched = new Set<Hub>([...hubs, ...current.flatMap((g) => g.hubs)]);
    if (!isAdmin(actor) && [...touched].some((h) => !mine.includes(h) || h === 'kent-medway')) {
      throw forbidden('You can only change roles for the hubs you coordinate.');
    }
    const grants: RoleGrant[] = roles.map((role) => ({ role, hubs }));
    await this.deps.roles.set(userId, grants);
    return grants;
  }
}

function mergeGrants(grants: RoleGrant[]): RoleGrant[] {
  const byRole = new Map<GrantedRole, Set<Hub>>();
  for (const g of grants) {
    const set = byRole.get(g.role) ?? new Set<Hub>();
    g.hubs.forEach((h) => set.add(h));
    byRole.set(g.role, set);
  }
  return [...byRole].map(([role, hubs]) => ({ role, hubs: [...hubs] }));
}
