// Event card actions (Universal Actions). Every one answers with the card as the acting person
// should now see it; bad or forbidden input is an error response and changes nothing.
import type { CardAction, ActionData } from '../cardActionRouter.js';
import type { BotTurn } from '../turn.js';
import { Verbs } from '../../cards/verbs.js';
import { invalid, forbidden } from '../../domain/errors.js';
import { calendarCardFor, eventCardFor, eventFormFor, eventListFor, genericEventCard, myEventsFor } from '../views/events.js';
import { eventAnswers } from '../../cards/events/answers.js';
import { rosterCard, importCard } from '../../cards/events/organiser.js';
import { IMPORT_HEADER } from '../../services/events/importer.js';
import { postToChannel } from '../channelPost.js';
import { isEventId } from '../../services/events/eventsService.js';
import { NO_CHANNEL } from '../../cards/events/form.js';
import { learnEmail } from '../memberEmail.js';

function eventIdOf(data: ActionData): string {
  const id = data.eventId;
  if (!isEventId(id)) throw invalid('This card does not say which event it is for. Please use a fresh card (type “events”).');
  return id;
}

/** Where the action came from: a list (shown again), "my events", or one event's card. */
function backTo(data: ActionData): { list?: string; mine?: boolean } {
  if (typeof data.list === 'string') return { list: data.list.slice(0, 100) };
  if (data.view === 'mine') return { mine: true };
  return {};
}

async function answer(turn: BotTurn, data: ActionData, eventId: string, notice: string, withWarnings = false) {
  const back = backTo(data);
  if (back.list !== undefined) return { card: await eventListFor(turn, back.list, notice) };
  if (back.mine) return { card: await myEventsFor(turn, notice) };
  return { card: await eventCardFor(turn, eventId, notice, withWarnings) };
}

const signup: CardAction = {
  verb: Verbs.eventSignup,
  async run(turn, data) {
    const eventId = eventIdOf(data);
    // The card that answers shows warnings: let the service read what they need while it books.
    // Their mailbox (for the roster, and to match a guest's Teams attendance) is asked of Teams beside the booking.
    const [result] = await Promise.all([turn.services.events.signUp(turn.actor, eventId, { warnings: true }), learnEmail(turn)]);
    const notice = eventAnswers.signedUp({ title: result.view.title, status: result.status, position: result.position, already: result.already });
    return answer(turn, data, eventId, notice, !result.already);
  },
};

const cancel: CardAction = {
  verb: Verbs.eventCancel,
  async run(turn, data) {
    const eventId = eventIdOf(data);
    const { previous } = await turn.services.events.cancelBooking(turn.actor, eventId);
    return answer(turn, data, eventId, eventAnswers.bookingCancelled(previous));
  },
};

const refresh: CardAction = {
  verb: Verbs.eventRefresh,
  async run(turn, data) {
    if (data.eventId === undefined && typeof data.list === 'string') return { card: await eventListFor(turn, data.list.slice(0, 100)) };
    return { card: await eventCardFor(turn, eventIdOf(data)) };
  },
};

/** The form's "no channel" choice means no channel. */
const fromForm = (data: ActionData): ActionData => (data.channelId === NO_CHANNEL ? { ...data, channelId: '' } : data);

const create: CardAction = {
  verb: Verbs.eventCreate,
  async run(turn, data) {
    const created = await turn.services.events.create(turn.actor, fromForm(data));
    return { card: await eventCardFor(turn, created[0].id, eventAnswers.created(created.length)) };
  },
};

const update: CardAction = {
  verb: Verbs.eventUpdate,
  async run(turn, data) {
    const eventId = eventIdOf(data);
    const { eventId: _id, ...fields } = fromForm(data);
    await turn.services.events.update(turn.actor, eventId, fields);
    return { card: await eventCardFor(turn, eventId, eventAnswers.saved) };
  },
};

const edit: CardAction = {
  verb: Verbs.eventEdit,
  async run(turn, data) {
    const view = await turn.services.events.view(turn.actor, eventIdOf(data));
    if (!view.canManage) throw forbidden('Only organisers and coordinators of this event’s hub can change it.');
    return { card: await eventFormFor(turn, view) };
  },
};

const organiserCancel: CardAction = {
  verb: Verbs.eventOrganiserCancel,
  async run(turn, data) {
    const eventId = eventIdOf(data);
    const view = await turn.services.events.cancelEvent(turn.actor, eventId, data.reason);
    return { card: await eventCardFor(turn, eventId, eventAnswers.eventCancelled(view.booked + view.waitlisted)) };
  },
};

const roster: CardAction = {
  verb: Verbs.eventRoster,
  async run(turn, data) {
    const r = await turn.services.events.roster(turn.actor, eventIdOf(data));
    return { card: rosterCard(r, { started: r.attendanceOpen }) };
  },
};

const attendance: CardAction = {
  verb: Verbs.eventAttendance,
  async run(turn, data) {
    const eventId = eventIdOf(data);
    const result = await turn.services.events.markAttendance(turn.actor, eventId, data.attended ?? '');
    const r = await turn.services.events.roster(turn.actor, eventId);
    return { card: rosterCard(r, { started: true, notice: eventAnswers.attendanceSaved(result.attended) }) };
  },
};

const post: CardAction = {
  verb: Verbs.eventPost,
  async run(turn, data) {
    const eventId = eventIdOf(data);
    const view = await turn.services.events.view(turn.actor, eventId);
    if (!view.canManage) throw forbidden('Only organisers and coordinators of this event’s hub can post it.');
    const channel = view.channelId ? await turn.services.channels.get(view.channelId) : null;
    if (!channel?.teamsChannelId) throw invalid('This event has no Teams channel to post to. Link it to a channel, or type “events” in the channel.');
    const { card } = await genericEventCard(turn, eventId);
    await postToChannel(turn, channel.teamsChannelId, card);
    return { card: await eventCardFor(turn, eventId, eventAnswers.posted(channel.name)) };
  },
};

const importEvents: CardAction = {
  verb: Verbs.eventImport,
  async run(turn, data) {
    const csv = typeof data.csv === 'string' ? data.csv : '';
    const dryRun = data.dryRun === true || data.dryRun === 'true';
    const report = await turn.services.eventImporter.import(turn.actor, csv, { dryRun });
    return { card: importCard({ report, header: IMPORT_HEADER, csv: report.errors || report.dryRun ? csv : '' }) };
  },
};

const calendarReset: CardAction = {
  verb: Verbs.calendarReset,
  async run(turn) {
    if (turn.scope !== 'personal') throw invalid('Manage your private calendar link in a 1:1 chat with me.');
    return { card: await calendarCardFor(turn, { replace: true, notice: eventAnswers.newCalendarLink }) };
  },
};

const calendarRevoke: CardAction = {
  verb: Verbs.calendarRevoke,
  async run(turn) {
    if (turn.scope !== 'personal') throw invalid('Manage your private calendar link in a 1:1 chat with me.');
    await turn.services.eventCalendars.revoke(turn.actor.id);
    return { card: await calendarCardFor(turn, { revoked: true, notice: eventAnswers.calendarLinkOff }) };
  },
};

export const eventCardActions: CardAction[] = [signup, cancel, refresh, create, update, edit, organiserCancel, roster, attendance, post, importEvents, calendarReset, calendarRevoke];
