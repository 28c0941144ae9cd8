// Every notice a facilitation request sends as it moves (the words of each step): the lead, the
// facilitator who was asked or confirmed, and the coordinators each hear what concerns them.
// The offer itself: offer.ts; the escalation to coordinators: escalation.ts.
import { tokenOf, type FacilitationRequest } from '../../domain/facilitation/request.js';
import type { UserId } from '../../domain/people/person.js';
import { confirmedMessage, noticeMessage } from './status.js';
import type { CardMessage, RequestContext } from './common.js';

const notice = (r: FacilitationRequest, ctx: RequestContext, input: Parameters<typeof noticeMessage>[1]): CardMessage => noticeMessage(r, input, ctx.channelName, ctx.names, ctx.publicUrl);

export const facilitationNotices = {
  /** Both sides, when someone accepts (or a coordinator assigns) the session. */
  confirmedToLead: (r: FacilitationRequest, ctx: RequestContext) => confirmedMessage(r, 'lead', ctx.channelName, ctx.names, ctx.publicUrl),
  confirmedToFacilitator: (r: FacilitationRequest, ctx: RequestContext, title?: string) => confirmedMessage(r, 'facilitator', ctx.channelName, ctx.names, ctx.publicUrl, title),
  assignedToFacilitator: (r: FacilitationRequest, ctx: RequestContext) => confirmedMessage(r, 'facilitator', ctx.channelName, ctx.names, ctx.publicUrl, 'A coordinator has arranged a session for you'),

  escalatedToLead: (r: FacilitationRequest, ctx: RequestContext) =>
    notice(r, ctx, { title: 'Still looking for a facilitator', text: `Nobody in the pool is free for your ${ctx.channelName} session, so we have asked the hub coordinators to arrange someone.`, forWhom: 'lead', canCancel: true }),

  lapsedToLead: (r: FacilitationRequest, ctx: RequestContext) =>
    notice(r, ctx, { title: 'No facilitator this time', text: `Your ${ctx.channelName} session started before a facilitator could be confirmed, so the request has closed.`, forWhom: 'lead' }),

  /** `who` is the facilitator who stepped back; `r` is the request after it moved on. */
  withdrawnToLead(r: FacilitationRequest, ctx: RequestContext, who: string): CardMessage {
    const next = r.status === 'offered' ? 'We have offered the session to someone else and will tell you when they confirm.' : 'Nobody else is free yet, so the hub coordinators will arrange someone.';
    return notice(r, ctx, { title: 'Your facilitator has withdrawn', text: `${who} can no longer facilitate your ${ctx.channelName} session. ${next}`, forWhom: 'lead', calendarToken: tokenOf(r, r.leadId), canCancel: true });
  },

  /** To whoever held the open offer when the lead (or a coordinator) cancelled. */
  noLongerNeededToOfferee: (r: FacilitationRequest, ctx: RequestContext) =>
    notice(r, ctx, { title: 'Offer withdrawn: no longer needed', text: `The ${ctx.channelName} session no longer needs a facilitator. Thank you for considering it.`, forWhom: 'facilitator' }),

  /** To the confirmed facilitator when the session is called off. */
  cancelledToFacilitator: (r: FacilitationRequest, ctx: RequestContext, facilitatorId: UserId) =>
    notice(r, ctx, {
      title: 'Session cancelled',
      text: `The ${ctx.channelName} session you were going to facilitate has been cancelled. Open the calendar link to remove it from your calendar.`,
      forWhom: 'facilitator',
      calendarToken: tokenOf(r, facilitatorId),
    }),

  /** To the lead when a coordinator cancels their request. */
  cancelledByCoordinatorToLead: (r: FacilitationRequest, ctx: RequestContext, wasConfirmed: boolean) =>
    notice(r, ctx, {
      title: 'Facilitation request cancelled',
      text: `A hub coordinator cancelled the facilitation request for your ${ctx.channelName} session.`,
      forWhom: 'lead',
      calendarToken: wasConfirmed ? tokenOf(r, r.leadId) : undefined,
    }),

  /** To whoever held the open offer when a coordinator assigned someone else by hand. */
  arrangedByCoordinatorToOfferee: (r: FacilitationRequest, ctx: RequestContext) =>
    notice(r, ctx, { title: 'Offer withdrawn: no longer needed', text: `A hub coordinator has arranged a facilitator for this ${ctx.channelName} session. Thank you for considering it.`, forWhom: 'facilitator' }),

  /** "Forget me" by the confirmed facilitator: the lead hears the session is looking again. */
  facilitatorGoneToLead: (r: FacilitationRequest, ctx: RequestContext) =>
    notice(r, ctx, {
      title: 'Your facilitator is no longer available',
      text: `Your facilitator for the ${ctx.channelName} session is no longer in the Virtual Café. ${r.status === 'offered' ? 'We have offered the session to someone else.' : 'The hub coordinators will arrange someone.'}`,
      forWhom: 'lead',
      canCancel: true,
    }),

  /** "Forget me" by the lead: the facilitator asked or confirmed hears the session is off. */
  leadGoneToFacilitator: (r: FacilitationRequest, ctx: RequestContext, facilitatorId: UserId, wasConfirmed: boolean) =>
    notice(r, ctx, {
      title: 'Session cancelled',
      text: `The ${ctx.channelName} session no longer needs a facilitator: the lead has left the Virtual Café.`,
      forWhom: 'facilitator',
      calendarToken: wasConfirmed ? tokenOf(r, facilitatorId) : undefined,
    }),
};
