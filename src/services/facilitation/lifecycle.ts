// What people do with facilitation requests: a lead asks (and may cancel), the offered facilitator
// accepts or declines, the confirmed one may withdraw, a coordinator may assign someone by hand;
// and what keeps requests moving (the offer-expiry job, the sweep, someone leaving the pool).
import type { Actor, UserId } from '../../domain/people/person.js';
import { isValidUserId } from '../../domain/people/person.js';
import { conflict, forbidden, invalid, isAppError, notFound } from '../../domain/errors.js';
import { hasRole } from '../../domain/people/authorisation.js';
import { openOffer, parseRequestInput, type FacilitationRequest, type Offer } from '../../domain/facilitation/request.js';
import { errorSummary } from '../../logging.js';
import { checkId, isCoordinatorFor, newOfferId, newRequestId, type FacilitationDeps } from './deps.js';
import { confirm, exclude, type Effect, type RequestSteps } from './steps.js';
import { facilitationNotices } from '../../cards/facilitation/notices.js';
import { nameOf, type AcceptResult, type AssignResult, type CancelResult, type DeclineResult, type WithdrawResult } from '../../contracts/facilitation.js';

/** Everything the lifecycle may touch (besides the shared steps). */
export type LifecycleDeps = Pick<FacilitationDeps, 'clock' | 'logger' | 'store' | 'pool' | 'channels' | 'profiles'>;

export class RequestLifecycle {
  constructor(
    private readonly d: LifecycleDeps,
    private readonly steps: RequestSteps,
  ) {}

  /** The step that moves a request on (see RequestSteps.advance). */
  advance(id: string): Promise<FacilitationRequest | null> {
    return this.steps.advance(id);
  }

  /** The offer-expiry job: the same step, a moment later if the timer fired a little early. */
  async expireOffer(requestId: string, offerId: string): Promise<void> {
    const stored = await this.d.store.get(requestId);
    if (!stored) return;
    const offer = stored.request.offers.find((o) => o.offerId === offerId);
    const early = offer?.outcome === 'open' ? offer.expiresAt.getTime() - this.d.clock.now().getTime() : 0;
    if (early > 0 && early < 5000) await new Promise((r) => setTimeout(r, early + 5));
    await this.advance(requestId);
  }

  /** Runs the step for every open request that is due (start-up, and every few seconds). */
  async sweep(): Promise<number> {
    const now = this.d.clock.now().getTime();
    let moved = 0;
    for (const e of await this.d.store.openRequests()) {
      const due = e.status === 'matching' || now >= e.start.getTime() || (e.status === 'offered' && (!e.expiresAt || now >= e.expiresAt.getTime()));
      if (!due) continue;
      try {
        await this.advance(e.requestId);
        moved++;
      } catch (err) {
        this.d.logger.warn({ requestId: e.requestId, err: errorSummary(err) }, 'facilitation sweep step failed');
      }
    }
    return moved;
  }

  async create(actor: Actor, raw: Record<string, unknown>): Promise<{ request: FacilitationRequest; duplicate: boolean }> {
    const now = this.d.clock.now();
    const input = parseRequestInput(raw, now);
    const channel = await this.d.channels.get(input.channelId);
    if (!channel) throw notFound('There is no channel with that id.');
    if (!channel.leadIds.includes(actor.id)) throw forbidden(`Only a lead of ${channel.name} can request a facilitator for it.`);
    const hub = channel.hub === 'kent-medway' ? ((await this.d.profiles.get(actor.id))?.hub ?? 'kent-medway') : channel.hub;
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
    const created = await this.d.store.create(request);
    if (created !== 'created') {
      const existing = await this.d.store.get(created.duplicateOf);
      if (existing && existing.request.leadId === actor.id && existing.request.end.getTime() === request.end.getTime()) return { request: existing.request, duplicate: true };
      throw conflict(`${channel.name} already has a facilitation request for a session starting then.`);
    }
    this.d.logger.info({ requestId: request.id }, 'facilitation request created');
    try {
      return { request: (await this.advance(request.id)) ?? request, duplicate: false };
    } catch (e) {
      // Stored and safe: the sweep offers it within seconds.
      this.d.logger.warn({ requestId: request.id, err: errorSummary(e) }, 'first matching step failed');
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
    const outcome = await this.steps.transition<AcceptResult>(id, async (r, now) => {
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
        this.steps.cancelExpiry(r, offer),
        async () => {
          const ctx = await this.steps.context(r);
          await this.steps.notify(r.leadId, facilitationNotices.confirmedToLead(r, ctx), `facilitation-confirmed:${r.id}:${offer.offerId}:lead`);
          // Accepting on the card turns that card into the confirmation; from the tab, send one.
          if (via !== 'card') await this.steps.notify(offer.facilitatorId, facilitationNotices.confirmedToFacilitator(r, ctx), `facilitation-confirmed:${r.id}:${offer.offerId}:facilitator`);
        },
      ];
      return { next: r, effects, result: 'confirmed' };
    });
    if (expiredButOpen) outcome.request = (await this.advance(id)) ?? outcome.request;
    if (outcome.changed) this.d.logger.info({ requestId: id }, 'facilitation offer accepted');
    return outcome;
  }

