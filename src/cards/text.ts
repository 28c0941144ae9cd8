// Text people typed (names, titles, descriptions, purposes, notes, reasons, channel names, PCN and
// organisation, topics) is shown as text. Teams renders Adaptive Card markdown in TextBlocks and in
// FactSet titles and values: a purpose "[reset your NHS password](https://evil.example)" would
// otherwise reach a coordinator as a live link from a trusted bot.
//
// So no builder escapes anything: every card leaves the card layer through render.ts, which escapes
// ALL markdown-rendered text of the card (`escapeCardText`) — the class is closed, not the case, and
// a new card cannot forget. The app's own words need no markdown; the rare line that does (a link
// the app itself makes) is written with the `markdown` tag, which escapes what is put into it and
// marks the result as the app's own.
//
// Escaping is CommonMark's backslash escape (what the adaptivecards library's markdown-it and Teams
// honour): links and images ([ ]), emphasis and strike (* _ ~), code (`), HTML-ish and autolinks
// (< >), entities (&name;), a backslash before punctuation, and the line starts that make headings, quotes, lists, numbered lists and
// setext headings ("# ", "> ", "- ", "+ ", "1. ", "1) ", "==="). A bare URL stays visible as itself:
// it shows where it goes, which a disguised link does not.

// Only what can start markdown is escaped, so ordinary words ("Kent & Medway", "snake_case",
// "C:\\temp") read exactly as typed wherever escapes are not processed.
const INLINE = /[`*~[\]<>]|\\(?=[!-/:-@[-`{-~])|&(?=#?[A-Za-z0-9]+;)|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g;
const LINE_START = /^([ \t]*)([#>+\-=])/gm;
const NUMBERED = /^([ \t]*\d+)([.)])/gm;
/** Private-use mark that opens a string the app wrote as markdown on purpose (stripped on the way out). */
const OWN_MARKDOWN = '\uE000';

/** Markdown-escaped text. */
export function escapeMarkdown(text: string): string {
  return text.replace(INLINE, '\\$&').replace(LINE_START, '$1\\$2').replace(NUMBERED, '$1\\$2');
}

/** The app's own markdown with typed text put into it: markdown`[${typed}](${url})`. */
export function markdown(strings: TemplateStringsArray, ...values: unknown[]): string {
  let out = OWN_MARKDOWN + strings[0];
  values.forEach((v, i) => {
    out += escapeMarkdown(String(v)) + strings[i + 1];
  });
  return out;
}

/** A URL inside the app's own markdown link: nothing in it can close the link early. */
export const linkTarget = (url: string) => url.replace(/[()[\]<>\s\\`]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));

function escapeField(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return value.startsWith(OWN_MARKDOWN) ? value.slice(OWN_MARKDOWN.length) : escapeMarkdown(value);
}

/**
 * Every markdown-rendered string of a card shown as text: TextBlock text, FactSet titles and values
 * (at any depth, ShowCard cards included). Inputs' values, labels, choices and button titles are
 * not markdown and are left as they are; `data` is the card's own JSON and never shown.
 */
export function escapeCardText<T>(node: T): T {
  if (Array.isArray(node)) node.forEach(escapeCardText);
  else if (node && typeof node === 'object') {
    const obj = node as Record<string, unknown>;
    if (obj.type === 'TextBlock') obj.text = escapeField(obj.text);
    if (obj.type === 'FactSet' && Array.isArray(obj.facts)) {
      for (const fact of obj.facts as Record<string, unknown>[]) {
        fact.title = escapeField(fact.title);
        fact.value = escapeField(fact.value);
      }
    }
    for (const [key, value] of Object.entries(obj)) if (key !== 'data' && key !== 'facts') escapeCardText(value);
  }
  return node;
}
