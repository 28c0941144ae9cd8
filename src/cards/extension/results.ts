// What the message extension answers (from any chat's compose box, and Microsoft 365 Copilot using
// it as an agent): each result is the event's or channel's full card plus a short preview for the
// list, and the few words shown when there is nothing to insert.
import type { CardJson } from '../render.js';
import type { EventView } from '../../contracts/events.js';
import type { DirectoryEntryView } from '../channels/directory.js';
import { CATEGORY_NAMES, type Category } from '../../domain/events/event.js';
import { HUB_NAMES, type Hub } from '../../domain/people/hubs.js';
import { placesText, whenText } from '../events/event.js';
import { shorten } from '../channels/words.js';

export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';
export const THUMBNAIL_CARD = 'application/vnd.microsoft.card.thumbnail';

export interface ExtensionAttachment {
  contentType: string;
  content: CardJson;
  preview: { contentType: string; content: { title: string; subtitle?: string; text?: string } };
}

/** Teams shows previews as plain text: no markdown, no template markers. */
const plain = (text: string, max: number) => shorten(text.replace(/[*_`#>[\]]/g, '').replace(/\$\{/g, '$ {').replace(/\s+/g, ' ').trim(), max);

export function eventResult(view: EventView, content: CardJson): ExtensionAttachment {
  return {
    contentType: ADAPTIVE_CARD,
    content,
    preview: {
      contentType: THUMBNAIL_CARD,
      content: {
        title: plain(view.title, 80),
        subtitle: plain(`${whenText(view)} · ${HUB_NAMES[view.hub as Hub] ?? view.hub}`, 120),
        text: plain(`${CATEGORY_NAMES[view.category as Category] ?? view.category} · ${placesText(view)}`, 160),
      },
    },
  };
}

export function channelResult(entry: DirectoryEntryView, content: CardJson): ExtensionAttachment {
  return {
    contentType: ADAPTIVE_CARD,
    content,
    preview: { contentType: THUMBNAIL_CARD, content: { title: plain(entry.name, 80), subtitle: plain(entry.facts, 120), text: plain(entry.purpose, 160) } },
  };
}

export const extensionAnswers = {
  tooLong: (max: number) => `Search with at most ${max} characters — a few words such as “diabetes west kent next month”.`,
  unknownEvent: 'That Virtual Café event could not be found. It may have been removed.',
};
