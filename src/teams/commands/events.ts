// Events commands: browse, my bookings and CPD, create, calendar links, CSV import.
import type { Command } from '../commandRouter.js';
import { cardMessage } from '../replies.js';
import { calendarCardFor, eventFormFor, eventListFor, myEventsFor } from '../views/events.js';
import { eventAnswers } from '../../cards/events/answers.js';
import { importCard } from '../../cards/events/organiser.js';
import { IMPORT_HEADER } from '../../services/events/importer.js';
import { hasRole } from '../../domain/people/authorisation.js';

export const eventsCommand: Command = {
  name: 'events',
  aliases: ['plt', 'plt events', 'upcoming events', 'find events'],
  usage: 'events [this week|next week|this month|<hub>|<profession>|<channel>]',
  summary: 'Upcoming PLT events, with Sign up buttons',
  group: 'Everyone',
  async run(turn, args) {
    await turn.reply(cardMessage(await eventListFor(turn, args)));
  },
};

export const myEventsCommand: Command = {
  name: 'my events',
  aliases: ['my bookings', 'bookings', 'my cpd', 'cpd'],
  usage: 'my events',
  summary: 'Your bookings and waitlist places (with Cancel), and your CPD record',
  group: 'Everyone',
  async run(turn) {
    if (turn.scope !== 'personal') {
      await turn.reply(eventAnswers.myEventsArePersonal);
      return;
    }
    await turn.reply(cardMessage(await myEventsFor(turn)));
  },
};

export const createEventCommand: Command = {
  name: 'create event',
  aliases: ['new event', 'add event'],
  usage: 'create event',
  summary: 'The event form (weekly or monthly series too)',
  group: 'Organisers',
  async run(turn) {
    if (turn.actor.guest || !hasRole(turn.actor, 'organiser')) {
      await turn.reply(eventAnswers.onlyOrganisersCreate);
      return;
    }
    await turn.reply(cardMessage(await eventFormFor(turn)));
  },
};

export const importEventsCommand: Command = {
  name: 'import events',
  aliases: ['import'],
  usage: 'import events',
  summary: 'Create many events from CSV, with a line-by-line check',
  group: 'Organisers',
  async run(turn) {
    if (turn.actor.guest || !hasRole(turn.actor, 'organiser')) {
      await turn.reply(eventAnswers.onlyOrganisersImport);
      return;
    }
    await turn.reply(cardMessage(importCard({ header: IMPORT_HEADER })));
  },
};

export const calendarCommand: Command = {
  name: 'calendar',
  aliases: ['my calendar', 'calendar feed'],
  usage: 'calendar',
  summary: 'Your private calendar feed link and each hub’s public feed',
  group: 'Everyone',
  async run(turn) {
    await turn.reply(cardMessage(await calendarCardFor(turn)));
  },
};

export const eventCommands: Command[] = [eventsCommand, myEventsCommand, calendarCommand, createEventCommand, importEventsCommand];
