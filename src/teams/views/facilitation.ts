// What a person sees of facilitation in Teams, shared by the commands and card actions: gathers a
// request's context (channel, names) from the services and hands it to the builders in
// src/cards/facilitation/ (which hold every word).
import type { BotTurn } from '../turn.js';
import type { CardJson } from '../../cards/render.js';
import type { FacilitationRequest } from '../../domain/facilitation/request.js';
import { peopleIn } from '../../domain/facilitation/request.js';
import type { ForWhom } from '../../cards/facilitation/common.js';
import { confirmedMessage, leadStatusCard, noticeMessage } from '../../cards/facilitation/status.js';
import { leadListCard } from '../../cards/facilitation/requests.js';

/** A short notice card about a request, for whoever pressed the button. */
export async function requestNoticeCard(turn: BotTurn, r: FacilitationRequest, title: string, text: string, forWhom: ForWhom, calendarToken?: string): Promise<CardJson> {
  const { channelName, names, publicUrl } = await turn.services.facilitation.lookups.context(r);
  return noticeMessage(r, { title, text, forWhom, calendarToken }, channelName, names, publicUrl).card;
}

/** The lead's view of one request. */
export async function leadCardFor(turn: BotTurn, r: FacilitationRequest, title: string, text = ''): Promise<CardJson> {
  const { channelName, names, publicUrl } = await turn.services.facilitation.lookups.context(r);
  return leadStatusCard(r, channelName, names, publicUrl, title, text, turn.services.clock.now());
}

/** The facilitator's confirmation (what an accepted offer card turns into). */
export async function facilitatorConfirmationCard(turn: BotTurn, r: FacilitationRequest, title?: string): Promise<CardJson> {
  const { channelName, names, publicUrl } = await turn.services.facilitation.lookups.context(r);
  return confirmedMessage(r, 'facilitator', channelName, names, publicUrl, title).card;
}

/** "My requests": the lead's list. */
export async function myRequestsCard(turn: BotTurn, notice?: string): Promise<CardJson> {
  const requests = await turn.services.facilitation.lookups.ledBy(turn.actor);
  const [channels, names] = await Promise.all([turn.services.channels.list(), turn.services.people.names(requests.flatMap(peopleIn))]);
  return leadListCard(requests, new Map(channels.map((c) => [c.id, c.name])), names, notice, turn.services.clock.now());
}
