// Events commands: browse, my bookings and CPD, create, calendar links, CSV import.
import type { Command } from '../commandRouter.js';
import { cardMessage } from '../replies.js';
import { eventFormFor, eventListFor, myEventsFor } from '../eventCards.js';
import { calendarFeedCard } from '../../cards/builders/myEvents.js';
import { importCard } from '../../cards/builders/eventOrganiser.js';
import { IMPORT_HEADER } from '../../services/events/importer.js';
import { hasRole } from '../../domain/people/authorisation.js';
import { HUBS, HUB_NAMES } from '../../domain/people/hubs.js';
import type { BotTurn } from '../turn.js';

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
      await turn.reply('Your bookings are personal: message me 1:1 and type “my events”, or open the My bookings tab.');
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
      await turn.reply('Only organisers and hub coordinators can create events. Ask your hub coordinator if you run PLT events.');
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
      await turn.reply('Only organisers and hub coordinators can import events.');
      return;
    }
    await turn.reply(cardMessage(importCard({ header: IMPORT_HEADER })));
  },
};

export async function calendarCardFor(turn: BotTurn, options: { replace?: boolean; revoked?: boolean; notice?: string } = {}) {
  const calendars = turn.services.eventCalendars;
  const personal = turn.scope === 'personal';
  const feed = personal && !options.revoked ? await calendars.feed(turn.actor, options.replace) : undefined;
  return calendarFeedCard({ personal, feedUrl: feed?.url, hubFeeds: HUBS.map((h) => ({ name: HUB_NAMES[h], url: calendars.hubFeedUrl(h) })), notice: options.notice });
}

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
