// What the bot says back about events after a command or a button: the line at the top of the
// card it answers with, or a short reply in words.

/** What a sign-up did, in the terms the words need. */
export interface SignupResultWords {
  title: string;
  status: 'booked' | 'waitlisted';
  position?: number;
  already: boolean;
}

export const eventAnswers = {
  signedUp({ title, status, position, already }: SignupResultWords): string {
    if (already) return status === 'booked' ? `You were already booked on “${title}”.` : `You are already on the waitlist for “${title}” (#${position}).`;
    return status === 'booked' ? `You’re booked on “${title}”.` : `“${title}” is full, so you’re on the waitlist: #${position}.`;
  },
  bookingCancelled(previous: 'booked' | 'waitlisted' | 'none'): string {
    if (previous === 'booked') return 'Your booking is cancelled. Thank you for freeing the place.';
    return previous === 'waitlisted' ? 'You have left the waitlist.' : 'You had no booking on this event.';
  },
  kept: (status: 'booked' | 'waitlisted' | 'none') => (status === 'booked' ? 'Nothing changed: you keep your place.' : status === 'waitlisted' ? 'Nothing changed: you stay on the waitlist.' : 'Nothing changed.'),
  created: (count: number) => (count > 1 ? `Created a series of ${count} events; this is the first.` : 'Event created. Share it with “events” in a channel, or post it to its channel.'),
  saved: 'Saved.',
  eventCancelled: (told: number) => `Event cancelled. ${told} ${told === 1 ? 'person is' : 'people are'} being told.`,
  attendanceSaved: (attended: number) => `Attendance saved: ${attended} attended. They now see it in their CPD record.`,
  posted: (channelName: string) => `Posted in ${channelName}.`,
  newCalendarLink: 'Here is your new link. The old one no longer works.',
  calendarLinkOff: 'Your private calendar link is turned off.',
  myEventsArePersonal: 'Your bookings are personal: message me 1:1 and type “my events”, or open the My bookings tab.',
  onlyOrganisersCreate: 'Only organisers and hub coordinators can create events. Ask your hub coordinator if you run PLT events.',
  onlyOrganisersImport: 'Only organisers and hub coordinators can import events.',
};
