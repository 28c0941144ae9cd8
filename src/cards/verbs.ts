// Every Action.Execute verb, in one list. Card builders and the card-action router both read these
// constants; tests fail when a card carries a verb that nothing handles.
export const Verbs = {
  // PLT events
  eventSignup: 'event.signup',
  eventCancel: 'event.cancel',
  eventRefresh: 'event.refresh',
  eventCreate: 'event.create',
  eventUpdate: 'event.update',
  eventAttendance: 'event.attendance',
  // Channels
  channelJoin: 'channel.join',
  channelLeave: 'channel.leave',
  channelPropose: 'channel.propose',
  channelProposalApprove: 'channel.proposal.approve',
  channelProposalReject: 'channel.proposal.reject',
  // People
  profileSave: 'profile.save',
  // Facilitation
  facilitationRequest: 'facilitation.request',
  facilitationRequestCancel: 'facilitation.request.cancel',
  facilitationOfferAccept: 'facilitation.offer.accept',
  facilitationOfferDecline: 'facilitation.offer.decline',
  facilitatorSave: 'facilitator.save',
  // Notifications
  notificationSettingsSave: 'notifications.settings.save',
  // General
  runCommand: 'command.run',
} as const;

export type Verb = (typeof Verbs)[keyof typeof Verbs];
export const ALL_VERBS: readonly Verb[] = Object.values(Verbs);
