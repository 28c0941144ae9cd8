// Facilitation requests and their offers: create, accept, decline, withdraw, cancel, assign by
// hand, and the one step that moves a request on (`advance`), which the expiry job, the sweep and
// every decline or withdrawal share.
//
// Every change is a read → decide → write under the request's ETag (see `transition`). The decision
// is computed from what was read; if anyone wrote in between, it is recomputed from what they wrote.
// Messages and scheduled jobs are sent only by the writer that won, after its write.
import type { Actor, UserId } from '../../domain/people/person.js';
import { isValidUserId } from '../../domain/people/person.js';
import { conflict, forbidden, invalid, isAppError, notFound } from '../../domain/errors.js';
import { hasRole } from '../../domain/people/authorisation.js';
import { isOpen, openOffer, parseRequestInput, peopleIn, tokenOf, type FacilitationRequest, type Offer } from '../../domain/facilitation/request.js';
import { rankCandidates, summariseRejections, type MatchResult } from '../../domain/facilitation/matching.js';
import type { Channel } from '../../domain/channels/channel.js';
import { isCoordinatorFor, newCalendarToken, newOfferId, newRequestId, NOTICE_KIND, OFFER_EXPIRY_JOB, type FacilitationDeps } from './deps.js';
import { offerMessage } from '../../cards/facilitation/offer.js';
import { escalationMessage } from '../../cards/facilitation/escalation.js';
import { facilitationNotices } from '../../cards/facilitation/notices.js';
import type { RequestContext } from '../../cards/facilitation/common.js';
import { nameOf, type AcceptResult, type AssignResult, type CancelResult, type DeclineResult, type WithdrawResult } from '../../contracts/facilitation.js';

type Effect = () => Promise<void>;
type Decision<T> = { next: FacilitationRequest; effects: Effect[]; result: T } | { result: T };

/** How many ranked candidates a request keeps (shown to its lead and coordinators). */
const KEPT_CANDIDATES = 20;
/** Bookings and sessions a year back are enough for fairness (90 days) and continuity. */
const HISTORY_MS = 366 * 86_400_000;


const ID = /^[\w-]{1,64}$/;

export function checkId(value: unknown, what: string): string {
  if (typeof value !== 'string' || !ID.test(value)) throw invalid(`That ${what} is not valid. The card may be out of date.`, { field: what === 'offer' ? 'offerId' : 'requestId' });
  return value;
}

export const offerExpiryKey = (requestId: string, offerId: string) => `facilitation-offer-expiry:${requestId}:${offerId}`;

const exclude = (r: FacilitationRequest, userId: UserId) => {
  if (userId && !r.excluded.includes(userId)) r.excluded.push(userId);
};

const ensureToken = (r: FacilitationRequest, userId: UserId) => {
  if (userId && !tokenOf(r, userId)) r.calendarTokens.push({ userId, token: newCalendarToken() });
};

/** The offer is accepted and the request confirmed with its facilitator. */
function confirm(r: FacilitationRequest, offer: Offer, now: Date): void {
  offer.outcome = 'accepted';
  offer.decidedAt = now;
  r.status = 'confirmed';
  r.facilitatorId = offer.facilitatorId;
  r.confirmedAt = now;
  r.sequence++;
  r.candidates = [{ userId: offer.facilitatorId, reasons: offer.reasons }];
  r.noMatchReasons = [];
  ensureToken(r, r.leadId);
  ensureToken(r, offer.facilitatorId);
}

export class FacilitationRequests {
  constructor(private readonly deps: FacilitationDeps) {}

  private get s() {
    return this.deps.live();
  }

  // ——— The machinery ———

  private async transition<T>(id: string, decide: (current: FacilitationRequest, now: Date) => Promise<Decision<T>>): Promise<{ request: FacilitationRequest; result: T; changed: boolean }> {
    for (let attempt = 1; attempt <= 12; attempt++) {
      const stored = await this.deps.store.get(id);
      if (!stored) throw notFound('That facilitation request does not exist.');
      const now = this.s.clock.now();
      const decision = await decide(structuredClone(stored.request), now);
      if (!('next' in decision)) return { request: stored.request, result: decision.result, changed: false };
      decision.next.updatedAt = now;
      if (await this.deps.store.replace(stored, decision.next)) {
        await this.run(decision.effects);
        return { request: decision.next, result: decision.result, changed: true };
      }
    }
    throw conflict('Too many changes to this request at once. Please try again.');
  }

