// Who is in a channel and who asked to be. A membership is the fact "this person is in this
// Community of Practice"; a join request is the step before it on channels that need approval.
import type { UserId } from '../people/person.js';

export interface Membership {
  channelId: string;
  userId: UserId;
  /** Recorded at join time: guests (other organisations) never see others' details. */
  guest: boolean;
  joinedAt: Date;
  /** The Teams (Graph) membership id when the app added them to a private/shared channel. */
  graphMemberId?: string;
}

export type JoinRequestStatus = 'pending' | 'approved' | 'declined';

export interface JoinRequest {
  channelId: string;
  userId: UserId;
  guest: boolean;
  requestedAt: Date;
  status: JoinRequestStatus;
  decidedAt?: Date;
  /** Why a lead declined, shown to the person. */
  reason?: string;
}

/** What a join did: the API answers these words (`201 {status}`). */
export type JoinStatus = 'joined' | 'already-member' | 'requested' | 'already-requested';

export type LeaveStatus = 'left' | 'not-member' | 'request-withdrawn';
