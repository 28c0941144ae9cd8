// Form cards: what happens when the server refuses what a form sent. The card's own checks
// (`isRequired` + `errorMessage`) catch what they can; a rule they cannot express (PCN missing for
// a member, end before start, an unknown channel) comes back as THE SAME CARD, with the person's
// values kept and the reason shown on it — never as an error Teams shows out of sight, if at all.
//
// Only a submission from a form card is redrawn: its submit button carries FORM_MARK in its data.
// The same verb sent without it (another tool, the acceptance suite) keeps the contract's 400.
import type { CardJson } from './render.js';
import { escapeMarkdown } from './text.js';

export const FORM_MARK = 'fromForm';

type Node = Record<string, unknown>;

function walk(node: unknown, visit: (n: Node, parent: unknown[] | undefined, index: number) => void, parent?: unknown[], index = -1): void {
  if (Array.isArray(node)) node.forEach((child, i) => walk(child, visit, node, i));
  else if (node && typeof node === 'object') {
    const obj = node as Node;
    visit(obj, parent, index);
    for (const [key, value] of Object.entries(obj)) if (key !== 'data') walk(value, visit);
  }
}

/** Marks the card's submit buttons (every Action.Execute with one of `verbs`) as a form's. */
export function markForm(card: CardJson, ...verbs: string[]): CardJson {
  walk(card, (n) => {
    if (n.type === 'Action.Execute' && verbs.includes(n.verb as string)) n.data = { ...((n.data as Node) ?? {}), [FORM_MARK]: true };
  });
  return card;
}

export const isFormSubmission = (data: Record<string, unknown>) => data[FORM_MARK] === true;

/** A submitted value as the input shows it again. */
function inputValue(input: Node, value: unknown): unknown {
  if (input.type === 'Input.Number') return typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : undefined;
  if (input.type === 'Input.Toggle') return value === true || value === 'true' ? 'true' : 'false';
  if (Array.isArray(value)) return value.map(String).join(',');
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/**
 * The card as the person left it, saying what to fix: each input gets back the value submitted,
 * the submit buttons keep their data (what the card carried, e.g. the join to finish), the message
 * stands at the top of the card in the attention colour, and the input it is about (when known)
 * carries it as its `errorMessage` too. Any earlier status or error line of the card gives way.
 */
export function redrawForm(card: CardJson, submitted: Record<string, unknown>, message: string, field?: string): CardJson {
  const inputIds = new Set<string>();
  const statusLines = new Set<unknown>();
  walk(card, (n) => {
    if (typeof n.type === 'string' && n.type.startsWith('Input.') && typeof n.id === 'string') inputIds.add(n.id);
  });
  // The server names fields as the API has them; a form may split one (end → date + endTime).
  const target = field === undefined ? undefined : inputIds.has(field) ? field : inputIds.has(`${field}Time`) ? `${field}Time` : undefined;
  walk(card, (n) => {
    if (typeof n.type === 'string' && n.type.startsWith('Input.') && typeof n.id === 'string') {
      if (n.id in submitted) {
        const v = inputValue(n, submitted[n.id]);
        if (v === undefined) delete n.value;
        else n.value = v;
      }
      if (n.id === target) n.errorMessage = message;
    }
    if (n.type === 'TextBlock' && (n.color === 'Good' || n.color === 'Attention')) statusLines.add(n);
  });
  walk(card, (n) => {
    if (n.type === 'Action.Execute' && n.data && typeof n.data === 'object' && (n.data as Node)[FORM_MARK] === true) {
      const carried = Object.fromEntries(Object.entries(submitted).filter(([k]) => !inputIds.has(k)));
      n.data = { ...(n.data as Node), ...carried };
    }
  });
  const body = ((card.body as unknown[]) ?? []).filter((b) => !statusLines.has(b));
  const headings = body.findIndex((b) => (b as Node).style !== 'heading');
  const at = headings < 0 ? body.length : headings;
  body.splice(at, 0, { type: 'TextBlock', id: 'formError', text: escapeMarkdown(message), wrap: true, color: 'Attention', weight: 'Bolder' });
  card.body = body;
  return card;
}
