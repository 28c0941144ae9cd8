// How requests and offers read to people: names, London times, facts for cards, JSON for the tab,
// and the messages each step sends. Nothing here changes state.
import type { Config } from '../../config.js';
import type { CardJson } from '../../cards/render.js';
import { HUB_NAMES, HUBS } from '../../domain/people/hubs.js';
import { formatLondonRange, formatLondonShort, toLondonIso } from '../../domain/time/london.js';
import { facilitationCalendarUrl, nameOf, statusText, type Names } from '../../contracts/facilitation.js';
import { DAYS, DAY_NAMES, FORMAT_NAMES, FORMATS, availabilityText, dayRanges, skillLabel, type Facilitator } from '../../domain/facilitation/facilitator.js';
import { isOpen, openOffer, tokenOf, type FacilitationRequest, type Offer } from '../../domain/facilitation/request.js';
import {
  facilitationEscalationCard,
  facilitationOfferCard,
  facilitationRequestFormCard,
  facilitationRequestsCard,
  facilitationStatusCard,
  facilitatorProfileCard,
  type Colour,
  type Fact,
} from '../../cards/builders/facilitation.js';

/** A notice: its text (preview, fallback) and its card. Fits the Notifier's OutboundMessage. */
export interface CardMessage {
  text: string;
  card: CardJson;
}

export const shortWhen = formatLondonShort;

export const calendarUrl = (config: Pick<Config, 'publicUrl'>, token: string) => facilitationCalendarUrl(config.publicUrl, token);

export const STATUS_COLOUR: Record<FacilitationRequest['status'], Colour> = {
  matching: 'Accent',
  offered: 'Accent',
  confirmed: 'Good',
  escalated: 'Warning',
  cancelled: 'Attention',
};

export function requestFacts(r: FacilitationRequest, channelName: string, names: Names, forWhom: 'lead' | 'facilitator' | 'coordinator'): Fact[] {
  const facts: Fact[] = [
    { title: 'Channel', value: channelName },
    { title: 'When', value: formatLondonRange(r.start, r.end) },
    { title: 'Format', value: FORMAT_NAMES[r.format] },
  ];
  if (r.topic) facts.push({ title: 'Topic', value: r.topic });
  if (forWhom !== 'lead') facts.push({ title: 'Lead', value: nameOf(names, r.leadId, 'a former member') });
  if (forWhom !== 'facilitator' && r.status === 'confirmed') facts.push({ title: 'Facilitator', value: nameOf(names, r.facilitatorId) });
  if (r.notes && forWhom !== 'lead') facts.push({ title: 'Notes', value: r.notes });
  return facts;
}

// ——— Cards and messages ———

export function offerMessage(r: FacilitationRequest, offer: Offer, channelName: string, names: Names): CardMessage {
  const lead = nameOf(names, r.leadId, 'A channel lead');
  const card = facilitationOfferCard({
    requestId: r.id,
    offerId: offer.offerId,
    title: 'Can you facilitate a session?',
    intro: `${lead} would like a facilitator for a ${channelName} session.`,
    facts: requestFacts(r, channelName, names, 'facilitator'),
    reasons: offer.reasons,
    deadline: `Please answer by ${shortWhen(offer.expiresAt)}. After that we ask the next person.`,
  });
  return { text: `Can you facilitate ${channelName} on ${formatLondonRange(r.start, r.end)}? Please answer by ${shortWhen(offer.expiresAt)}.`, card };
}

export function confirmedMessage(r: FacilitationRequest, role: 'lead' | 'facilitator', channelName: string, names: Names, config: Config, title?: string): CardMessage {
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
    calendarUrl: token ? calendarUrl(config, token) : '',
    canWithdraw: role === 'facilitator',
    canCancel: role === 'lead',
  });
  return { text, card };
}

/** A short notice about a request (cancelled, withdrawn, no longer needed, escalated, lapsed…). */
export function noticeMessage(r: FacilitationRequest, input: { title: string; text: string; forWhom: 'lead' | 'facilitator' | 'coordinator'; calendarToken?: string; canCancel?: boolean }, channelName: string, names: Names, config: Config): CardMessage {
  const card = facilitationStatusCard({
    requestId: r.id,
    title: input.title,
    text: input.text,
    status: input.forWhom === 'lead' ? statusText(r, names) : '',
    statusColour: STATUS_COLOUR[r.status],
    facts: requestFacts(r, channelName, names, input.forWhom),
    calendarUrl: input.calendarToken ? calendarUrl(config, input.calendarToken) : '',
    canCancel: !!input.canCancel,
  });
  return { text: input.text, card };
}

