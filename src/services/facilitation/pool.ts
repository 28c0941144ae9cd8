// The facilitator pool: coordinators add and remove people for their hubs; facilitators keep
// their own profile (skills, formats, availability, dates away, monthly cap, paused).
import { errorSummary } from '../../logging.js';
import type { Actor, UserId } from '../../domain/people/person.js';
import { isValidUserId } from '../../domain/people/person.js';
import { hubsWithRole, isAdmin, requireRole } from '../../domain/people/authorisation.js';
import { forbidden, invalid, notFound } from '../../domain/errors.js';
import { applyFacilitatorInput, newFacilitator, parseHubs, type Facilitator } from '../../domain/facilitation/facilitator.js';
import { NOTICE_KIND, type FacilitationDeps } from './deps.js';
import { poolWelcomeMessage } from '../../cards/facilitation/profile.js';
import type { RequestLifecycle } from './lifecycle.js';

export class FacilitatorPool {
  constructor(
    private readonly deps: Pick<FacilitationDeps, 'clock' | 'logger' | 'pool' | 'notifier'>,
    /** Offers held by someone who leaves the pool move on. */
    private readonly requests: Pick<RequestLifecycle, 'releaseOffersOf'>,
  ) {}

  /** GET /api/facilitators — coordinators see the whole pool (facilitators often cross hubs). */
  async list(actor: Actor): Promise<Facilitator[]> {
    requireRole(actor, 'coordinator', undefined, 'see the facilitator pool');
    return this.deps.pool.list();
  }

  /** POST /api/facilitators — adds someone for hubs the coordinator runs; adding again adds hubs. */
  async add(actor: Actor, input: Record<string, unknown>): Promise<{ facilitator: Facilitator; created: boolean }> {
    requireRole(actor, 'coordinator', undefined, 'add facilitators');
    const userId = typeof input.userId === 'string' ? input.userId.trim() : input.userId;
    if (!isValidUserId(userId)) throw invalid('userId must be the person’s Entra object id.', { field: 'userId' });
    const hubs = parseHubs(input.hubs);
    const mine = hubsWithRole(actor, 'coordinator');
    if (!isAdmin(actor) && hubs.some((h) => !mine.includes(h) || h === 'kent-medway')) throw forbidden('You can only add facilitators to the hubs you coordinate.');
    const now = this.deps.clock.now();
    const fresh = newFacilitator(userId, hubs, now);
    if (await this.deps.pool.create(fresh)) {
      this.deps.logger.info({ hubs }, 'facilitator added');
      try {
        await this.deps.notifier.notify(userId, poolWelcomeMessage(fresh), `facilitator-added:${userId}:${now.getTime()}`, NOTICE_KIND);
      } catch (e) {
        this.deps.logger.warn({ err: errorSummary(e) }, 'facilitator welcome not sent');
      }
      return { facilitator: fresh, created: true };
    }
    const merged = await this.deps.pool.update(userId, (current) =>
      hubs.every((h) => current.hubs.includes(h)) ? undefined : { ...current, hubs: [...new Set([...current.hubs, ...hubs])], updatedAt: now },
    );
    if (!merged) throw notFound('That person is not in the facilitator pool.');
    return { facilitator: merged, created: false };
  }

  /** DELETE /api/facilitators/{userId} — any offer they hold moves on; confirmed sessions stand. */
  async remove(actor: Actor, userId: unknown): Promise<void> {
    requireRole(actor, 'coordinator', undefined, 'remove facilitators');
    if (!isValidUserId(userId)) throw invalid('That is not a valid user id.');
    const current = await this.deps.pool.get(userId);
    if (!current) throw notFound('That person is not in the facilitator pool.');
    const mine = hubsWithRole(actor, 'coordinator');
    if (!isAdmin(actor) && !current.hubs.some((h) => mine.includes(h))) throw forbidden('You can only remove facilitators from the hubs you coordinate.');
    await this.deps.pool.delete(userId);
    this.deps.logger.info('facilitator removed');
    await this.requests.releaseOffersOf(userId);
  }

  async get(userId: UserId): Promise<Facilitator | null> {
    return this.deps.pool.get(userId);
  }

  /** GET /api/facilitators/me */
  async mine(actor: Actor): Promise<Facilitator> {
    const f = await this.deps.pool.get(actor.id);
    if (!f) throw notFound('You are not in the facilitator pool. A hub coordinator can add you.');
    return f;
  }

  /** PUT /api/facilitators/me and facilitator.save: only people in the pool. */
  async saveMine(actor: Actor, input: Record<string, unknown>): Promise<Facilitator> {
    if (!(await this.deps.pool.get(actor.id))) throw forbidden('Only people in the facilitator pool can set facilitation availability. Ask your hub coordinator to add you.');
    const now = this.deps.clock.now();
    const saved = await this.deps.pool.update(actor.id, (current) => applyFacilitatorInput(current, input, now));
    if (!saved) throw forbidden('You are no longer in the facilitator pool.');
    return saved;
  }
}
