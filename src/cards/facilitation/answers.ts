// What the bot says back about facilitation after a command or a button: the title and line of
// the card it answers with, or a short reply in words.
import type { AcceptResult, AssignResult, CancelResult, DeclineResult } from '../../contracts/facilitation.js';
import { formatLondonShort } from '../../domain/time/london.js';

type TitleAndText = [title: string, text: string];

export const facilitationAnswers = {
  requestSent: (duplicate: boolean) => (duplicate ? 'You have already asked for this session' : 'Request sent'),
  requestCancelled: { title: 'Facilitation request cancelled', text: (result: CancelResult) => (result === 'already-cancelled' ? 'This request was already cancelled.' : 'Cancelled. Anyone we had asked has been told.') },
  /** The facilitator's "cancel" is a withdrawal. */
  withdrawnByCancel: ['You have withdrawn', 'Thanks for letting us know. We will find someone else and tell the lead.'] as TitleAndText,
  withdrawn: ['You have withdrawn', 'Thanks for letting us know. We will find someone else and tell the lead. Open the calendar link to remove the session from your calendar.'] as TitleAndText,
  alreadyYours: 'Already filled — by you: you are confirmed',
  /** An accept that did not confirm: why, in words. */
  notAccepted(result: Exclude<AcceptResult, 'confirmed' | 'already-yours'>, offerExpiresAt: Date | undefined, lapsed: boolean): TitleAndText {
    switch (result) {
      case 'filled':
        return ['Already filled', 'Thank you — this session already has a facilitator, so there is nothing more to do.'];
      case 'expired':
        return ['Already filled', `This offer expired${offerExpiresAt ? ` at ${formatLondonShort(offerExpiresAt)}` : ''} and has moved on to someone else. Thank you anyway.`];
      case 'cancelled':
        return ['No longer needed', lapsed ? 'The session has already started, so there is nothing more to do. Thank you.' : 'The lead has cancelled this request, so there is nothing more to do. Thank you.'];
      case 'closed':
        return ['This offer is closed', 'You have already answered this offer. Thank you.'];
    }
  },
  acceptedNotDeclined: 'You accepted this session — use Withdraw if you can no longer make it',
  declined(result: Exclude<DeclineResult, 'accepted'>): TitleAndText {
    if (result === 'declined') return ['Thanks for letting us know', 'We have asked someone else. You will not be asked about this session again.'];
    if (result === 'already-declined') return ['Thanks for letting us know', 'You have already declined this offer.'];
    return ['This offer is closed', 'This offer has already moved on, so there is nothing to decline. Thank you.'];
  },
  assigned: (result: AssignResult, who: string | undefined): TitleAndText => [result === 'already' ? 'Already assigned' : 'Facilitator assigned', `${who ?? 'The facilitator'} is confirmed. The lead and the facilitator have both been told.`],
  profileSaved: (paused: boolean) => (paused ? 'Saved. Offers are paused until you switch this off.' : 'Saved. Thank you!'),
  onlyLeadsRequest: 'Only channel leads can request a facilitator, and you do not lead a Virtual Café channel. A hub coordinator can add you as a lead.',
  notInPool: 'You are not in the facilitator pool. Hub coordinators add facilitators; ask yours if you would like to facilitate group sessions.',
  offersWaiting: (n: number) => (n ? `You have ${n} offer${n === 1 ? '' : 's'} waiting for your answer (see the offer cards, or the Facilitation tab).` : undefined),
  /** In a channel or group chat, someone's own requests or profile go to their 1:1 chat. */
  sentPrivately: (name: string) => `${name.split(' ')[0] || 'I'}: I have sent that to you in our 1:1 chat.`,
  myRequestsPreview: 'Your facilitation requests',
  myProfilePreview: 'Your facilitator profile',
};
