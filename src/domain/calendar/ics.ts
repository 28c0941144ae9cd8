// iCalendar (RFC 5545) documents: booking invites and cancellations (RFC 5546 iTIP), subscription
// feeds, with the Europe/London VTIMEZONE so Outlook shows the right local time on either side of
// the clock change.
//
// Every content line is written by one writer (ContentLines). A value is either TEXT (people's
// words: line breaks become "\n", every other control character goes, `\ ; ,` are escaped), a URI
// or calendar address (control characters and spaces removed), a quoted parameter (CN), or one of
// our own words, dates and numbers (refused if it holds a control character). So nothing people
// type — a title with a lone CR, say — can start a new line, property or event: every CR and LF
// in the output is a line ending we wrote. Lines are folded at 75 octets, never inside a character.
import { DateTime } from 'luxon';
import { isMailbox } from '../people/person.js';

export interface IcsPerson {
  name: string;
  /** A mailbox (no "mailto:"). Anything that is not a plain address is replaced by UNKNOWN_MAILBOX. */
  email: string;
}

export interface IcsEvent {
  /** Stable across updates of the same thing (e.g. `event-<id>@virtual-cafe`). */
  uid: string;
  /** Bumped on every change the attendee should see. */
  sequence: number;
  start: Date;
  end: Date;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  organizer?: IcsPerson;
  /** The people this copy is for (RFC 5546: REQUEST and CANCEL name them). */
  attendees?: IcsPerson[];
  status?: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';
  /** When the event was last changed (DTSTAMP). */
  stamp: Date;
  categories?: string[];
}

export type IcsMethod = 'PUBLISH' | 'REQUEST' | 'CANCEL';

export interface IcsCalendarOptions {
  method: IcsMethod;
  /** Shown by calendar apps for subscribed feeds. */
  name?: string;
  /** Feeds: how often subscribers should fetch again (REFRESH-INTERVAL and X-PUBLISHED-TTL). */
  refreshMinutes?: number;
}

const PRODID = '-//Kent & Medway Training Hubs//Virtual Cafe//EN';
/** Written when an address is not usable; `.invalid` can never be delivered to (RFC 2606). */
export const UNKNOWN_MAILBOX = 'unknown@virtual-cafe.invalid';

// Europe/London since 1996: BST from 01:00 UTC on the last Sunday of March to 01:00 UTC on the
// last Sunday of October.
const VTIMEZONE: [string, string][] = [
  ['BEGIN', 'VTIMEZONE'],
  ['TZID', 'Europe/London'],
  ['X-LIC-LOCATION', 'Europe/London'],
  ['BEGIN', 'DAYLIGHT'],
  ['TZOFFSETFROM', '+0000'],
  ['TZOFFSETTO', '+0100'],
  ['TZNAME', 'BST'],
  ['DTSTART', '19700329T010000'],
  ['RRULE', 'FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU'],
  ['END', 'DAYLIGHT'],
  ['BEGIN', 'STANDARD'],
  ['TZOFFSETFROM', '+0100'],
  ['TZOFFSETTO', '+0000'],
  ['TZNAME', 'GMT'],
  ['DTSTART', '19701025T020000'],
  ['RRULE', 'FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU'],
  ['END', 'STANDARD'],
  ['END', 'VTIMEZONE'],
];

// Everything any reader might take for a line break: CR, LF, VT, FF, the C0 separators, NEL and
// the Unicode line and paragraph separators (Python's splitlines() breaks on all of them).
// eslint-disable-next-line no-control-regex
const LINE_BREAK = /\r\n|[\n\r\u000b\u000c\u001c-\u001e\u0085\u2028\u2029]/g;
// Every other control character (run after LINE_BREAK, so LF is the one left alone): C0, DEL, C1.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g;
// A surrogate without its pair cannot be written as UTF-8: it becomes U+FFFD, as any encoder would.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** People's text as it will read back: line breaks as "\n", TAB as a space, no other control character. */
export function plainText(value: string): string {
  return value.replace(LONE_SURROGATE, '\uFFFD').replace(LINE_BREAK, '\n').replace(/\t/g, ' ').replace(CONTROL, '');
}

/** TEXT value escaping (RFC 5545 §3.3.11) of plainText(value). */
export function escapeText(value: string): string {
  return plainText(value).replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\n/g, '\\n');
}

