// Facilitation card actions. Each answers with the card as the person should now see it; refusals
// come back as errors a person can read (403 for acting outside one's role).
import type { CardAction, CardActionResult } from '../cardActionRouter.js';
import type { BotTurn } from '../turn.js';
import { Verbs } from '../../cards/verbs.js';
import { tokenOf, type FacilitationRequest } from '../../domain/facilitation/request.js';
import { confirmedMessage, facilitatorCard, leadStatusCard, noticeMessage, shortWhen } from '../../services/facilitation/present.js';
import type { AcceptResult, DeclineResult } from '../../contracts/facilitation.js';
import { myRequestsCard } from '../commands/facilitation.js';

async function notice(turn: BotTurn, r: FacilitationRequest, title: string, text: string, forWhom: 'lead' | 'facilitator' | 'coordinator', calendarToken?: string): Promise<CardActionResult> {
  const { channelName, names } = await turn.services.facilitation.requests.context(r);
  return { card: noticeMessage(r, { title, text, forWhom, calendarToken }, channelName, names, turn.services.config).card };
}

async function leadCard(turn: BotTurn, r: FacilitationRequest, title: string, text = ''): Promise<CardActionResult> {
  const { channelName, names } = await turn.services.facilitation.requests.context(r);
  return { card: leadStatusCard(r, channelName, names, turn.services.config, title, text, turn.services.clock.now()) };
}

async function facilitatorConfirmation(turn: BotTurn, r: FacilitationRequest, title?: string): Promise<CardActionResult> {
  const { channelName, names } = await turn.services.facilitation.requests.context(r);
  return { card: confirmedMessage(r, 'facilitator', channelName, names, turn.services.config, title).card };
}

export const requestFacilitatorAction: CardAction = {
  verb: Verbs.facilitationRequest,
  async run(turn, data) {
    const { request, duplicate } = await turn.services.facilitation.requests.create(turn.actor, data);
    const title = duplicate ? 'You have already asked for this session' : 'Request sent';
    return leadCard(turn, request, title);
  },
};

export const cancelRequestAction: CardAction = {
  verb: Verbs.facilitationRequestCancel,
  async run(turn, data) {
    const { request, result } = await turn.services.facilitation.requests.cancel(turn.actor, data.requestId);
    if (result === 'withdrawn' || result === 'already-withdrawn') {
      return notice(turn, request, 'You have withdrawn', 'Thanks for letting us know. We will find someone else and tell the lead.', 'facilitator', tokenOf(request, turn.actor.id));
    }
    const text = result === 'already-cancelled' ? 'This request was already cancelled.' : 'Cancelled. Anyone we had asked has been told.';
    if (data.view === 'list') return { card: await myRequestsCard(turn, text) };
    return leadCard(turn, request, 'Facilitation request cancelled', text);
  },
};

export const acceptOfferAction: CardAction = {
  verb: Verbs.facilitationOfferAccept,
  async run(turn, data) {
    const { request, result } = await turn.services.facilitation.requests.accept(turn.actor, data.requestId, data.offerId, 'card');
    const offer = request.offers.find((o) => o.offerId === data.offerId);
    const answers: Record<Exclude<AcceptResult, 'confirmed' | 'already-yours'>, [string, string]> = {
      filled: ['Already filled', 'Thank you — this session already has a facilitator, so there is nothing more to do.'],
      expired: ['Already filled', `This offer expired${offer ? ` at ${shortWhen(offer.expiresAt)}` : ''} and has moved on to someone else. Thank you anyway.`],
      cancelled: ['No longer needed', request.cancelReason === 'lapsed' ? 'The session has already started, so there is nothing more to do. Thank you.' : 'The lead has cancelled this request, so there is nothing more to do. Thank you.'],
      closed: ['This offer is closed', 'You have already answered this offer. Thank you.'],
    };
    if (result === 'confirmed') return facilitatorConfirmation(turn, request);
    if (result === 'already-yours') return facilitatorConfirmation(turn, request, 'Already filled — by you: you are confirmed');
    const [title, text] = answers[result];
    return notice(turn, request, title, text, 'facilitator');
  },
};

export const declineOfferAction: CardAction = {
  verb: Verbs.facilitationOfferDecline,
  async run(turn, data) {
    const { request, result } = await turn.services.facilitation.requests.decline(turn.actor, data.requestId, data.offerId);
    if (result === 'accepted') return facilitatorConfirmation(turn, request, 'You accepted this session — use Withdraw if you can no longer make it');
    const answers: Record<Exclude<DeclineResult, 'accepted'>, [string, string]> = {
      declined: ['Thanks for letting us know', 'We have asked someone else. You will not be asked about this session again.'],
      'already-declined': ['Thanks for letting us know', 'You have already declined this offer.'],
      closed: ['This offer is closed', 'This offer has already moved on, so there is nothing to decline. Thank you.'],
    };
    const [title, text] = answers[result];
    return notice(turn, request, title, text, 'facilitator');
  },
};

export const withdrawAction: CardAction = {
  verb: Verbs.facilitationWithdraw,
  async run(turn, data) {
    const { request } = await turn.services.facilitation.requests.withdraw(turn.actor, data.requestId);
    return notice(turn, request, 'You have withdrawn', 'Thanks for letting us know. We will find someone else and tell the lead. Open the calendar link to remove the session from your calendar.', 'facilitator', tokenOf(request, turn.actor.id));
  },
};

export const assignAction: CardAction = {
  verb: Verbs.facilitationAssign,
  async run(turn, data) {
    const { request, result } = await turn.services.facilitation.requests.assign(turn.actor, data.requestId, data.userId);
    const { names } = await turn.services.facilitation.requests.context(request);
    const who = names.get(request.facilitatorId ?? '') ?? 'The facilitator';
    return notice(turn, request, result === 'already' ? 'Already assigned' : 'Facilitator assigned', `${who} is confirmed. The lead and the facilitator have both been told.`, 'coordinator');
  },
};

export const saveFacilitatorAction: CardAction = {
  verb: Verbs.facilitatorSave,
  async run(turn, data) {
    const saved = await turn.services.facilitation.pool.saveMine(turn.actor, data);
    return { card: facilitatorCard(saved, saved.paused ? 'Saved. Offers are paused until you switch this off.' : 'Saved. Thank you!') };
  },
};

export const facilitationActions: CardAction[] = [requestFacilitatorAction, cancelRequestAction, acceptOfferAction, declineOfferAction, withdrawAction, assignAction, saveFacilitatorAction];
