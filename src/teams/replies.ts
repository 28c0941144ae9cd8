// Outgoing message shapes: a card with its plain-text summary, or plain text.
import { ActivityTypes, CardFactory, type Activity, type Attachment } from 'botbuilder';
import type { CardJson } from '../cards/render.js';

export function cardMessage(card: CardJson | object, summary?: string): Partial<Activity> {
  const fallback = summary ?? String((card as { fallbackText?: string }).fallbackText ?? '');
  return {
    type: ActivityTypes.Message,
    summary: fallback,
    attachments: [CardFactory.adaptiveCard(card) as Attachment],
  };
}

export function textMessage(text: string): Partial<Activity> {
  return { type: ActivityTypes.Message, text, textFormat: 'plain' };
}
