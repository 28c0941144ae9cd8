// Every Action.Execute verb, in one list. Card builders and the card-action router both read these
// constants; tests fail when a card carries a verb that nothing handles.
export const Verbs = {
  // PLT events
  eventSignup: 'event.signup',
  /** A person cancels their booking or leaves the waitlist, at once (kept as the contract says). */
  eventCancel: 'event.cancel',
  /** What a card's Cancel / Leave button sends: a confirm card whose Confirm button is event.cancel. */
  eventCancelAsk: 'event.cancel.ask',
  eventRefresh: 'event.refresh',
  eventCreate: 'event.create',
  eventUpdate: 'event.update',
  eventAttendance: 'event.attendance',
  eventRoster: 'event.roster',
  eventEdit: 'event.edit',
  /** An organiser cancels the whole event (event.cancel is a person cancelling their booking). */
  eventOrganiserCancel: 'event.organiser.cancel',
  eventPost: 'event.post',
  eventImport: 'event.import',
  /** An attendee's feedback after the event (rating, comments, reflection, Code theme). */
  eventFeedback: 'event.feedback',
  calendarReset: 'calendar.reset',
  calendarRevoke: 'calendar.revoke',
  // Channels
  channelJoin: 'channel.join',
  channelLeave: 'channel.leave',
  channelPropose: 'channel.propose',
  channelProposalApprove: 'channel.proposal.approve',
  channelProposalReject: 'channel.proposal.reject',
  channelDirectory: 'channel.directory',
  /** One channel's card, as the person who sees it should (message extension cards). */
  channelRefresh: 'channel.refresh',
  channelEdit: 'channel.edit',
  channelUpdate: 'channel.update',
  channelMembers: 'channel.members',
  channelRequestApprove: 'channel.request.approve',
  channelRequestDecline: 'channel.request.decline',
  // People
  profileSave: 'profile.save',
  // Facilitation
  facilitationRequest: 'facilitation.request',
  facilitationRequestCancel: 'facilitation.request.cancel',
  facilitationOfferAccept: 'facilitation.offer.accept',
  facilitationOfferDecline: 'facilitation.offer.decline',
  facilitatorSave: 'facilitator.save',
  // Privacy
  privacyForgetConfirm: 'privacy.forget.confirm',
  privacyForgetKeep: 'privacy.forget.keep',
  facilitationWithdraw: 'facilitation.withdraw',
  facilitationAssign: 'facilitation.assign',
  // Notifications
  notificationSettingsSave: 'notifications.settings.save',
  // General
  runCommand: 'command.run',
} as const;

export type Verb = (typeof Verbs)[keyof typeof Verbs];
export const ALL_VERBS: readonly Verb[] = Object.values(Verbs);