  private async run(effects: Effect[]): Promise<void> {
    for (const effect of effects) {
      try {
        await effect();
      } catch (e) {
        // The change is stored; a lost message must not undo it or fail the person's action.
        this.s.logger.warn({ err: e instanceof Error ? e.message : String(e) }, 'facilitation side effect failed');
      }
    }
  }

  /** The channel and the names a request's cards need. */
  async context(r: FacilitationRequest, extra: UserId[] = []): Promise<RequestContext & { channel: Channel | null }> {
    const [channel, names] = await Promise.all([this.s.channels.get(r.channelId), this.s.people.names([...peopleIn(r), ...extra])]);
    return { channel, channelName: channel?.name ?? 'a channel', names, publicUrl: this.s.config.publicUrl };
  }

  private notify(userId: UserId, message: { text: string; card?: object }, key: string): Promise<void> {
    if (!userId) return Promise.resolve();
    return this.s.notifier.notify(userId, message, key, NOTICE_KIND);
  }

  private cancelExpiry(r: FacilitationRequest, offer: Offer | undefined): Effect {
    return async () => {
      if (offer) await this.s.scheduler.cancel(offerExpiryKey(r.id, offer.offerId));
    };
  }

  /** Ranks the pool for this request (the pure rules, with the stored load and people's bookings). */
  async match(r: FacilitationRequest, now: Date, channel?: Channel | null): Promise<MatchResult> {
    const ch = channel === undefined ? await this.s.channels.get(r.channelId) : channel;
    const [pool, sessions] = await Promise.all([this.deps.pool.list(), this.deps.store.sessionsFrom(new Date(now.getTime() - HISTORY_MS))]);
    const hopefuls = pool.filter((f) => !f.paused && f.userId !== r.leadId && !r.excluded.includes(f.userId) && f.formats.includes(r.format));
    const busy = new Map<UserId, { start: Date; end: Date }[]>();
    await Promise.all(hopefuls.map(async (f) => busy.set(f.userId, await this.s.bookings.busy(f.userId, r.start, r.end))));
    return rankCandidates({
      request: {
        id: r.id,
        leadId: r.leadId,
        channelId: r.channelId,
        hub: r.hub,
        channelProfessions: ch?.professions ?? [],
        topic: r.topic,
        format: r.format,
        start: r.start,
        end: r.end,
        continuity: r.continuity,
        excluded: r.excluded,
      },
      pool,
      sessions,
      busy,
      now,
      limit: KEPT_CANDIDATES,
    });
  }

  /** Offers the request to the best free candidate, or escalates when there is none. */
  private async offerNext(r: FacilitationRequest, now: Date, effects: Effect[]): Promise<void> {
    const match = await this.match(r, now);
    const top = match.candidates[0];
    if (top) {
      const offer: Offer = {
        offerId: newOfferId(),
        facilitatorId: top.userId,
        offeredAt: now,
        expiresAt: new Date(now.getTime() + this.s.config.offerTtlMs),
        reasons: top.reasons,
        outcome: 'open',
      };
      r.offers.push(offer);
      r.status = 'offered';
      r.candidates = match.candidates.map((c) => ({ userId: c.userId, reasons: c.reasons }));
      r.noMatchReasons = [];
      effects.push(
        () => this.s.scheduler.schedule({ key: offerExpiryKey(r.id, offer.offerId), kind: OFFER_EXPIRY_JOB, dueAt: offer.expiresAt, payload: { requestId: r.id, offerId: offer.offerId } }),
        async () => {
          const { channelName, names } = await this.context(r);
          await this.notify(offer.facilitatorId, offerMessage(r, offer, channelName, names), `facilitation-offer:${r.id}:${offer.offerId}`);
        },
      );
    } else {
      r.status = 'escalated';
      r.escalations++;
      r.candidates = [];
      r.noMatchReasons = match.rejected.length ? summariseRejections(match.rejected) : ['the facilitator pool is empty'];
      const n = r.escalations;
      effects.push(async () => {
        const [ctx, coordinators, pool] = await Promise.all([this.context(r), this.coordinatorsFor(r), this.deps.pool.list()]);
        const poolNames = await this.s.people.names(pool.map((f) => f.userId));
        const all = new Map([...ctx.names, ...poolNames]);
        for (const c of coordinators) await this.notify(c, escalationMessage(r, ctx.channelName, all, pool), `facilitation-escalation:${r.id}:${n}:${c}`);
        await this.notify(r.leadId, facilitationNotices.escalatedToLead(r, ctx), `facilitation-escalated:${r.id}:${n}`);
      });
    }
  }