/** What every reader gets back from a quoted parameter value (paramText). */
export const paramReadsAs = (value: string): string =>
  plainText(value)
    .replace(/\n/g, ' ')
    .replace(/"/g, "'")
    // Readers disagree on backslashes in parameters (ical.js unescapes them, Outlook does not):
    // a look-alike reads the same everywhere.
    .replace(/\\/g, '\u29f5');

/**
 * A quoted parameter value (RFC 5545 §3.2): one line, no DQUOTE (a name's quotes become
 * apostrophes), no backslash, and `^` written as RFC 6868's `^^` so readers that decode RFC 6868
 * read it back.
 */
export const paramText = (value: string): string => paramReadsAs(value).replace(/\^/g, '^^');

/** A URI value: no control characters and no spaces (a URI has neither). */
// eslint-disable-next-line no-control-regex
export const uriValue = (value: string): string => value.replace(LONE_SURROGATE, '').replace(/[\s\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '');

/** Folds a content line to at most 75 octets per line (RFC 5545 §3.1), never splitting a character. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    const limit = out.length === 0 ? 75 : 74; // continuation lines start with a space
    if (bytes + size > limit) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

const NAME = /^[A-Z][A-Z0-9-]*$/;
// eslint-disable-next-line no-control-regex
const NO_CONTROL = /^[^\u0000-\u001f\u007f-\u009f\u2028\u2029]*$/;

/** The one writer of content lines. Its methods are the only way a line gets into a document. */
export class ContentLines {
  private readonly lines: string[] = [];

  /** Our own words, dates and numbers: written as given, refused if they could break a line. */
  raw(name: string, value: string, params = ''): this {
    if (!NAME.test(name) || !NO_CONTROL.test(value) || !NO_CONTROL.test(params)) throw new Error(`iCalendar: refused to write ${name.slice(0, 20)}`);
    this.lines.push(`${name}${params}:${value}`);
    return this;
  }

  /** A TEXT property (SUMMARY, DESCRIPTION, LOCATION, UID, CATEGORIES, X-WR-CALNAME…). */
  text(name: string, value: string): this {
    return this.raw(name, escapeText(value));
  }


  uri(name: string, value: string): this {
    return this.raw(name, uriValue(value));
  }

  /** ORGANIZER / ATTENDEE: the person's name as CN, their mailbox as a mailto: address. */
  address(name: 'ORGANIZER' | 'ATTENDEE', person: IcsPerson, params: string[] = []): this {
    const mailbox = isMailbox(person.email) ? person.email : UNKNOWN_MAILBOX;
    const cn = paramText(person.name).trim();
    const all = [...params, ...(cn ? [`CN="${cn}"`] : [])].map((p) => `;${p}`).join('');
    return this.raw(name, `mailto:${mailbox}`, all);
  }

  /** The document: folded, CRLF line endings, and checked once more on the way out. */
  toString(): string {
    const text = this.lines.map(foldLine).join('\r\n') + '\r\n';
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(text.replace(/\r\n /g, '').replace(/\r\n/g, ''))) throw new Error('iCalendar: a control character got through');
    return text;
  }
}

const utc = (d: Date) => DateTime.fromJSDate(d).toUTC().toFormat("yyyyMMdd'T'HHmmss'Z'");
const london = (d: Date) => DateTime.fromJSDate(d).setZone('Europe/London').toFormat("yyyyMMdd'T'HHmmss");

/**
 * DTSTART/DTEND in London wall-clock time, except in the hour the clocks go back: that wall time
 * happens twice and readers pick different ones, so those instants are written in UTC.
 */
function writeTime(out: ContentLines, name: 'DTSTART' | 'DTEND', d: Date): void {
  const wall = london(d);
  const repeated = wall === london(new Date(d.getTime() + 3_600_000)) || wall === london(new Date(d.getTime() - 3_600_000));
  if (repeated) out.raw(name, utc(d));
  else out.raw(name, wall, ';TZID=Europe/London');
}

/** A feed's refresh hint as an iCalendar duration (PT1H, PT30M). */
export function durationOf(minutes: number): string {
  const m = Math.max(1, Math.round(minutes));
  return m % 60 === 0 ? `PT${m / 60}H` : `PT${m}M`;
}

function writeEvent(out: ContentLines, e: IcsEvent, method: IcsMethod): void {
  out
    .raw('BEGIN', 'VEVENT')
    .text('UID', e.uid)
    .raw('SEQUENCE', String(Math.max(0, Math.floor(e.sequence))))
    .raw('DTSTAMP', utc(e.stamp));
  writeTime(out, 'DTSTART', e.start);
  writeTime(out, 'DTEND', e.end);
  out.text('SUMMARY', e.summary);
  if (e.description) out.text('DESCRIPTION', e.description);
  if (e.location) out.text('LOCATION', e.location);
  if (e.url) out.uri('URL', e.url);
  // One line per category: readers split a list on commas differently (ical.js misreads `\\,`).
  for (const c of e.categories ?? []) out.text('CATEGORIES', c);
  if (e.organizer) out.address('ORGANIZER', e.organizer);
  // The person has booked (they asked for this copy): accepted already, no reply wanted.
  const attendance = method === 'REQUEST' ? ['CUTYPE=INDIVIDUAL', 'ROLE=REQ-PARTICIPANT', 'PARTSTAT=ACCEPTED', 'RSVP=FALSE'] : ['CUTYPE=INDIVIDUAL', 'ROLE=REQ-PARTICIPANT'];
  for (const a of e.attendees ?? []) out.address('ATTENDEE', a, attendance);
  out.raw('STATUS', method === 'CANCEL' ? 'CANCELLED' : (e.status ?? 'CONFIRMED'));
  out.raw('TRANSP', 'OPAQUE').raw('END', 'VEVENT');
}

/** A VCALENDAR with the London timezone and the given events, CRLF line endings, folded. */
export function buildCalendar(events: IcsEvent[], options: IcsCalendarOptions): string {
  const out = new ContentLines()
    .raw('BEGIN', 'VCALENDAR')
    .raw('VERSION', '2.0')
    .raw('PRODID', PRODID)
    .raw('CALSCALE', 'GREGORIAN')
    .raw('METHOD', options.method);
  if (options.name) out.text('X-WR-CALNAME', options.name).raw('X-WR-TIMEZONE', 'Europe/London');
  if (options.refreshMinutes) {
    // RFC 7986 and the older Outlook/Apple property: how often a subscriber should look again.
    const every = durationOf(options.refreshMinutes);
    out.raw('REFRESH-INTERVAL', every, ';VALUE=DURATION').raw('X-PUBLISHED-TTL', every);
  }
  for (const [name, value] of VTIMEZONE) out.raw(name, value);
  for (const e of events) writeEvent(out, e, options.method);
  out.raw('END', 'VCALENDAR');
  return out.toString();
}
