// Checks a card two ways and returns every problem, so tests can require "no errors": against the
// official Adaptive Card 1.5 JSON schema (ajv; tests/fixtures/adaptive-cards/) and through the real
// adaptivecards library (the renderer Teams uses), which parses and validates it.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ErrorObject, Options, ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);
// The package's main entry expects a browser; the dist bundle works under Node.
const AC = require('adaptivecards/dist/adaptivecards.js');

// CommonJS packages: their default exports, typed by hand.
type AjvInstance = { addMetaSchema(schema: object): unknown; compile(schema: object): ValidateFunction; getSchema(ref: string): ValidateFunction | undefined };
const Ajv = (require('ajv') as { default: new (options: Options) => AjvInstance }).default;
const addFormats = (require('ajv-formats') as { default: (ajv: AjvInstance) => void }).default;

const SCHEMA_FILE = join(import.meta.dirname, '..', 'fixtures', 'adaptive-cards', 'adaptive-card-1.5.0.json');
// The schema is draft-06 and carries documentation keywords of its own (version, features…): not
// strict. Its root names itself with draft-04's `id`, which ajv reads only as `$id`.
const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json'));
addFormats(ajv);
const { id: schemaId, ...schemaBody } = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as { id: string };
const validateSchema = ajv.compile({ $id: schemaId, ...schemaBody });

/** Each element, action or card checked against its own kind's definition: precise where and what. */
function nodeProblems(node: Record<string, unknown>, path: string): string[] {
  const type = node.type as string;
  const validate = ajv.getSchema(`${schemaId}#/definitions/${type}`);
  if (!validate) return [`schema: ${path || '/'} "${type}" is not a kind of element or action in Adaptive Cards 1.5`];
  if (validate(node)) return [];
  const out = new Map<string, string>();
  for (const e of (validate.errors ?? []) as ErrorObject[]) {
    if (e.keyword === 'anyOf' || e.keyword === 'allOf' || e.keyword === 'oneOf') continue;
    // Errors inside a nested element or action are that one's to report.
    let inner: unknown = node;
    let nested = false;
    for (const part of e.instancePath.split('/').slice(1)) {
      inner = inner && typeof inner === 'object' ? (inner as Record<string, unknown>)[part] : undefined;
      if (inner && typeof inner === 'object' && typeof (inner as { type?: unknown }).type === 'string') nested = true;
    }
    if (nested) continue;
    const detail =
      e.keyword === 'additionalProperties'
        ? `has "${(e.params as { additionalProperty: string }).additionalProperty}", which ${type} does not allow`
        : e.keyword === 'enum'
          ? `must be one of ${JSON.stringify((e.params as { allowedValues: unknown[] }).allowedValues).slice(0, 100)}`
          : (e.message ?? e.keyword);
    const where = `${path}${e.instancePath}` || '/';
    if (!out.has(where)) out.set(where, `schema: ${where} (${type}) ${detail}`);
  }
  return [...out.values()];
}

/** The official schema's complaints about a card, each at the element or action it is about. */
export function schemaProblems(card: unknown): string[] {
  if (validateSchema(card)) return [];
  const problems: string[] = [];
  const walk = (node: unknown, path: string) => {
    if (Array.isArray(node)) node.forEach((v, i) => walk(v, `${path}/${i}`));
    else if (node && typeof node === 'object') {
      const obj = node as Record<string, unknown>;
      if (typeof obj.type === 'string') problems.push(...nodeProblems(obj, path));
      // An action's `data` is the author's own JSON, whatever it holds.
      for (const [k, v] of Object.entries(obj)) if (k !== 'data') walk(v, `${path}/${k}`);
    }
  };
  walk(card, '');
  return problems.length ? problems : ['schema: the card does not match the Adaptive Card 1.5 schema'];
}

/**
 * Teams' typeahead search in cards — an Input.ChoiceSet's `choices.data` of type `Data.Query`
 * (https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/dynamic-search,
 * "Dynamic typeahead search") — is a Teams extension the Adaptive Card 1.5 schema does not know.
 * It is allowed only there and only in that shape ({ type: "Data.Query", dataset, count? } on a
 * `filtered` ChoiceSet); the rest of the card still goes through the schema and the library whole.
 * Such a ChoiceSet is checked as the compact list it becomes: its choices come from the bot as
 * people type, so it may start with none (the 1.5 schema also predates the `filtered` style).
 */
function withoutTeamsTypeahead(card: unknown, problems: string[]): unknown {
  const strip = (node: unknown, path: string): unknown => {
    if (Array.isArray(node)) return node.map((v, i) => strip(v, `${path}/${i}`));
    if (!node || typeof node !== 'object') return node;
    const obj = node as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    const typeahead = obj.type === 'Input.ChoiceSet' && 'choices.data' in obj;
    for (const [k, v] of Object.entries(obj)) {
      if (typeahead && k === 'style') {
        out.style = 'compact';
        continue;
      }
      if (typeahead && k === 'choices' && Array.isArray(v) && v.length === 0) {
        out.choices = [{ title: 'Found as you type', value: 'typeahead' }];
        continue;
      }
      if (k !== 'choices.data') out[k] = k === 'data' ? v : strip(v, `${path}/${k}`);
      else if (obj.type !== 'Input.ChoiceSet') out[k] = v;
      else {
        const q = v as Record<string, unknown> | null;
        const keys = q && typeof q === 'object' ? Object.keys(q) : [];
        const ok = !!q && q.type === 'Data.Query' && typeof q.dataset === 'string' && q.dataset !== '' && keys.every((key) => ['type', 'dataset', 'count'].includes(key));
        if (!ok) problems.push(`typeahead: ${path}/choices.data must be { type: "Data.Query", dataset }`);
        if (obj.style !== 'filtered') problems.push(`typeahead: ${path} must have style "filtered"`);
      }
    }
    return out;
  };
  return strip(card, '');
}

export function cardProblems(original: unknown): string[] {
  const problems: string[] = [];
  const card = withoutTeamsTypeahead(original, problems);
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
  problems.push(...schemaProblems(card));
  return problems;
}