  /** Coordinators of the request's hub (all coordinators for all-Kent requests), from roles and configuration. */
  async coordinatorsFor(r: Pick<FacilitationRequest, 'hub'>): Promise<UserId[]> {
    const ids = new Set<UserId>();
    for (const h of await this.s.roles.listHolders('coordinator')) {
      if (r.hub === 'kent-medway' || h.hubs.includes(r.hub) || h.hubs.includes('kent-medway')) ids.add(h.userId);
    }
    for (const a of this.s.config.admins) if (!a.hub || a.hub === 'kent-medway' || a.hub === r.hub || r.hub === 'kent-medway') ids.add(a.objectId);
    return [...ids];
  }

  /**
   * The step, as a function of what is stored: an open request whose session has started is
   * cancelled ("lapsed"); one still matching, or whose offer has expired, is offered to the next
   * candidate or escalated; anything else is left alone. Safe to run any number of times, anywhere.
   */
  async advance(id: string): Promise<FacilitationRequest | null> {
    try {
      const { request } = await this.transition<void>(id, async (r, now) => {
        if (!isOpen(r.status)) return { result: undefined };
        const offer = openOffer(r);
        const effects: Effect[] = [];
        if (now.getTime() >= r.start.getTime()) {
          if (offer) {
            offer.outcome = 'cancelled';
            offer.decidedAt = now;
            effects.push(this.cancelExpiry(r, offer));
          }
          r.status = 'cancelled';
          r.cancelledAt = now;
          r.cancelReason = 'lapsed';
          r.candidates = [];
          effects.push(async () => {
            await this.notify(r.leadId, facilitationNotices.lapsedToLead(r, await this.context(r)), `facilitation-lapsed:${r.id}`);
          });
          return { next: r, effects, result: undefined };
        }
        if (r.status === 'escalated') return { result: undefined };
        if (r.status === 'offered' && offer && now.getTime() < offer.expiresAt.getTime()) return { result: undefined };
        if (offer) {
          offer.outcome = 'expired';
          offer.decidedAt = now;
          exclude(r, offer.facilitatorId);
        }
        r.status = 'matching';
        await this.offerNext(r, now, effects);
        return { next: r, effects, result: undefined };
      });
      return request;
    } catch (e) {
      if (isAppError(e) && e.kind === 'not-found') return null;
      throw e;
    }
  }

  /** The offer-expiry job: the same step, a moment later if the timer fired a little early. */
  async expireOffer(requestId: string, offerId: string): Promise<void> {
    const stored = await this.deps.store.get(requestId);
    if (!stored) return;
    const offer = stored.request.offers.find((o) => o.offerId === offerId);
    const early = offer?.outcome === 'open' ? offer.expiresAt.getTime() - this.s.clock.now().getTime() : 0;
    if (early > 0 && early < 5000) await new Promise((r) => setTimeout(r, early + 5));
    await this.advance(requestId);
  }

  /** Runs the step for every open request that is due (start-up, and every few seconds). */
  async sweep(): Promise<number> {
    const now = this.s.clock.now().getTime();
    let moved = 0;
    for (const e of await this.deps.store.openRequests()) {
      const due = e.status === 'matching' || now >= e.start.getTime() || (e.status === 'offered' && (!e.expiresAt || now >= e.expiresAt.getTime()));
      if (!due) continue;
      try {
        await this.advance(e.requestId);
        moved++;
      } catch (err) {
        this.s.logger.warn({ requestId: e.requestId, err: err instanceof Error ? err.message : String(err) }, 'facilitation sweep step failed');
      }
    }
    return moved;
  }

