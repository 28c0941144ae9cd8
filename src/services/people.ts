// People: who is acting (identity + granted roles), their profile, and role management.
import type { Config } from '../config.js';
import type { Clock, PersonRepository, ProfileRecord, ProfileRepository, RoleRepository } from '../domain/ports.js';
import type { Actor, GrantedRole, RoleGrant, UserId } from '../domain/people/person.js';
import { GRANTED_ROLES, isMailbox, isValidUserId } from '../domain/people/person.js';
import { HUBS, hubCovers, parseHub, type Hub } from '../domain/people/hubs.js';
import { parseProfession, PROFESSIONS } from '../domain/people/professions.js';
import { requireRole, isAdmin, hubsWithRole } from '../domain/people/authorisation.js';
import { invalid, AppError, forbidden } from '../domain/errors.js';
import { runLimited } from '../domain/async.js';
import { cleanText } from '../domain/text.js';
import { meJson, type MeJson } from '../contracts/people.js';

/** Who the caller is, as told by Teams (activity) or the tab's token. */
export interface Identity {
  id: UserId;
  name: string;
  tenantId?: string;
  /** Teams said so (`userRole: guest`) or the token says so (`acct = 1`). */
  guest?: boolean;
  /** Their mailbox, when the sign-in token names one (Teams activities never do). */
  email?: string;
}

/** How calendar invites name someone: display name, and mailbox when one is known. */
export interface Contact {
  name: string;
  email?: string;
}

/** What an event's organisers may see of someone on its roster (guests: coordinators only). */
export interface PersonDetails {
  name: string;
  /** The app has met them (a record or a profile). */
  known: boolean;
  guest: boolean;
  email?: string;
  profession?: string;
  pcn?: string;
  organisation?: string;
}

/** Everything the people service may touch. */
export interface PeopleDeps {
  config: Pick<Config, 'homeTenantId' | 'admins'>;
  clock: Clock;
  profiles: ProfileRepository;
  roles: RoleRepository;
  persons: PersonRepository;
}

/** How many people's names this process remembers having stored (saves a write per request). */
const REMEMBERED_LIMIT = 20_000;

export class PeopleService {
  private readonly remembered = new Map<UserId, { name: string; key: string; email?: string }>();

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
    // Storing a told name (and mailbox) runs beside the request (nothing in it needs the stored
    // copy; this instance's own later reads and erasure of the person wait for the write). Roles come
    // from the role store's per-instance copy, so a request normally waits for no storage here.
    if (told) void this.remember({ id: identity.id, name: told, tenantId: identity.tenantId, guest, email: identity.email }).catch(() => undefined);
    const [stored, known] = await Promise.all([this.deps.roles.list(identity.id), told || this.knownName(identity.id)]);
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
    if (cached !== undefined) return cached.name;
    return (await this.deps.persons.get(userId))?.name;
  }

  /** Stores the person's name when it is new or changed, so others' cards and rosters can show it (retried on the next request if it fails). */
  private async remember(actor: Pick<Actor, 'id' | 'name' | 'tenantId' | 'guest'> & { email?: string }): Promise<void> {
    const key = `${actor.name}|${actor.guest}|${actor.tenantId ?? ''}`;
    const known = this.remembered.get(actor.id);
    // A call without the mailbox (the bot) keeps the stored one; a mailbox told anew is saved.
    if (known?.key === key && (!actor.email || known.email === actor.email)) return;
    await this.deps.persons.save({ userId: actor.id, name: actor.name, tenantId: actor.tenantId, guest: actor.guest, email: actor.email, lastSeenAt: this.deps.clock.now() });
    if (this.remembered.size >= REMEMBERED_LIMIT) this.remembered.delete(this.remembered.keys().next().value as UserId);
    this.remembered.set(actor.id, { name: actor.name, key, email: actor.email ?? known?.email });
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

  /** Names and known mailboxes for ids (calendar invites); people never met get "Unknown person". */
  async contacts(ids: readonly UserId[]): Promise<Map<UserId, Contact>> {
    const unique = [...new Set(ids)].filter(isValidUserId);
    const found = await Promise.all(
      unique.map(async (id) => {
        const person = await this.deps.persons.get(id);
        if (person) return [id, { name: person.name, ...(person.email ? { email: person.email } : {}) }] as const;
        const profile = await this.deps.profiles.get(id);
        return [id, { name: profile?.name ?? 'Unknown person' }] as const;
      }),
    );
    return new Map(found);
  }

  /**
   * Name, mailbox, guest flag and profile of each id (rosters, matching Teams attendance by email).
   * People never met come back `known: false`.
   */
  async details(ids: readonly UserId[]): Promise<Map<UserId, PersonDetails>> {
    const unique = [...new Set(ids)].filter(isValidUserId);
    const found = await runLimited(unique, 16, async (id) => {
      const [person, profile] = await Promise.all([this.deps.persons.get(id), this.deps.profiles.get(id)]);
      const d: PersonDetails = {
        name: person?.name ?? profile?.name ?? 'Unknown person',
        known: !!(person || profile),
        guest: !!(person?.guest || profile?.guest),
        ...(person?.email ? { email: person.email } : {}),
        ...(profile ? { profession: profile.profession, pcn: profile.pcn, organisation: profile.organisation } : {}),
      };
      return [id, d] as const;
    });
    return new Map(found);
  }

  /** Whether a mailbox is on record for the person. */
  async hasEmail(userId: UserId): Promise<boolean> {
    if (this.remembered.get(userId)?.email) return true;
    return !!(await this.deps.persons.get(userId))?.email;
  }

  /**
   * Keeps a mailbox learnt elsewhere (Teams' member details, a Graph record) for someone the app
   * already knows and has none for: rosters show it, and guests' Teams attendance is matched by it.
   */
  async recordEmail(userId: UserId, email: unknown): Promise<boolean> {
    if (!isValidUserId(userId) || !isMailbox(email)) return false;
    const cached = this.remembered.get(userId);
    if (cached?.email) return false;
    const person = await this.deps.persons.get(userId);
    if (!person || person.email) return false;
    await this.deps.persons.save({ ...person, email });
    if (cached) cached.email = email;
    return true;
  }

  /** Coordinators named in ADMIN_AAD_OBJECT_IDS: the first coordinators, before roles are data. */
  configGrants(userId: UserId): RoleGrant[] {
    const hubs = this.deps.config.admins.filter((a) => a.objectId.toLowerCase() === userId.toLowerCase()).map((a) => a.hub ?? 'kent-medway');
    return hubs.length ? [{ role: 'coordinator', hubs }] : [];
  }

  /** Coordinators of a hub (granted roles and ADMIN_AAD_OBJECT_IDS); all of Kent & Medway covers everyone. */
  async coordinatorsFor(hub: Hub): Promise<UserId[]> {
    const holders = await this.deps.roles.listHolders('coordinator');
    const ids = holders.filter((h) => h.hubs.some((x) => hubCovers(hub, x))).map((h) => h.userId);
    for (const admin of this.deps.config.admins) if (!admin.hub || hubCovers(hub, admin.hub)) ids.push(admin.objectId);
    return [...new Set(ids)];
  }

  async me(actor: Actor): Promise<MeJson> {
    return meJson(actor, await this.deps.profiles.get(actor.id));
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