export function escalationMessage(r: FacilitationRequest, channelName: string, names: Names, pool: readonly Facilitator[]): CardMessage {
  const lead = nameOf(names, r.leadId, 'A channel lead');
  const text = `Nobody could be matched for ${lead}'s ${channelName} session on ${formatLondonRange(r.start, r.end)}. Please assign someone by hand.`;
  const card = facilitationEscalationCard({
    requestId: r.id,
    title: 'A facilitation request needs you',
    intro: text,
    facts: requestFacts(r, channelName, names, 'coordinator'),
    why: r.noMatchReasons,
    choices: pool
      .filter((f) => f.userId !== r.leadId)
      .map((f) => ({ value: f.userId, title: `${nameOf(names, f.userId, 'Unknown person')} (${f.hubs.map((h) => HUB_NAMES[h]).join(', ')})${f.paused ? ' — paused' : ''}` }))
      .sort((a, b) => a.title.localeCompare(b.title))
      .slice(0, 100),
  });
  return { text, card };
}

export function facilitatorCard(f: Facilitator, status?: string, intro?: string) {
  return facilitatorProfileCard({
    title: 'Your facilitator profile',
    intro: intro ?? 'Channel leads are offered a facilitator who is free and fits. Keep this up to date and you will only be asked when you can help.',
    status,
    hubs: f.hubs.join(','),
    hubChoices: HUBS.map((h) => ({ value: h, title: HUB_NAMES[h] })),
    formats: f.formats.join(','),
    formatChoices: FORMATS.map((x) => ({ value: x, title: FORMAT_NAMES[x] })),
    skills: f.skills.map(skillLabel).join(', '),
    days: DAYS.map((d) => ({ id: `avail_${d}`, label: DAY_NAMES[d], value: dayRanges(f.availability, d) })),
    away: f.away.map((a) => (a.from === a.to ? a.from : `${a.from} to ${a.to}`)).join(', '),
    maxPerMonth: f.maxPerMonth,
    paused: f.paused,
  });
}

export function welcomeMessage(f: Facilitator): CardMessage {
  const text = `You have been added to the facilitator pool. We assumed ${availabilityText(f.availability)} and at most ${f.maxPerMonth} sessions a month: please check your availability.`;
  return { text, card: facilitatorCard(f, undefined, text) };
}

// ——— Chat views for leads ———

/** The lead's view of one request (answer to the form, cancel, notices). */
export function leadStatusCard(r: FacilitationRequest, channelName: string, names: Names, config: Config, title: string, text = '', now = new Date()) {
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
    calendarUrl: token ? calendarUrl(config, token) : '',
    canCancel: isOpen(r.status) || (r.status === 'confirmed' && r.start.getTime() > now.getTime()),
  });
}

export function leadListCard(requests: readonly FacilitationRequest[], channelNames: ReadonlyMap<string, string>, names: Names, notice?: string, now = new Date()) {
  return facilitationRequestsCard({
    title: 'My facilitation requests',
    notice,
    empty: 'You have not requested a facilitator yet. Type "request facilitator" to ask for one.',
    requests: requests.slice(0, 10).map((r) => {
      const offer = openOffer(r);
      const accepted = r.status === 'confirmed' ? r.offers.find((o) => o.outcome === 'accepted' && o.facilitatorId === r.facilitatorId) : undefined;
      const shown = offer ?? accepted;
      return {
        requestId: r.id,
        heading: `${channelNames.get(r.channelId) ?? 'Channel'} — ${formatLondonRange(r.start, r.end)}`,
        status: statusText(r, names),
        statusColour: STATUS_COLOUR[r.status],
        why: shown ? `Why ${nameOf(names, shown.facilitatorId)}: ${shown.reasons.join('; ')}` : r.status === 'escalated' && r.noMatchReasons.length ? `Nobody free: ${r.noMatchReasons.join('; ')}` : '',
        canCancel: isOpen(r.status) || (r.status === 'confirmed' && r.start.getTime() > now.getTime()),
      };
    }),
    footer: requests.length > 10 ? `Showing 10 of ${requests.length}. The Facilitation tab lists them all.` : 'The Facilitation tab shows these too, with your offers and availability.',
  });
}

export function requestFormCard(channels: readonly { id: string; name: string }[], now: Date, preselect?: string, error?: string, values?: Record<string, unknown>) {
  const text = (k: string) => (typeof values?.[k] === 'string' ? (values[k] as string).slice(0, 2000) : undefined);
  return facilitationRequestFormCard({
    channels: channels.map((c) => ({ id: c.id, name: c.name })),
    channelId: preselect,
    minDate: toLondonIso(now).slice(0, 10),
    formats: FORMATS.map((f) => ({ value: f, title: FORMAT_NAMES[f] })),
    error,
    values: values ? { date: text('date'), startTime: text('startTime'), endTime: text('endTime'), format: text('format'), topic: text('topic'), notes: text('notes'), continuity: text('continuity') } : undefined,
  });
}
