// A printable document in plain terms — headings, paragraphs, facts, tables — so the words live
// with their area (src/cards/…) and one renderer at the edge (src/documents/) turns any of them
// into a PDF.

export type PrintBlock =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; subtle?: boolean; size?: 'normal' | 'large' }
  | { kind: 'facts'; facts: { label: string; value: string }[] }
  /** Columns' `weight` shares out the page width. */
  | { kind: 'table'; columns: { header: string; weight: number }[]; rows: string[][] }
  | { kind: 'space' };

export interface PrintDocument {
  /** The PDF's title (also its first heading when no title block is given). */
  title: string;
  author: string;
  subject?: string;
  /** A framed single page (a certificate) rather than a flowing report. */
  framed?: boolean;
  /** Pages on their side: a wide table (or a certificate) fits. */
  landscape?: boolean;
  blocks: PrintBlock[];
  /** Small print at the foot of every page. */
  footer?: string;
}

export interface DocumentRenderer {
  pdf(doc: PrintDocument): Promise<Uint8Array>;
}