  // ——— Use cases ———

  canSee(actor: Actor, r: FacilitationRequest): boolean {
    return (!!r.leadId && r.leadId === actor.id) || (!!r.facilitatorId && r.facilitatorId === actor.id) || openOffer(r)?.facilitatorId === actor.id || isCoordinatorFor(actor, r.hub);
  }

  async get(actor: Actor, id: unknown): Promise<FacilitationRequest> {
    const stored = await this.deps.store.get(checkId(id, 'request'));
    if (!stored) throw notFound('That facilitation request does not exist.');
    if (!this.canSee(actor, stored.request)) throw forbidden('Only its lead, its facilitator and the hub coordinators can see this request.');
    return stored.request;
  }

  /** A channel lead asks for a facilitator. Submitting the same form twice gives the same request. */
  async create(actor: Actor, raw: Record<string, unknown>): Promise<{ request: FacilitationRequest; duplicate: boolean }> {
    const now = this.s.clock.now();
    const input = parseRequestInput(raw, now);
    const channel = await this.s.channels.get(input.channelId);
    if (!channel) throw notFound('There is no channel with that id.');
    if (!channel.leadIds.includes(actor.id)) throw forbidden(`Only a lead of ${channel.name} can request a facilitator for it.`);
    const hub = channel.hub === 'kent-medway' ? ((await this.s.profiles.get(actor.id))?.hub ?? 'kent-medway') : channel.hub;
    const request: FacilitationRequest = {
      id: newRequestId(now),
      channelId: channel.id,
      hub,
      leadId: actor.id,
      start: input.start,
      end: input.end,
      format: input.format,
      topic: input.topic,
      notes: input.notes,
      continuity: input.continuity,
      status: 'matching',
      offers: [],
      candidates: [],
      excluded: [],
      noMatchReasons: [],
      escalations: 0,
      sequence: 0,
      calendarTokens: [],
      createdAt: now,
      updatedAt: now,
    };
    const created = await this.deps.store.create(request);
    if (created !== 'created') {
      const existing = await this.deps.store.get(created.duplicateOf);
      if (existing && existing.request.leadId === actor.id && existing.request.end.getTime() === request.end.getTime()) return { request: existing.request, duplicate: true };
      throw conflict(`${channel.name} already has a facilitation request for a session starting then.`);
    }
    this.s.logger.info({ requestId: request.id }, 'facilitation request created');
    try {
      return { request: (await this.advance(request.id)) ?? request, duplicate: false };
    } catch (e) {
      // Stored and safe: the sweep offers it within seconds.
      this.s.logger.warn({ requestId: request.id, err: e instanceof Error ? e.message : String(e) }, 'first matching step failed');
      return { request, duplicate: false };
    }
  }

  private findOffer(r: FacilitationRequest, offerId: string, actor: Actor): Offer {
    const offer = r.offers.find((o) => o.offerId === offerId);
    if (!offer) throw notFound('That offer is not part of this request. The card may be out of date.');
    if (offer.facilitatorId !== actor.id) throw forbidden('Only the person this offer was made to can accept or decline it.');
    return offer;
  }

