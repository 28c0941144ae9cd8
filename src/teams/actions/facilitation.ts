// Facilitation card actions. Each answers with the card as the person should now see it; refusals
// come back as errors a person can read (403 for acting outside one's role).
import type { CardAction, CardActionResult } from '../cardActionRouter.js';
import type { BotTurn } from '../turn.js';
import { Verbs } from '../../cards/verbs.js';
import { tokenOf, type FacilitationRequest } from '../../domain/facilitation/request.js';
import type { ForWhom } from '../../cards/facilitation/common.js';
import { facilitationAnswers } from '../../cards/facilitation/answers.js';
import { facilitatorCard } from '../../cards/facilitation/profile.js';
import { requestFormCard } from '../../cards/facilitation/form.js';
import { facilitatorConfirmationCard, leadCardFor, myRequestsCard, requestNoticeCard } from '../views/facilitation.js';

const notice = async (turn: BotTurn, r: FacilitationRequest, [title, text]: [string, string], forWhom: ForWhom, calendarToken?: string): Promise<CardActionResult> => ({
  card: await requestNoticeCard(turn, r, title, text, forWhom, calendarToken),
});

export const requestFacilitatorAction: CardAction = {
  verb: Verbs.facilitationRequest,
  async run(turn, data) {
    const { request, duplicate } = await turn.services.facilitation.requests.create(turn.actor, data);
    return { card: await leadCardFor(turn, request, facilitationAnswers.requestSent(duplicate)) };
  },
  form: async (turn) => requestFormCard(await turn.services.facilitation.lookups.leadChannels(turn.actor), turn.services.clock.now()),
};

export const cancelRequestAction: CardAction = {
  verb: Verbs.facilitationRequestCancel,
  async run(turn, data) {
    const { request, result } = await turn.services.facilitation.requests.cancel(turn.actor, data.requestId);
    if (result === 'withdrawn' || result === 'already-withdrawn') return notice(turn, request, facilitationAnswers.withdrawnByCancel, 'facilitator', tokenOf(request, turn.actor.id));
    const text = facilitationAnswers.requestCancelled.text(result);
    if (data.view === 'list') return { card: await myRequestsCard(turn, text) };
    return { card: await leadCardFor(turn, request, facilitationAnswers.requestCancelled.title, text) };
  },
};

export const acceptOfferAction: CardAction = {
  verb: Verbs.facilitationOfferAccept,
  async run(turn, data) {
    const { request, result } = await turn.services.facilitation.requests.accept(turn.actor, data.requestId, data.offerId, 'card');
    if (result === 'confirmed') return { card: await facilitatorConfirmationCard(turn, request) };
    if (result === 'already-yours') return { card: await facilitatorConfirmationCard(turn, request, facilitationAnswers.alreadyYours) };
    const offer = request.offers.find((o) => o.offerId === data.offerId);
    return notice(turn, request, facilitationAnswers.notAccepted(result, offer?.expiresAt, request.cancelReason === 'lapsed'), 'facilitator');
  },
};

export const declineOfferAction: CardAction = {
  verb: Verbs.facilitationOfferDecline,
  async run(turn, data) {
    const { request, result } = await turn.services.facilitation.requests.decline(turn.actor, data.requestId, data.offerId);
    if (result === 'accepted') return { card: await facilitatorConfirmationCard(turn, request, facilitationAnswers.acceptedNotDeclined) };
    return notice(turn, request, facilitationAnswers.declined(result), 'facilitator');
  },
};

export const withdrawAction: CardAction = {
  verb: Verbs.facilitationWithdraw,
  async run(turn, data) {
    const { request } = await turn.services.facilitation.requests.withdraw(turn.actor, data.requestId);
    return notice(turn, request, facilitationAnswers.withdrawn, 'facilitator', tokenOf(request, turn.actor.id));
  },
};

export const assignAction: CardAction = {
  verb: Verbs.facilitationAssign,
  async run(turn, data) {
    const { request, result } = await turn.services.facilitation.requests.assign(turn.actor, data.requestId, data.userId);
    const { names } = await turn.services.facilitation.lookups.context(request);
    return notice(turn, request, facilitationAnswers.assigned(result, names.get(request.facilitatorId ?? '')), 'coordinator');
  },
};

export const saveFacilitatorAction: CardAction = {
  verb: Verbs.facilitatorSave,
  async run(turn, data) {
    const saved = await turn.services.facilitation.pool.saveMine(turn.actor, data);
    return { card: facilitatorCard(saved, facilitationAnswers.profileSaved(saved.paused)) };
  },
  async form(turn) {
    const f = await turn.services.facilitation.pool.get(turn.actor.id);
    if (!f) throw new Error('not in the pool'); // the router then answers the service's own refusal
    return facilitatorCard(f);
  },
};

export const facilitationActions: CardAction[] = [requestFacilitatorAction, cancelRequestAction, acceptOfferAction, declineOfferAction, withdrawAction, assignAction, saveFacilitatorAction];
