// Facilitation cards: the offer to a facilitator, request status and lists for leads, the request
// form, the facilitator's own profile, and the escalation to coordinators. Builders take plain view
// data (already named and formatted in London time); the verbs live in the templates.
import offerTemplate from '../templates/facilitationOffer.json' with { type: 'json' };
import statusTemplate from '../templates/facilitationStatus.json' with { type: 'json' };
import listTemplate from '../templates/facilitationRequests.json' with { type: 'json' };
import formTemplate from '../templates/facilitationRequestForm.json' with { type: 'json' };
import profileTemplate from '../templates/facilitatorProfile.json' with { type: 'json' };
import escalationTemplate from '../templates/facilitationEscalation.json' with { type: 'json' };
import { renderCard, type CardJson } from '../render.js';

export interface Fact {
  title: string;
  value: string;
}

export type Colour = 'Default' | 'Good' | 'Attention' | 'Warning' | 'Accent';

/** Drops undefined fields, so defaults spread before them stay (templates show "${x}" for a missing x). */
const defined = <T extends object>(o: T): Partial<T> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

const factsText = (facts: readonly Fact[]) => facts.map((f) => `${f.title}: ${f.value}`).join('\n');
const bullets = (lines: readonly string[]) => lines.map((l) => `• ${l}`).join('\n');

export interface OfferCardInput {
  requestId: string;
  offerId: string;
  title: string;
  intro: string;
  facts: Fact[];
  reasons: string[];
  deadline: string;
}

export function facilitationOfferCard(input: OfferCardInput): CardJson {
  const fallback = [input.title, input.intro, factsText(input.facts), bullets(input.reasons), input.deadline].filter(Boolean).join('\n');
  return renderCard(offerTemplate, input, fallback);
}

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

export interface RequestListItem {
  requestId: string;
  heading: string;
  status: string;
  statusColour: Colour;
  why: string;
  canCancel: boolean;
}

export function facilitationRequestsCard(input: { title: string; notice?: string; empty: string; requests: RequestListItem[]; footer: string }): CardJson {
  const fallback = [input.title, input.notice ?? '', ...(input.requests.length ? input.requests.map((r) => `${r.heading} — ${r.status}`) : [input.empty])].filter(Boolean).join('\n');
  return renderCard(listTemplate, { ...input, notice: input.notice ?? '' }, fallback);
}

export interface RequestFormInput {
  channels: { id: string; name: string }[];
  channelId?: string;
  /** Earliest date the picker offers (YYYY-MM-DD, today in London). */
  minDate: string;
  formats: { value: string; title: string }[];
  error?: string;
  /** Values to show again after an error. */
  values?: Partial<Record<'date' | 'startTime' | 'endTime' | 'format' | 'topic' | 'notes' | 'continuity', string>>;
}

export function facilitationRequestFormCard(input: RequestFormInput): CardJson {
  const v = input.values ?? {};
  return renderCard(
    formTemplate,
    {
      channels: input.channels,
      channelId: input.channelId ?? (input.channels.length === 1 ? input.channels[0].id : ''),
      minDate: input.minDate,
      formats: input.formats,
      error: input.error ?? '',
      date: v.date ?? '',
      startTime: v.startTime ?? '',
      endTime: v.endTime ?? '',
      format: v.format ?? 'observe',
      topic: v.topic ?? '',
      notes: v.notes ?? '',
      continuity: v.continuity === 'true' ? 'true' : 'false',
    },
    'Request a facilitator: choose the channel, date, start and end time, format, topic and notes.',
  );
}

export interface FacilitatorProfileCardInput {
  title: string;
  intro: string;
  status?: string;
  hubs: string;
  hubChoices: { value: string; title: string }[];
  formats: string;
  formatChoices: { value: string; title: string }[];
  skills: string;
  days: { id: string; label: string; value: string }[];
  away: string;
  maxPerMonth: number;
  paused: boolean;
}

export function facilitatorProfileCard(input: FacilitatorProfileCardInput): CardJson {
  const fallback = [input.title, input.intro, input.status ?? '', `Hubs: ${input.hubs}`, `Offers: ${input.formats}`, `Skills: ${input.skills || 'none'}`, ...input.days.map((d) => `${d.label}: ${d.value || '—'}`), `Away: ${input.away || 'none'}`, `At most ${input.maxPerMonth} a month`, input.paused ? 'Paused' : ''].filter(Boolean).join('\n');
  return renderCard(profileTemplate, { ...input, status: input.status ?? '', paused: input.paused ? 'true' : 'false' }, fallback);
}

export interface EscalationCardInput {
  requestId: string;
  title: string;
  intro: string;
  facts: Fact[];
  why: string[];
  choices: { value: string; title: string }[];
}

export function facilitationEscalationCard(input: EscalationCardInput): CardJson {
  const fallback = [input.title, input.intro, factsText(input.facts), bullets(input.why)].filter(Boolean).join('\n');
  return renderCard(escalationTemplate, input, fallback);
}