  /**
   * First accept wins: the write is guarded by the ETag, so of two accepts at once one confirms and
   * the other is recomputed against the confirmed request ("already filled").
   */
  async accept(actor: Actor, requestId: unknown, offerId: unknown, via: 'card' | 'api'): Promise<{ request: FacilitationRequest; result: AcceptResult }> {
    const id = checkId(requestId, 'request');
    const oid = checkId(offerId, 'offer');
    let expiredButOpen = false;
    const outcome = await this.transition<AcceptResult>(id, async (r, now) => {
      const offer = this.findOffer(r, oid, actor);
      if (r.status === 'confirmed' && r.facilitatorId === actor.id && offer.outcome === 'accepted') return { result: 'already-yours' };
      if (r.status === 'cancelled') return { result: 'cancelled' };
      if (offer.outcome === 'expired') return { result: 'expired' };
      if (offer.outcome === 'declined' || offer.outcome === 'withdrawn' || offer.outcome === 'removed') return { result: 'closed' };
      if (offer.outcome !== 'open' || r.status !== 'offered') return { result: 'filled' };
      if (now.getTime() >= offer.expiresAt.getTime()) {
        expiredButOpen = true;
        return { result: 'expired' };
      }
      confirm(r, offer, now);
      const effects: Effect[] = [
        this.cancelExpiry(r, offer),
        async () => {
          const ctx = await this.context(r);
          await this.notify(r.leadId, facilitationNotices.confirmedToLead(r, ctx), `facilitation-confirmed:${r.id}:${offer.offerId}:lead`);
          // Accepting on the card turns that card into the confirmation; from the tab, send one.
          if (via !== 'card') await this.notify(offer.facilitatorId, facilitationNotices.confirmedToFacilitator(r, ctx), `facilitation-confirmed:${r.id}:${offer.offerId}:facilitator`);
        },
      ];
      return { next: r, effects, result: 'confirmed' };
    });
    if (expiredButOpen) outcome.request = (await this.advance(id)) ?? outcome.request;
    if (outcome.changed) this.s.logger.info({ requestId: id }, 'facilitation offer accepted');
    return outcome;
  }

  async decline(actor: Actor, requestId: unknown, offerId: unknown): Promise<{ request: FacilitationRequest; result: DeclineResult }> {
    const id = checkId(requestId, 'request');
    const oid = checkId(offerId, 'offer');
    return this.transition<DeclineResult>(id, async (r, now) => {
      const offer = this.findOffer(r, oid, actor);
      if (offer.outcome === 'declined') return { result: 'already-declined' };
      if (offer.outcome === 'accepted' && r.status === 'confirmed' && r.facilitatorId === actor.id) return { result: 'accepted' };
      if (offer.outcome !== 'open' || r.status !== 'offered') return { result: 'closed' };
      offer.outcome = 'declined';
      offer.decidedAt = now;
      exclude(r, actor.id);
      r.status = 'matching';
      const effects: Effect[] = [this.cancelExpiry(r, offer)];
      await this.offerNext(r, now, effects);
      return { next: r, effects, result: 'declined' };
    });
  }

  /** The confirmed facilitator steps back: the request goes back to matching without them. */
  async withdraw(actor: Actor, requestId: unknown): Promise<{ request: FacilitationRequest; result: WithdrawResult }> {
    const id = checkId(requestId, 'request');
    return this.transition<WithdrawResult>(id, async (r, now) => {
      if (r.status !== 'confirmed' || r.facilitatorId !== actor.id) {
        if (r.offers.some((o) => o.facilitatorId === actor.id && o.outcome === 'withdrawn')) return { result: 'already-withdrawn' };
        if (r.leadId === actor.id || isCoordinatorFor(actor, r.hub)) throw invalid('Only the confirmed facilitator can withdraw. To call the session off, cancel the request.');
        throw forbidden('Only the facilitator confirmed for this session can withdraw from it.');
      }
      if (now.getTime() >= r.start.getTime()) throw invalid('This session has already started.');
      const accepted = r.offers.find((o) => o.outcome === 'accepted' && o.facilitatorId === actor.id);
      if (accepted) {
        accepted.outcome = 'withdrawn';
        accepted.decidedAt = now;
      }
      exclude(r, actor.id);
      r.facilitatorId = undefined;
      r.confirmedAt = undefined;
      r.sequence++;
      r.status = 'matching';
      const effects: Effect[] = [
        async () => {
          const ctx = await this.context(r);
          await this.notify(r.leadId, facilitationNotices.withdrawnToLead(r, ctx, nameOf(ctx.names, actor.id, 'Your facilitator')), `facilitation-withdrawn:${r.id}:${accepted?.offerId ?? 'none'}`);
        },
      ];
      await this.offerNext(r, now, effects);
      return { next: r, effects, result: 'withdrawn' };
    });
  }

