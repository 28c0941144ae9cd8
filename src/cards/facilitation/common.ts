// What every facilitation card shares: facts about a request as each person should see them, the
// colour of each status, and the small helpers the builders use.
import type { CardJson } from '../render.js';
import { FORMAT_NAMES } from '../../domain/facilitation/facilitator.js';
import { isOpen, type FacilitationRequest } from '../../domain/facilitation/request.js';
import { formatLondonRange } from '../../domain/time/london.js';
import { nameOf, type Names } from '../../contracts/facilitation.js';

export interface Fact {
  title: string;
  value: string;
}

export type Colour = 'Default' | 'Good' | 'Attention' | 'Warning' | 'Accent';

/** Who a card or notice is for: each sees the facts that concern them. */
export type ForWhom = 'lead' | 'facilitator' | 'coordinator';

/** A notice: its text (preview, fallback) and its card. Fits the Notifier's OutboundMessage. */
export interface CardMessage {
  text: string;
  card: CardJson;
}

/** What a request's cards need besides the request: its channel's name and people's names. */
export interface RequestContext {
  channelName: string;
  names: Names;
  /** For "Add to calendar" links. */
  publicUrl: string;
}

export const STATUS_COLOUR: Record<FacilitationRequest['status'], Colour> = {
  matching: 'Accent',
  offered: 'Accent',
  confirmed: 'Good',
  escalated: 'Warning',
  cancelled: 'Attention',
};

export function requestFacts(r: FacilitationRequest, channelName: string, names: Names, forWhom: ForWhom): Fact[] {
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

/** Drops undefined fields, so defaults spread before them stay (templates show "${x}" for a missing x). */
export const defined = <T extends object>(o: T): Partial<T> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

export const factsText = (facts: readonly Fact[]) => facts.map((f) => `${f.title}: ${f.value}`).join('\n');
export const bullets = (lines: readonly string[]) => lines.map((l) => `• ${l}`).join('\n');

/** A request still worth cancelling: open or confirmed, and its session not yet started (a past one offers no Cancel). */
export const cancellable = (r: Pick<FacilitationRequest, 'status' | 'start'>, now: Date) => (isOpen(r.status) || r.status === 'confirmed') && r.start.getTime() > now.getTime();
