// "My requests": a lead's facilitation requests, where each one is and why (layout: requests.json).
import listTemplate from './requests.json' with { type: 'json' };
import { renderCard, type CardJson } from '../render.js';
import { openOffer, type FacilitationRequest } from '../../domain/facilitation/request.js';
import { formatLondonRange } from '../../domain/time/london.js';
import { nameOf, statusText, type Names } from '../../contracts/facilitation.js';
import { STATUS_COLOUR, cancellable, type Colour } from './common.js';

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
        canCancel: cancellable(r, now),
      };
    }),
    footer: requests.length > 10 ? `Showing 10 of ${requests.length}. The Facilitation tab lists them all.` : 'The Facilitation tab shows these too, with your offers and availability.',
  });
}