  /** The lead (or a coordinator) calls it off; the facilitator, if any, is told. */
  async cancel(actor: Actor, requestId: unknown): Promise<{ request: FacilitationRequest; result: CancelResult }> {
    const id = checkId(requestId, 'request');
    const peek = await this.deps.store.get(id);
    if (!peek) throw notFound('That facilitation request does not exist.');
    // The facilitator's "cancel" is a withdrawal: the session itself goes on.
    if (peek.request.facilitatorId === actor.id && peek.request.leadId !== actor.id && !isCoordinatorFor(actor, peek.request.hub)) {
      return this.withdraw(actor, id);
    }
    return this.transition<CancelResult>(id, async (r, now) => {
      const byLead = r.leadId === actor.id;
      if (!byLead && !isCoordinatorFor(actor, r.hub)) throw forbidden('Only the lead who asked, or a hub coordinator, can cancel this request.');
      if (r.status === 'cancelled') return { result: 'already-cancelled' };
      if (now.getTime() >= r.start.getTime()) throw invalid('This session has already started, so the request can no longer be cancelled.');
      const offer = openOffer(r);
      const confirmedWith = r.status === 'confirmed' ? r.facilitatorId : undefined;
      if (offer) {
        offer.outcome = 'cancelled';
        offer.decidedAt = now;
      }
      if (confirmedWith) r.sequence++;
      else r.candidates = [];
      r.status = 'cancelled';
      r.cancelledAt = now;
      r.cancelReason = byLead ? 'lead' : 'coordinator';
      const effects: Effect[] = [
        this.cancelExpiry(r, offer),
        async () => {
          const ctx = await this.context(r);
          if (offer) await this.notify(offer.facilitatorId, facilitationNotices.noLongerNeededToOfferee(r, ctx), `facilitation-cancelled:${r.id}:${offer.offerId}`);
          if (confirmedWith) {
            const accepted = r.offers.find((o) => o.outcome === 'accepted' && o.facilitatorId === confirmedWith);
            await this.notify(confirmedWith, facilitationNotices.cancelledToFacilitator(r, ctx, confirmedWith), `facilitation-cancelled:${r.id}:${accepted?.offerId ?? 'confirmed'}`);
          }
          if (!byLead) await this.notify(r.leadId, facilitationNotices.cancelledByCoordinatorToLead(r, ctx, !!confirmedWith), `facilitation-cancelled:${r.id}:lead`);
        },
      ];
      return { next: r, effects, result: 'cancelled' };
    });
  }

  /** A coordinator assigns someone from the pool by hand (after an escalation, or at any time before confirmation). */
  async assign(actor: Actor, requestId: unknown, userId: unknown): Promise<{ request: FacilitationRequest; result: AssignResult }> {
    const id = checkId(requestId, 'request');
    // Only coordinators assign; anyone else is told so before anything about their input.
    if (!hasRole(actor, 'coordinator')) throw forbidden('Only a coordinator of this hub can assign a facilitator by hand.');
    if (!isValidUserId(userId)) throw invalid('Choose a facilitator from the pool.', { field: 'userId' });
    const facilitator = await this.deps.pool.get(userId);
    if (!facilitator) throw invalid('That person is not in the facilitator pool.', { field: 'userId' });
    return this.transition(id, async (r, now) => {
      if (!isCoordinatorFor(actor, r.hub)) throw forbidden('Only a coordinator of this hub can assign a facilitator by hand.');
      if (userId === r.leadId) throw invalid('The lead cannot be their own facilitator.', { field: 'userId' });
      if (r.status === 'confirmed' && r.facilitatorId === userId) return { result: 'already' as const };
      if (r.status === 'cancelled') throw invalid('This request has been cancelled.');
      if (r.status === 'confirmed') throw conflict('This request is already confirmed with someone else.');
      if (now.getTime() >= r.start.getTime()) throw invalid('This session has already started.');
      const previous = openOffer(r);
      if (previous) {
        previous.outcome = 'superseded';
        previous.decidedAt = now;
      }
      const offer: Offer = { offerId: newOfferId(), facilitatorId: userId, offeredAt: now, expiresAt: now, reasons: [`assigned by hand by ${actor.name}`], outcome: 'open', byHand: true };
      r.offers.push(offer);
      r.excluded = r.excluded.filter((x) => x !== userId);
      confirm(r, offer, now);
      const effects: Effect[] = [
        this.cancelExpiry(r, previous),
        async () => {
          const ctx = await this.context(r);
          if (previous && previous.facilitatorId !== userId) await this.notify(previous.facilitatorId, facilitationNotices.arrangedByCoordinatorToOfferee(r, ctx), `facilitation-cancelled:${r.id}:${previous.offerId}`);
          await this.notify(r.leadId, facilitationNotices.confirmedToLead(r, ctx), `facilitation-confirmed:${r.id}:${offer.offerId}:lead`);
          await this.notify(userId, facilitationNotices.assignedToFacilitator(r, ctx), `facilitation-confirmed:${r.id}:${offer.offerId}:facilitator`);
        },
      ];
      return { next: r, effects, result: 'assigned' as const };
    });
  }

