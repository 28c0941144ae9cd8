// "Forget me" for facilitation requests: a facilitator's offers move on and a future session goes
// back to matching; a lead's open and future requests are cancelled; past sessions stay as
// anonymous counts.
import type { UserId } from '../../domain/people/person.js';
import { isAppError } from '../../domain/errors.js';
import { isOpen, openOffer, peopleIn, tokenOf } from '../../domain/facilitation/request.js';
import type { FacilitationDeps } from './deps.js';
import type { Effect, RequestSteps } from './steps.js';
import { facilitationNotices } from '../../cards/facilitation/notices.js';

export class RequestErasure {
  constructor(
    private readonly d: Pick<FacilitationDeps, 'store'>,
    private readonly steps: RequestSteps,
  ) {}

  /**
   * Erases a facilitator from every request: an offer they hold moves on, a future session they
   * were confirmed for goes back to matching (the lead is told), past sessions stay as anonymous
   * counts. Their id leaves offers, candidates, exclusions and calendar links.
   */
  async eraseFacilitator(userId: UserId): Promise<void> {
    const ids = new Set(await this.d.store.requestIdsOfferedTo(userId));
    // Open requests may also name them as a ranked candidate or an exclusion without an offer.
    for (const e of await this.d.store.openRequests()) ids.add(e.requestId);
    for (const id of ids) {
      await this.steps.transition<void>(id, async (r, now) => {
        const mentioned = peopleIn(r).includes(userId) || r.excluded.includes(userId) || !!tokenOf(r, userId);
        if (!mentioned) return { result: undefined };
        const effects: Effect[] = [];
        let needsNext = false;
        const offer = openOffer(r);
        if (offer?.facilitatorId === userId) {
          offer.outcome = 'removed';
          offer.decidedAt = now;
          effects.push(this.steps.cancelExpiry(r, offer));
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
              await this.steps.notify(r.leadId, facilitationNotices.facilitatorGoneToLead(r, await this.steps.context(r)), `facilitation-withdrawn:${r.id}:erased-${r.sequence}`);
            });
          } else {
            r.facilitatorId = '';
          }
        }
        for (const o of r.offers) if (o.facilitatorId === userId) o.facilitatorId = '';
        r.excluded = r.excluded.filter((x) => x !== userId);
        r.candidates = r.candidates.filter((c) => c.userId !== userId);
        r.calendarTokens = r.calendarTokens.filter((t) => t.userId !== userId);
        if (needsNext) await this.steps.offerNext(r, now, effects);
        return { next: r, effects, result: undefined };
      }).catch((e) => {
        if (!(isAppError(e) && e.kind === 'not-found')) throw e;
      });
    }
  }

  /** Erases a lead: their open and future requests are cancelled (the facilitator is told), the rest anonymised. */
  async eraseLead(userId: UserId): Promise<void> {
    for (const id of await this.d.store.requestIdsLedBy(userId)) {
      await this.steps.transition<void>(id, async (r, now) => {
        if (r.leadId !== userId) return { result: undefined };
        const effects: Effect[] = [];
        if (isOpen(r.status) || (r.status === 'confirmed' && now.getTime() < r.start.getTime())) {
          const offer = openOffer(r);
          const confirmedWith = r.status === 'confirmed' ? r.facilitatorId : undefined;
          if (offer) {
            offer.outcome = 'cancelled';
            offer.decidedAt = now;
            effects.push(this.steps.cancelExpiry(r, offer));
          }
          if (confirmedWith) r.sequence++;
          r.status = 'cancelled';
          r.cancelledAt = now;
          r.cancelReason = 'erased';
          const notifyIds = [offer?.facilitatorId, confirmedWith].filter((x): x is string => !!x);
          effects.push(async () => {
            const ctx = await this.steps.context(r);
            for (const fid of notifyIds) await this.steps.notify(fid, facilitationNotices.leadGoneToFacilitator(r, ctx, fid, fid === confirmedWith), `facilitation-cancelled:${r.id}:erased`);
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