  async decline(actor: Actor, requestId: unknown, offerId: unknown): Promise<{ request: FacilitationRequest; result: DeclineResult }> {
    const id = checkId(requestId, 'request');
    const oid = checkId(offerId, 'offer');
    return this.steps.transition<DeclineResult>(id, async (r, now) => {
      const offer = this.findOffer(r, oid, actor);
      if (offer.outcome === 'declined') return { result: 'already-declined' };
      if (offer.outcome === 'accepted' && r.status === 'confirmed' && r.facilitatorId === actor.id) return { result: 'accepted' };
      if (offer.outcome !== 'open' || r.status !== 'offered') return { result: 'closed' };
      offer.outcome = 'declined';
      offer.decidedAt = now;
      exclude(r, actor.id);
      r.status = 'matching';
      const effects: Effect[] = [this.steps.cancelExpiry(r, offer)];
      await this.steps.offerNext(r, now, effects);
      return { next: r, effects, result: 'declined' };
    });
  }

  /** The confirmed facilitator steps back: the request goes back to matching without them. */
  async withdraw(actor: Actor, requestId: unknown): Promise<{ request: FacilitationRequest; result: WithdrawResult }> {
    const id = checkId(requestId, 'request');
    return this.steps.transition<WithdrawResult>(id, async (r, now) => {
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
          const ctx = await this.steps.context(r);
          await this.steps.notify(r.leadId, facilitationNotices.withdrawnToLead(r, ctx, nameOf(ctx.names, actor.id, 'Your facilitator')), `facilitation-withdrawn:${r.id}:${accepted?.offerId ?? 'none'}`);
        },
      ];
      await this.steps.offerNext(r, now, effects);
      return { next: r, effects, result: 'withdrawn' };
    });
  }

  /** The lead (or a coordinator) calls it off; the facilitator, if any, is told. */
  async cancel(actor: Actor, requestId: unknown): Promise<{ request: FacilitationRequest; result: CancelResult }> {
    const id = checkId(requestId, 'request');
    const peek = await this.d.store.get(id);
    if (!peek) throw notFound('That facilitation request does not exist.');
    // The facilitator's "cancel" is a withdrawal: the session itself goes on.
    if (peek.request.facilitatorId === actor.id && peek.request.leadId !== actor.id && !isCoordinatorFor(actor, peek.request.hub)) {
      return this.withdraw(actor, id);
    }
    return this.steps.transition<CancelResult>(id, async (r, now) => {
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
        this.steps.cancelExpiry(r, offer),
        async () => {
          const ctx = await this.steps.context(r);
          if (offer) await this.steps.notify(offer.facilitatorId, facilitationNotices.noLongerNeededToOfferee(r, ctx), `facilitation-cancelled:${r.id}:${offer.offerId}`);
          if (confirmedWith) {
            const accepted = r.offers.find((o) => o.outcome === 'accepted' && o.facilitatorId === confirmedWith);
            await this.steps.notify(confirmedWith, facilitationNotices.cancelledToFacilitator(r, ctx, confirmedWith), `facilitation-cancelled:${r.id}:${accepted?.offerId ?? 'confirmed'}`);
          }
          if (!byLead) await this.steps.notify(r.leadId, facilitationNotices.cancelledByCoordinatorToLead(r, ctx, !!confirmedWith), `facilitation-cancelled:${r.id}:lead`);
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
    const facilitator = await this.d.pool.get(userId);
    if (!facilitator) throw invalid('That person is not in the facilitator pool.', { field: 'userId' });
    return this.steps.transition(id, async (r, now) => {
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
        this.steps.cancelExpiry(r, previous),
        async () => {
          const ctx = await this.steps.context(r);
          if (previous && previous.facilitatorId !== userId) await this.steps.notify(previous.facilitatorId, facilitationNotices.arrangedByCoordinatorToOfferee(r, ctx), `facilitation-cancelled:${r.id}:${previous.offerId}`);
          await this.steps.notify(r.leadId, facilitationNotices.confirmedToLead(r, ctx), `facilitation-confirmed:${r.id}:${offer.offerId}:lead`);
          await this.steps.notify(userId, facilitationNotices.assignedToFacilitator(r, ctx), `facilitation-confirmed:${r.id}:${offer.offerId}:facilitator`);
        },
      ];
      return { next: r, effects, result: 'assigned' as const };
    });
  }

  /** Someone left the pool: any offer they hold moves on to the next person. */
  async releaseOffersOf(userId: UserId): Promise<void> {
    for (const id of await this.d.store.requestIdsOfferedTo(userId)) {
      await this.steps.transition<void>(id, async (r, now) => {
        const offer = openOffer(r);
        if (!offer || offer.facilitatorId !== userId) return { result: undefined };
        offer.outcome = 'removed';
        offer.decidedAt = now;
        exclude(r, userId);
        r.status = 'matching';
        const effects: Effect[] = [this.steps.cancelExpiry(r, offer)];
        await this.steps.offerNext(r, now, effects);
        return { next: r, effects, result: undefined };
      }).catch((e) => {
        if (!(isAppError(e) && e.kind === 'not-found')) throw e;
      });
    }
  }
}
