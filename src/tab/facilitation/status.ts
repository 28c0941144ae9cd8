// Where a request is, in words: a short label for the badge and a sentence that adds to it (never
// the status code twice, as in "offered offered to…").
import { shortWhen, type FacilitationRequest, type RequestStatus } from './types';

export const STATUS_LABELS: Record<RequestStatus, string> = {
  matching: 'Finding a facilitator',
  offered: 'Offered',
  confirmed: 'Confirmed',
  escalated: 'With a coordinator',
  cancelled: 'Cancelled',
};

/** The session has started (or is over): nothing more can be changed about it. */
export const hasStarted = (r: Pick<FacilitationRequest, 'start'>, now = new Date()) => new Date(r.start).getTime() <= now.getTime();

export function statusDetail(r: FacilitationRequest, viewerId: string, now = new Date()): string {
  const over = new Date(r.end).getTime() <= now.getTime();
  switch (r.status) {
    case 'matching':
      return 'Looking for someone free who fits.';
    case 'offered':
      if (!r.offer) return 'Waiting for an answer.';
      return r.offer.facilitatorId === viewerId ? `Offered to you by ${r.leadName}. Please answer by ${shortWhen(r.offer.expiresAt)}.` : `Waiting for ${r.offer.facilitatorName} to answer, until ${shortWhen(r.offer.expiresAt)}.`;
    case 'confirmed': {
      const who = r.facilitatorId === viewerId ? 'You' : (r.facilitatorName ?? 'A facilitator');
      return over ? `${who} facilitated this session.` : `${who} ${who === 'You' ? 'are' : 'is'} facilitating.`;
    }
    case 'escalated':
      return over ? 'Nobody was found for this session.' : 'Nobody free was found; a hub coordinator is arranging someone.';
    case 'cancelled':
      return r.cancelledAt && new Date(r.cancelledAt).getTime() >= new Date(r.start).getTime() ? 'The session started before anyone was confirmed.' : 'This request was cancelled.';
  }
}
