// Renders Adaptive Card 1.5 templates (JSON files in ./templates) with adaptivecards-templating.
// A rendered card always has a plain-text fallback for clients that cannot show it, and shows
// typed text as text (text.ts: every TextBlock and fact is markdown-escaped here, once).
import * as ACData from 'adaptivecards-templating';
import { escapeCardText, escapeMarkdown } from './text.js';

export type CardJson = Record<string, unknown> & { type: 'AdaptiveCard'; version: string };

const templateCache = new WeakMap<object, ACData.Template>();

export function renderCard(template: object, data: object, fallbackText: string): CardJson {
  let compiled = templateCache.get(template);
  if (!compiled) {
    compiled = new ACData.Template(template);
    templateCache.set(template, compiled);
  }
  const card = compiled.expand({ $root: data }) as CardJson;
  card.fallbackText = escapeMarkdown(fallbackText);
  return conformInputs(escapeCardText(card));
}

/**
 * Templates fill values in as text, but the Adaptive Card 1.5 schema wants some typed: an
 * Input.Number's value, min and max are numbers (empty = no value: `"value": ""` fails the schema),
 * an Input.Toggle's value is text. Every card goes through here, so no builder can get it wrong.
 */
export function conformInputs<T>(node: T): T {
  if (Array.isArray(node)) node.forEach(conformInputs);
  else if (node && typeof node === 'object') {
    const obj = node as Record<string, unknown>;
    if (obj.type === 'Input.Number') {
      for (const key of ['value', 'min', 'max']) {
        const v = obj[key];
        if (typeof v !== 'string') continue;
        const n = Number(v.trim());
        if (v.trim() !== '' && Number.isFinite(n)) obj[key] = n;
        else delete obj[key];
      }
    }
    if (obj.type === 'Input.Toggle' && typeof obj.value === 'boolean') obj.value = String(obj.value);
    for (const [key, value] of Object.entries(obj)) if (key !== 'data') conformInputs(value);
  }
  return node;
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

/** A card built in code (no template), with the same fallback and text rules. */
export function card(body: unknown[], actions: unknown[] = [], fallbackText: string, extra: Record<string, unknown> = {}): CardJson {
  return conformInputs(escapeCardText({
    type: 'AdaptiveCard' as const,
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions.length ? { actions } : {}),
    fallbackText: escapeMarkdown(fallbackText),
    ...extra,
  }));
}
