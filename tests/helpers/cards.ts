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
  // A value that is still a whole template expression means the template's data was missing.
  // (Text people typed may contain "${" and is shown as typed: templating never evaluates data.)
  const unexpanded: string[] = [];
  const walk = (node: unknown) => {
    if (typeof node === 'string') {
      if (/^\s*\$\{[^}]*\}\s*$/.test(node)) unexpanded.push(node);
    } else if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') Object.values(node).forEach(walk);
  };
  walk(card);
  if (unexpanded.length) problems.push(`card still contains template expressions: ${unexpanded.slice(0, 3).join(', ')}`);
  return problems;
}