  /** Someone left the pool: any offer they hold moves on to the next person. */
  async releaseOffersOf(userId: UserId): Promise<void> {
    for (const id of await this.deps.store.requestIdsOfferedTo(userId)) {
      await this.transition<void>(id, async (r, now) => {
        const offer = openOffer(r);
        if (!offer || offer.facilitatorId !== userId) return { result: undefined };
        offer.outcome = 'removed';
        offer.decidedAt = now;
        exclude(r, userId);
        r.status = 'matching';
        const effects: Effect[] = [this.cancelExpiry(r, offer)];
        await this.offerNext(r, now, effects);
        return { next: r, effects, result: undefined };
      }).catch((e) => {
        if (!(isAppError(e) && e.kind === 'not-found')) throw e;
      });
    }
  }

  // ——— Lists ———

  private async load(ids: readonly string[]): Promise<FacilitationRequest[]> {
    const found = await Promise.all(ids.map((id) => this.deps.store.get(id)));
    return found.filter((x): x is NonNullable<typeof x> => !!x).map((x) => x.request);
  }

  /** Requests I lead: upcoming first (soonest first), then the most recent past ones. */
  async ledBy(actor: Actor, limit = 50): Promise<FacilitationRequest[]> {
    const ids = await this.deps.store.requestIdsLedBy(actor.id);
    const requests = await this.load(ids.slice(-limit));
    const now = this.s.clock.now().getTime();
    const upcoming = requests.filter((r) => r.end.getTime() > now).sort((a, b) => a.start.getTime() - b.start.getTime());
    const past = requests.filter((r) => r.end.getTime() <= now).sort((a, b) => b.start.getTime() - a.start.getTime());
    return [...upcoming, ...past];
  }

  /** Offers waiting for my answer, and sessions I am confirmed for that have not ended. */
  async offersFor(actor: Actor): Promise<FacilitationRequest[]> {
    const now = this.s.clock.now().getTime();
    const requests = await this.load(await this.deps.store.requestIdsOfferedTo(actor.id));
    return requests
      .filter((r) => openOffer(r)?.facilitatorId === actor.id || (r.status === 'confirmed' && r.facilitatorId === actor.id && r.end.getTime() > now))
      .sort((a, b) => a.start.getTime() - b.start.getTime());
  }

  /** Everything I may see: mine as lead and facilitator, and for coordinators their hubs' open and upcoming requests. */
  async visibleTo(actor: Actor): Promise<FacilitationRequest[]> {
    const [led, offered] = await Promise.all([this.ledBy(actor), this.offersFor(actor)]);
    const byId = new Map<string, FacilitationRequest>();
    for (const r of [...led, ...offered]) byId.set(r.id, r);
    if (actor.roles.some((g) => g.role === 'coordinator')) {
      const now = this.s.clock.now();
      const [open, sessions] = await Promise.all([this.deps.store.openRequests(), this.deps.store.sessionsFrom(now)]);
      const ids = [...open.map((o) => o.requestId), ...sessions.map((s) => s.requestId)].filter((id) => !byId.has(id));
      for (const r of await this.load(ids)) if (isCoordinatorFor(actor, r.hub)) byId.set(r.id, r);
    }
    return [...byId.values()].sort((a, b) => a.start.getTime() - b.start.getTime());
  }

