// A request as its lead or facilitator should see it now: the confirmation (with "Add to
// calendar"), the lead's status card, and every short notice about a request (cancelled,
// withdrawn, no longer needed, escalated, lapsed…). Layout and buttons: status.json.
import statusTemplate from './status.json' with { type: 'json' };
import { renderCard, type CardJson } from '../render.js';
import { openOffer, tokenOf, type FacilitationRequest } from '../../domain/facilitation/request.js';
import { formatLondonRange } from '../../domain/time/london.js';
import { facilitationCalendarUrl, nameOf, statusText, type Names } from '../../contracts/facilitation.js';
import { bullets, cancellable, defined, factsText, requestFacts, STATUS_COLOUR, type CardMessage, type Colour, type Fact, type ForWhom } from './common.js';

export interface StatusCardInput {
  requestId: string;
  title: string;
  text?: string;
  status?: string;
  statusColour?: Colour;
  facts: Fact[];
  reasonsTitle?: string;
  reasons?: string[];
  footer?: string;
  calendarUrl?: string;
  canWithdraw?: boolean;
  canCancel?: boolean;
}

/** One request or offer, as its lead or facilitator should see it now (also used for notices). */
export function facilitationStatusCard(input: StatusCardInput): CardJson {
  const data = {
    text: '',
    status: '',
    statusColour: 'Default',
    reasonsTitle: 'Why them',
    reasons: [],
    footer: '',
    calendarUrl: '',
    canWithdraw: false,
    canCancel: false,
    ...defined(input),
  } as Required<StatusCardInput>;
  const fallback = [data.title, data.text, data.status, factsText(data.facts), bullets(data.reasons), data.footer].filter(Boolean).join('\n');
  return renderCard(statusTemplate, data, fallback);
}


/** A short notice about a request: its title and text, for whom, and what it may offer. */
export interface NoticeInput {
  title: string;
  text: string;
  forWhom: ForWhom;
  calendarToken?: string;
  canCancel?: boolean;
}

export function confirmedMessage(r: FacilitationRequest, role: 'lead' | 'facilitator', channelName: string, names: Names, publicUrl: string, title?: string): CardMessage {
  const facilitator = nameOf(names, r.facilitatorId);
  const token = tokenOf(r, role === 'lead' ? r.leadId : r.facilitatorId);
  const offer = r.offers.find((o) => o.outcome === 'accepted' && o.facilitatorId === r.facilitatorId);
  const byHand = !!offer?.byHand;
  const text =
    role === 'lead'
      ? `Confirmed: ${facilitator} will ${r.format === 'observe' ? 'observe' : r.format === 'coach' ? 'coach you for' : 'co-facilitate'} your ${channelName} session on ${formatLondonRange(r.start, r.end)}.`
      : `Confirmed: you are facilitating ${channelName} on ${formatLondonRange(r.start, r.end)}${byHand ? ' (arranged by a hub coordinator)' : ''}. Thank you!`;
  const card = facilitationStatusCard({
    requestId: r.id,
    title: title ?? (role === 'lead' ? 'Your facilitator is confirmed' : 'You are confirmed'),
    text,
    status: 'Confirmed',
    statusColour: 'Good',
    facts: requestFacts(r, channelName, names, role),
    reasonsTitle: role === 'lead' ? `Why ${facilitator}` : 'Why we asked you',
    reasons: offer?.reasons ?? [],
    footer: 'Add it to your calendar so it is not missed. The invite updates itself if anything changes.',
    calendarUrl: token ? facilitationCalendarUrl(publicUrl, token) : '',
    canWithdraw: role === 'facilitator',
    canCancel: role === 'lead',
  });
  return { text, card };
}
export function noticeMessage(r: FacilitationRequest, input: NoticeInput, channelName: string, names: Names, publicUrl: string): CardMessage {
  const card = facilitationStatusCard({
    requestId: r.id,
    title: input.title,
    text: input.text,
    status: input.forWhom === 'lead' ? statusText(r, names) : '',
    statusColour: STATUS_COLOUR[r.status],
    facts: requestFacts(r, channelName, names, input.forWhom),
    calendarUrl: input.calendarToken ? facilitationCalendarUrl(publicUrl, input.calendarToken) : '',
    canCancel: !!input.canCancel,
  });
  return { text: input.text, card };
}
export function leadStatusCard(r: FacilitationRequest, channelName: string, names: Names, publicUrl: string, title: string, text = '', now = new Date()) {
  const offer = openOffer(r);
  const accepted = r.status === 'confirmed' ? r.offers.find((o) => o.outcome === 'accepted' && o.facilitatorId === r.facilitatorId) : undefined;
  const shown = offer ?? accepted;
  const token = r.status === 'confirmed' ? tokenOf(r, r.leadId) : undefined;
  return facilitationStatusCard({
    requestId: r.id,
    title,
    text,
    status: statusText(r, names),
    statusColour: STATUS_COLOUR[r.status],
    facts: requestFacts(r, channelName, names, 'lead'),
    reasonsTitle: shown ? `Why ${nameOf(names, shown.facilitatorId)}` : 'Why nobody yet',
    reasons: shown ? shown.reasons : r.status === 'escalated' ? r.noMatchReasons : [],
    footer: r.status === 'offered' ? 'We offer one facilitator at a time and move on if they decline or do not answer in time. You will hear when someone confirms.' : '',
    calendarUrl: token ? facilitationCalendarUrl(publicUrl, token) : '',
    canCancel: cancellable(r, now),
  });
}
