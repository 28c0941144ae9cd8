// The machinery every change to a facilitation request goes through, and the one step that moves a
// request on (`advance`), which creating, declining, withdrawing, the expiry job, the sweep and
// "forget me" all share.
//
// Every change is a read → decide → write under the request's ETag (see `transition`). The decision
// is computed from what was read; if anyone wrote in between, it is recomputed from what they wrote.
// Messages and scheduled jobs are sent only by the writer that won, after its write.
import type { UserId } from '../../domain/people/person.js';
import { conflict, isAppError, notFound } from '../../domain/errors.js';
import { isOpen, openOffer, tokenOf, type FacilitationRequest, type Offer } from '../../domain/facilitation/request.js';
import { rankCandidates, summariseRejections, type MatchResult } from '../../domain/facilitation/matching.js';
import type { Channel } from '../../domain/channels/channel.js';
import { errorSummary } from '../../logging.js';
import { newCalendarToken, newOfferId, NOTICE_KIND, OFFER_EXPIRY_JOB, offerExpiryKey, type FacilitationDeps } from './deps.js';
import { offerMessage } from '../../cards/facilitation/offer.js';
import { escalationMessage } from '../../cards/facilitation/escalation.js';
import { facilitationNotices } from '../../cards/facilitation/notices.js';
import type { RequestContext } from '../../cards/facilitation/common.js';
import { requestContext } from './lookups.js';

export type Effect = () => Promise<void>;
export type Decision<T> = { next: FacilitationRequest; effects: Effect[]; result: T } | { result: T };

/** How many ranked candidates a request keeps (shown to its lead and coordinators). */
const KEPT_CANDIDATES = 20;
/** Bookings and sessions a year back are enough for fairness (90 days) and continuity. */
const HISTORY_MS = 366 * 86_400_000;

export const exclude = (r: FacilitationRequest, userId: UserId) => {
  if (userId && !r.excluded.includes(userId)) r.excluded.push(userId);
};

const ensureToken = (r: FacilitationRequest, userId: UserId) => {
  if (userId && !tokenOf(r, userId)) r.calendarTokens.push({ userId, token: newCalendarToken() });
};

/** The offer is accepted and the request confirmed with its facilitator. */
export function confirm(r: FacilitationRequest, offer: Offer, now: Date): void {
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

/** Everything the steps may touch. */
export type StepsDeps = Pick<FacilitationDeps, 'config' | 'clock' | 'logger' | 'store' | 'pool' | 'channels' | 'people' | 'notifier' | 'scheduler' | 'bookings'>;

export class RequestSteps {
  constructor(private readonly d: StepsDeps) {}

  async transition<T>(id: string, decide: (current: FacilitationRequest, now: Date) => Promise<Decision<T>>): Promise<{ request: FacilitationRequest; result: T; changed: boolean }> {
    for (let attempt = 1; attempt <= 12; attempt++) {
      const stored = await this.d.store.get(id);
      if (!stored) throw notFound('That facilitation request does not exist.');
      const now = this.d.clock.now();
      const decision = await decide(structuredClone(stored.request), now);
      if (!('next' in decision)) return { request: stored.request, result: decision.result, changed: false };
      decision.next.updatedAt = now;
      if (await this.d.store.replace(stored, decision.next)) {
        await this.run(decision.effects);
        return { request: decision.next, result: decision.result, changed: true };
      }
    }
    throw conflict('Too many changes to this request at once. Please try again.');
  }

  async run(effects: Effect[]): Promise<void> {
    for (const effect of effects) {
      try {
        await effect();
      } catch (e) {
        // The change is stored; a lost message must not undo it or fail the person's action.
        this.d.logger.warn({ err: errorSummary(e) }, 'facilitation side effect failed');
      }
    }
  }

  /** The channel and the names a request's cards need. */
  context(r: FacilitationRequest): Promise<RequestContext> {
    return requestContext(this.d, r);
  }

  notify(userId: UserId, message: { text: string; card?: object }, key: string): Promise<void> {
    if (!userId) return Promise.resolve();
    return this.d.notifier.notify(userId, message, key, NOTICE_KIND);
  }

  cancelExpiry(r: FacilitationRequest, offer: Offer | undefined): Effect {
    return async () => {
      if (offer) await this.d.scheduler.cancel(offerExpiryKey(r.id, offer.offerId));
    };
  }

  /** Ranks the pool for this request (the pure rules, with the stored load and people's bookings). */
  async match(r: FacilitationRequest, now: Date, channel?: Channel | null): Promise<MatchResult> {
    const ch = channel === undefined ? await this.d.channels.get(r.channelId) : channel;
    const [pool, sessions] = await Promise.all([this.d.pool.list(), this.d.store.sessionsFrom(new Date(now.getTime() - HISTORY_MS))]);
    const hopefuls = pool.filter((f) => !f.paused && f.userId !== r.leadId && !r.excluded.includes(f.userId) && f.formats.includes(r.format));
    const busy = new Map<UserId, { start: Date; end: Date }[]>();
    await Promise.all(hopefuls.map(async (f) => busy.set(f.userId, await this.d.bookings.busy(f.userId, r.start, r.end))));
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
  async offerNext(r: FacilitationRequest, now: Date, effects: Effect[]): Promise<void> {
    const match = await this.match(r, now);
    const top = match.candidates[0];
    if (top) {
      const offer: Offer = {
        offerId: newOfferId(),
        facilitatorId: top.userId,
        offeredAt: now,
        expiresAt: new Date(now.getTime() + this.d.config.offerTtlMs),
        reasons: top.reasons,
        outcome: 'open',
      };
      r.offers.push(offer);
      r.status = 'offered';
      r.candidates = match.candidates.map((c) => ({ userId: c.userId, reasons: c.reasons }));
      r.noMatchReasons = [];
      effects.push(
        () => this.d.scheduler.schedule({ key: offerExpiryKey(r.id, offer.offerId), kind: OFFER_EXPIRY_JOB, dueAt: offer.expiresAt, payload: { requestId: r.id, offerId: offer.offerId } }),
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
        const [ctx, coordinators, pool] = await Promise.all([this.context(r), this.d.people.coordinatorsFor(r.hub), this.d.pool.list()]);
        const poolNames = await this.d.people.names(pool.map((f) => f.userId));
        const all = new Map([...ctx.names, ...poolNames]);
        for (const c of coordinators) await this.notify(c, escalationMessage(r, ctx.channelName, all, pool), `facilitation-escalation:${r.id}:${n}:${c}`);
        await this.notify(r.leadId, facilitationNotices.escalatedToLead(r, ctx), `facilitation-escalated:${r.id}:${n}`);
      });
    }
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

}
