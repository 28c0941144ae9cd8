// The app where people already are: the message extension's search (`composeExtension/query`,
// commands `events` and `channels`, also what Microsoft 365 Copilot calls when it uses the
// extension as an agent), link unfurling (`composeExtension/queryLink` for /tab/events/{id}) and the
// people typeahead of cards (`application/search`, dataset `people`).
// Nothing here answers with an error card: bad input gets an empty list or a short message.
import type { BotTurn } from './turn.js';
import { eventCard } from '../cards/events/event.js';
import { channelCard } from '../cards/channels/channel.js';
import { directoryEntries } from '../cards/channels/directory.js';
import { channelResult, eventResult, extensionAnswers, type ExtensionAttachment } from '../cards/extension/results.js';
import { EVENT_SEARCH_MAX, matchesSearch, parseEventSearch } from '../domain/events/search.js';
import { isEventId } from '../services/events/eventsService.js';
import { isAppError } from '../domain/errors.js';
import { plainObject } from '../domain/input.js';
import { personChoiceTitle, PEOPLE_DATASET } from '../cards/people/choices.js';

/** Most results Teams is given at once (it asks for 25; a shorter list is quicker to scan). */
export const RESULTS_MAX = 10;
/** How far down a list Teams may page. */
const SKIP_MAX = 200;

export interface ExtensionResponse {
  composeExtension: { type: 'result'; attachmentLayout: 'list'; attachments: ExtensionAttachment[] } | { type: 'message'; text: string };
}

const results = (attachments: ExtensionAttachment[]): ExtensionResponse => ({ composeExtension: { type: 'result', attachmentLayout: 'list', attachments } });
const message = (text: string): ExtensionResponse => ({ composeExtension: { type: 'message', text } });

function whole(raw: unknown, min: number, max: number, fallback: number): number {
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() ? Number(raw) : NaN;
  return Number.isInteger(n) ? Math.min(max, Math.max(min, n)) : fallback;
}

/** The `query` parameter's text ('' on the initial run, when nothing was typed yet). */
function queryText(value: Record<string, unknown>): unknown {
  const parameters = Array.isArray(value.parameters) ? value.parameters : [];
  for (const p of parameters) {
    const param = p && typeof p === 'object' ? (p as { name?: unknown; value?: unknown }) : {};
    if (param.name === 'initialRun') return '';
    if (param.name === 'query') return param.value ?? '';
  }
  return '';
}

/** composeExtension/query */
export async function answerExtensionQuery(turn: BotTurn, raw: unknown): Promise<ExtensionResponse> {
  const value = plainObject(raw, Number.POSITIVE_INFINITY) ?? {};
  const options = plainObject(value.queryOptions, Number.POSITIVE_INFINITY) ?? {};
  const skip = whole(options.skip, 0, SKIP_MAX, 0);
  const count = whole(options.count, 1, RESULTS_MAX, RESULTS_MAX);
  const text = queryText(value);
  // Not text (an object, a number): nothing to search for.
  if (typeof text !== 'string') return results([]);
  if (text.length > EVENT_SEARCH_MAX) return message(extensionAnswers.tooLong(EVENT_SEARCH_MAX));
  try {
    if (value.commandId === 'events') return results(await searchEvents(turn, text, skip, count));
    if (value.commandId === 'channels') return results(await searchChannels(turn, text, skip, count));
    return results([]);
  } catch (e) {
    // Someone who may not search (or bad words) sees an empty list, never an error card.
    if (isAppError(e)) return results([]);
    throw e;
  }
}

async function searchEvents(turn: BotTurn, text: string, skip: number, count: number): Promise<ExtensionAttachment[]> {
  const { events, channels, clock } = turn.services;
  const search = parseEventSearch(text, clock.now());
  if (!search) return [];
  const channelList = await channels.list();
  const names = new Map(channelList.map((c) => [c.id, c.name]));
  const found = await events.find(
    turn.actor,
    { from: search.from, to: search.to, status: 'scheduled', where: (e) => matchesSearch(e, search, names) },
    { limit: skip + count },
  );
  // The card lands in a chat many people see: nobody's own state until Teams refreshes it for each.
  return found.items.slice(skip).map((view) => eventResult(view, eventCard(view, { generic: true, channelName: view.channelId ? names.get(view.channelId) : undefined })));
}

