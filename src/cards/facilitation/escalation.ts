// When nobody in the pool is free: the card that asks the hub's coordinators to assign someone by
// hand, with why nobody matched (layout: escalation.json).
import escalationTemplate from './escalation.json' with { type: 'json' };
import { renderCard, type CardJson } from '../render.js';
import { HUB_NAMES } from '../../domain/people/hubs.js';
import type { Facilitator } from '../../domain/facilitation/facilitator.js';
import type { FacilitationRequest } from '../../domain/facilitation/request.js';
import { formatLondonRange } from '../../domain/time/london.js';
import { nameOf, type Names } from '../../contracts/facilitation.js';
import { bullets, factsText, requestFacts, type CardMessage, type Fact } from './common.js';

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
