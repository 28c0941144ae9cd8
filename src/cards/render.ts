// Renders Adaptive Card 1.5 templates (JSON files in ./templates) with adaptivecards-templating.
// A rendered card always has a plain-text fallback for clients that cannot show it.
import * as ACData from 'adaptivecards-templating';

export type CardJson = Record<string, unknown> & { type: 'AdaptiveCard'; version: string };

const templateCache = new WeakMap<object, ACData.Template>();

export function renderCard(template: object, data: object, fallbackText: string): CardJson {
  let compiled = templateCache.get(template);
  if (!compiled) {
    compiled = new ACData.Template(template);
    templateCache.set(template, compiled);
  }
  const card = compiled.expand({ $root: data }) as CardJson;
  card.fallbackText = fallbackText;
  return card;
}

/** Person-supplied text never reaches the card as a template expression. */
export const safe = (text: string) => text.replace(/\$\{/g, '$\u200b{');

/** The same for every string in a finished card (titles reach fallbacks, data and notices too). */
export function noTemplates<T>(value: T): T {
  if (typeof value === 'string') return safe(value) as T;
  if (Array.isArray(value)) return value.map(noTemplates) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, noTemplates(v)])) as T;
  return value;
}

/** A card built in code (no template), with the same fallback rule. */
export function card(body: unknown[], actions: unknown[] = [], fallbackText: string, extra: Record<string, unknown> = {}): CardJson {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions.length ? { actions } : {}),
    fallbackText,
    ...extra,
  };
}
