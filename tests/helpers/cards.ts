// Parses a card with the real adaptivecards library (the renderer Teams uses) and returns every
// parse and validation problem, so tests can require "no errors".
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// The package's main entry expects a browser; the dist bundle works under Node.
const AC = require('adaptivecards/dist/adaptivecards.js');

export function cardProblems(card: unknown): string[] {
  const problems: string[] = [];
  const json = card as Record<string, unknown>;
  if (json?.type !== 'AdaptiveCard') problems.push('type must be AdaptiveCard');
  if (json?.version !== '1.5') problems.push(`version must be 1.5 (got ${String(json?.version)})`);
  if (typeof json?.fallbackText !== 'string' || !json.fallbackText) problems.push('fallbackText missing');
  const ac = new AC.AdaptiveCard();
  const ctx = new AC.SerializationContext();
  ac.parse(card, ctx);
  for (let i = 0; i < ctx.eventCount; i++) problems.push(`parse: ${ctx.getEventAt(i).message}`);
  const results = ac.validateProperties();
  for (const ev of results.validationEvents ?? []) problems.push(`validate: ${ev.message}`);
  // Unexpanded template expressions mean data was missing.
  if (JSON.stringify(card).includes('${')) problems.push('card still contains ${…} template expressions');
  return problems;
}
