// iCalendar (RFC 5545) documents: booking invites, cancellations and subscription feeds, with the
// Europe/London VTIMEZONE so Outlook shows the right local time on either side of the clock change.
import { DateTime } from 'luxon';

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
  organizer?: { name: string; email?: string };
  status?: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';
  /** When the event was last changed (DTSTAMP). */
  stamp: Date;
  categories?: string[];
}

export type IcsMethod = 'PUBLISH' | 'REQUEST' | 'CANCEL';

const PRODID = '-//Kent & Medway Training Hubs//Virtual Cafe//EN';

// Europe/London since 1996: BST from 01:00 UTC on the last Sunday of March to 01:00 UTC on the
// last Sunday of October.
const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/London',
  'X-LIC-LOCATION:Europe/London',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0000',
  'TZOFFSETTO:+0100',
  'TZNAME:BST',
  'DTSTART:19700329T010000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0000',
  'TZNAME:GMT',
  'DTSTART:19701025T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** TEXT value escaping (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

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

const utc = (d: Date) => DateTime.fromJSDate(d).toUTC().toFormat("yyyyMMdd'T'HHmmss'Z'");
const london = (d: Date) => DateTime.fromJSDate(d).setZone('Europe/London').toFormat("yyyyMMdd'T'HHmmss");

function eventLines(e: IcsEvent, method: IcsMethod): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeText(e.uid)}`,
    `SEQUENCE:${e.sequence}`,
    `DTSTAMP:${utc(e.stamp)}`,
    `DTSTART;TZID=Europe/London:${london(e.start)}`,
    `DTEND;TZID=Europe/London:${london(e.end)}`,
    `SUMMARY:${escapeText(e.summary)}`,
  ];
  if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
  if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
  if (e.url) lines.push(`URL:${e.url.replace(/[\r\n]/g, '')}`);
  if (e.categories?.length) lines.push(`CATEGORIES:${e.categories.map(escapeText).join(',')}`);
  if (e.organizer) lines.push(`ORGANIZER;CN=${quoteParam(e.organizer.name)}:mailto:${e.organizer.email ?? 'noreply@virtual-cafe.invalid'}`);
  lines.push(`STATUS:${method === 'CANCEL' ? 'CANCELLED' : (e.status ?? 'CONFIRMED')}`);
  lines.push('TRANSP:OPAQUE', 'END:VEVENT');
  return lines;
}

/** A parameter value: quoted, with characters RFC 5545 forbids in it removed. */
function quoteParam(value: string): string {
  // eslint-disable-next-line no-control-regex
  return `"${value.replace(/["\r\n]/g, '').replace(/[\u0000-\u001f]/g, '')}"`;
}

export interface IcsCalendarOptions {
  method: IcsMethod;
  /** Shown by calendar apps for subscribed feeds. */
  name?: string;
}

/** A VCALENDAR with the London timezone and the given events, CRLF line endings, folded. */
export function buildCalendar(events: IcsEvent[], options: IcsCalendarOptions): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${PRODID}`, 'CALSCALE:GREGORIAN', `METHOD:${options.method}`];
  if (options.name) lines.push(`X-WR-CALNAME:${escapeText(options.name)}`, 'X-WR-TIMEZONE:Europe/London');
  lines.push(...VTIMEZONE);
  for (const e of events) lines.push(...eventLines(e, options.method));
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
