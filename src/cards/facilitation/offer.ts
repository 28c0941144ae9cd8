// The offer a facilitator gets: "Can you facilitate a session?", with the request's facts, why
// they were asked, the deadline, and Accept / Decline (layout and buttons: offer.json).
import offerTemplate from './offer.json' with { type: 'json' };
import { renderCard, type CardJson } from '../render.js';
import type { FacilitationRequest, Offer } from '../../domain/facilitation/request.js';
import { formatLondonRange, formatLondonShort } from '../../domain/time/london.js';
import { nameOf, type Names } from '../../contracts/facilitation.js';
import { bullets, factsText, requestFacts, type CardMessage, type Fact } from './common.js';

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

export function offerMessage(r: FacilitationRequest, offer: Offer, channelName: string, names: Names): CardMessage {
  const lead = nameOf(names, r.leadId, 'A channel lead');
  const card = facilitationOfferCard({
    requestId: r.id,
    offerId: offer.offerId,
    title: 'Can you facilitate a session?',
    intro: `${lead} would like a facilitator for a ${channelName} session.`,
    facts: requestFacts(r, channelName, names, 'facilitator'),
    reasons: offer.reasons,
    deadline: `Please answer by ${formatLondonShort(offer.expiresAt)}. After that we ask the next person.`,
  });
  return { text: `Can you facilitate ${channelName} on ${formatLondonRange(r.start, r.end)}? Please answer by ${formatLondonShort(offer.expiresAt)}.`, card };
}
