// CSV in and out. Output cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR)
// are prefixed with an apostrophe (OWASP "CSV injection"), and everything is quoted as needed.
export function csvCell(value: unknown): string {
  let text = value === undefined || value === null ? '' : String(value);
  if (/^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  // A BOM so Excel reads UTF-8 names correctly; CRLF as RFC 4180 says.
  return '\uFEFF' + [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Events one import may create. */
export const MAX_IMPORT_LINES = 200;
/**
 * The one size limit of an import, in bytes of UTF-8 as pasted. Every layer underneath (the
 * body parser, the API's body reader, the card's data reader and its input) lets a CSV of this
 * size through, so this is the limit people meet, and its message names it.
 */
export const MAX_IMPORT_BYTES = 500 * 1024;

export interface CsvParseResult {
  rows: { line: number; cells: string[] }[];
  /** `tooMany`: more than `maxRows` records (the rest was not read). */
  error?: { line: number; message: string; tooMany?: boolean };
}

/**
 * RFC 4180 reader: quoted fields, doubled quotes, CRLF or LF. `line` is where each record starts.
 * At most `maxRows` records (blank lines aside), the last one counted like any other.
 */
export function parseCsv(text: string, maxRows = 1000): CsvParseResult {
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let cellStarted = false;
  const tooMany = () => ({ rows: rows.slice(0, maxRows), error: { line: rows[maxRows].line, message: `At most ${maxRows} records can be read at once.`, tooMany: true } });
  const endRecord = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0].trim() === '')) rows.push({ line: recordLine, cells });
    cells = [];
    cell = '';
    cellStarted = false;
  };
  for (; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && !cellStarted) {
      quoted = true;
      cellStarted = true;
    } else if (ch === ',') {
      cells.push(cell);
      cell = '';
      cellStarted = false;
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
      if (rows.length > maxRows) return tooMany();
    } else {
      cell += ch;
      cellStarted = true;
    }
  }
  if (quoted) return { rows, error: { line: recordLine, message: 'A quoted value is not closed (a " is missing).' } };
  if (cell !== '' || cells.length) endRecord();
  if (rows.length > maxRows) return tooMany();
  return { rows };
}