async function searchChannels(turn: BotTurn, text: string, skip: number, count: number): Promise<ExtensionAttachment[]> {
  const { items } = await turn.services.channelService.directory(turn.actor, text, { offset: skip, limit: count });
  return directoryEntries(items, false).map((entry) => channelResult(entry, channelCard(entry)));
}

/** The event id in a pasted link to the tab (`{PUBLIC_URL}/tab/events/{id}`), or null. */
export function eventIdFromLink(url: unknown, publicUrl: string): string | null {
  if (typeof url !== 'string' || url.length > 2048) return null;
  let link: URL;
  let base: URL;
  try {
    link = new URL(url);
    base = new URL(publicUrl);
  } catch {
    return null;
  }
  if (link.host.toLowerCase() !== base.host.toLowerCase()) return null;
  const prefix = base.pathname.replace(/\/$/, '');
  const m = /^\/tab\/events\/([^/?#]+)\/?$/.exec(link.pathname.slice(prefix.length));
  if (!m || !link.pathname.startsWith(prefix)) return null;
  const id = decodeURIComponent(m[1]);
  return isEventId(id) ? id : null;
}

/** composeExtension/queryLink: a pasted event link becomes the event's card; anything else, nothing. */
export async function answerLinkQuery(turn: BotTurn, raw: unknown): Promise<ExtensionResponse> {
  const value = plainObject(raw, Number.POSITIVE_INFINITY) ?? {};
  const eventId = eventIdFromLink(value.url, turn.services.config.publicUrl);
  if (!eventId) return results([]);
  const { events, channels } = turn.services;
  try {
    const view = await events.view(turn.actor, eventId);
    const channel = view.channelId ? await channels.get(view.channelId) : null;
    return results([eventResult(view, eventCard(view, { generic: true, channelName: channel?.name }))]);
  } catch (e) {
    // An unknown or removed event: Teams leaves the link as it was.
    if (isAppError(e)) return results([]);
    throw e;
  }
}

export const SEARCH_RESPONSE_TYPE = 'application/vnd.microsoft.search.searchResponse';

export interface SearchInvokeResponse {
  statusCode: 200;
  type: typeof SEARCH_RESPONSE_TYPE;
  value: { results: { title: string; value: string }[] };
}

/**
 * application/search (a card's Input.ChoiceSet with `Data.Query` dataset `people`): people by
 * name, from the same search as GET /api/people. Only those who may choose people get results;
 * everyone else, unknown datasets and bad queries get an empty list.
 */
export async function answerPeopleSearch(turn: BotTurn, raw: unknown): Promise<SearchInvokeResponse> {
  const empty: SearchInvokeResponse = { statusCode: 200, type: SEARCH_RESPONSE_TYPE, value: { results: [] } };
  const value = plainObject(raw, Number.POSITIVE_INFINITY) ?? {};
  if (value.dataset !== PEOPLE_DATASET || typeof value.queryText !== 'string') return empty;
  const options = plainObject(value.queryOptions, Number.POSITIVE_INFINITY) ?? {};
  const skip = whole(options.skip, 0, 100, 0);
  const top = whole(options.top, 1, 20, 15);
  const search = turn.services.peopleSearch;
  try {
    if (!(await search.maySearch(turn.actor))) return empty;
    const found = await search.search(turn.actor, value.queryText);
    return { ...empty, value: { results: found.slice(skip, skip + top).map((m) => ({ title: personChoiceTitle(m), value: m.id })) } };
  } catch (e) {
    if (isAppError(e)) return empty;
    throw e;
  }
}