  // ——— "Forget me" ———

  /**
   * Erases a facilitator from every request: an offer they hold moves on, a future session they
   * were confirmed for goes back to matching (the lead is told), past sessions stay as anonymous
   * counts. Their id leaves offers, candidates, exclusions and calendar links.
   */
  async eraseFacilitator(userId: UserId): Promise<void> {
    const ids = new Set(await this.deps.store.requestIdsOfferedTo(userId));
    // Open requests may also name them as a ranked candidate or an exclusion without an offer.
    for (const e of await this.deps.store.openRequests()) ids.add(e.requestId);
    for (const id of ids) {
      await this.transition<void>(id, async (r, now) => {
        const mentioned = peopleIn(r).includes(userId) || r.excluded.includes(userId) || !!tokenOf(r, userId);
        if (!mentioned) return { result: undefined };
        const effects: Effect[] = [];
        let needsNext = false;
        const offer = openOffer(r);
        if (offer?.facilitatorId === userId) {
          offer.outcome = 'removed';
          offer.decidedAt = now;
          effects.push(this.cancelExpiry(r, offer));
          r.status = 'matching';
          needsNext = true;
        }
        if (r.status === 'confirmed' && r.facilitatorId === userId) {
          if (now.getTime() < r.start.getTime()) {
            const accepted = r.offers.find((o) => o.outcome === 'accepted' && o.facilitatorId === userId);
            if (accepted) accepted.outcome = 'withdrawn';
            r.facilitatorId = undefined;
            r.confirmedAt = undefined;
            r.sequence++;
            r.status = 'matching';
            needsNext = true;
            effects.push(async () => {
              await this.notify(r.leadId, facilitationNotices.facilitatorGoneToLead(r, await this.context(r)), `facilitation-withdrawn:${r.id}:erased-${r.sequence}`);
            });
          } else {
            r.facilitatorId = '';
          }
        }
        for (const o of r.offers) if (o.facilitatorId === userId) o.facilitatorId = '';
        r.excluded = r.excluded.filter((x) => x !== userId);
        r.candidates = r.candidates.filter((c) => c.userId !== userId);
        r.calendarTokens = r.calendarTokens.filter((t) => t.userId !== userId);
        if (needsNext) await this.offerNext(r, now, effects);
        return { next: r, effects, result: undefined };
      }).catch((e) => {
        if (!(isAppError(e) && e.kind === 'not-found')) throw e;
      });
    }
  }

  /** Erases a lead: their open and future requests are cancelled (the facilitator is told), the rest anonymised. */
  async eraseLead(userId: UserId): Promise<void> {
    for (const id of await this.deps.store.requestIdsLedBy(userId)) {
      await this.transition<void>(id, async (r, now) => {
        if (r.leadId !== userId) return { result: undefined };
        const effects: Effect[] = [];
        if (isOpen(r.status) || (r.status === 'confirmed' && now.getTime() < r.start.getTime())) {
          const offer = openOffer(r);
          const confirmedWith = r.status === 'confirmed' ? r.facilitatorId : undefined;
          if (offer) {
            offer.outcome = 'cancelled';
            offer.decidedAt = now;
            effects.push(this.cancelExpiry(r, offer));
          }
          if (confirmedWith) r.sequence++;
          r.status = 'cancelled';
          r.cancelledAt = now;
          r.cancelReason = 'erased';
          const notifyIds = [offer?.facilitatorId, confirmedWith].filter((x): x is string => !!x);
          effects.push(async () => {
            const ctx = await this.context(r);
            for (const fid of notifyIds) await this.notify(fid, facilitationNotices.leadGoneToFacilitator(r, ctx, fid, fid === confirmedWith), `facilitation-cancelled:${r.id}:erased`);
          });
        }
        r.leadId = '';
        r.topic = '';
        r.notes = '';
        r.calendarTokens = r.calendarTokens.filter((t) => t.userId !== userId);
        return { next: r, effects, result: undefined };
      }).catch((e) => {
        if (!(isAppError(e) && e.kind === 'not-found')) throw e;
      });
    }
  }
}
