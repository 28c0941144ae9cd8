// Bulk import from CSV: every line is checked first and the report says, line by line, what is
// wrong; nothing is created unless every line is good. Ids come from the line's content, so
// running the same file again (say after a network error) creates nothing twice.
import { createHash } from 'node:crypto';
import type { Actor } from '../../domain/people/person.js';
import type { Clock } from '../../domain/ports.js';
import type { ChannelRepository } from '../../domain/channels/ports.js';
import { MAX_IMPORT_BYTES, MAX_IMPORT_LINES, parseCsv } from '../../domain/events/csv.js';
import { readEventFields, type EventFields } from '../../domain/events/input.js';
import { hasRole } from '../../domain/people/authorisation.js';
import { AppError, invalid, forbidden } from '../../domain/errors.js';
import type { EventsService } from './eventsService.js';
import type { ImportReport } from '../../contracts/events.js';

const COLUMNS: Record<string, string> = {
  title: 'title',
  description: 'description',
  category: 'category',
  hub: 'hub',
  professions: 'professions',
  profession: 'professions',
  channel: 'channel',
  channelid: 'channel',
  date: 'date',
  start: 'start',
  starttime: 'start',
  end: 'end',
  endtime: 'end',
  location: 'location',
  venue: 'location',
  onlinemeetingurl: 'onlineMeetingUrl',
  onlinelink: 'onlineMeetingUrl',
  link: 'onlineMeetingUrl',
  // teams_meeting, "Teams meeting": yes/no — the app makes the Teams meeting (meeting.ts).
  teamsmeeting: 'teamsMeeting',
  capacity: 'capacity',
  places: 'capacity',
  signupopens: 'signupOpens',
  signupcloses: 'signupCloses',
};

export const IMPORT_HEADER = 'title,description,category,hub,professions,channel,date,start,end,location,onlineMeetingUrl,teams_meeting,capacity,signupCloses';
export { MAX_IMPORT_BYTES, MAX_IMPORT_LINES };

export class EventImporter {
  constructor(private readonly d: { clock: Clock; channels: Pick<ChannelRepository, 'list'>; events: EventsService }) {}

  async import(actor: Actor, csv: unknown, options: { dryRun?: boolean } = {}): Promise<ImportReport> {
    if (actor.guest || !hasRole(actor, 'organiser')) throw forbidden('Only organisers and coordinators can import events.');
    if (typeof csv !== 'string' || !csv.trim()) throw invalid('Paste the CSV text, starting with a header line: ' + IMPORT_HEADER, { field: 'csv' });
    const bytes = Buffer.byteLength(csv, 'utf8');
    if (bytes > MAX_IMPORT_BYTES) {
      throw invalid(`The CSV is over ${MAX_IMPORT_BYTES / 1024} KB (this one is ${Math.ceil(bytes / 1024)} KB). Import it in parts of at most ${MAX_IMPORT_LINES} events.`, { field: 'csv' });
    }
    // The header line and at most MAX_IMPORT_LINES events.
    const parsed = parseCsv(csv, MAX_IMPORT_LINES + 1);
    if (parsed.error?.tooMany) throw invalid(`Line ${parsed.error.line}: at most ${MAX_IMPORT_LINES} events can be imported at once. Import the rest separately.`, { field: 'csv', line: parsed.error.line });
    if (parsed.error) throw invalid(`Line ${parsed.error.line}: ${parsed.error.message}`, { field: 'csv', line: parsed.error.line });
    const [header, ...rows] = parsed.rows;
    if (!header || !rows.length) throw invalid('The CSV needs a header line and at least one event. Header: ' + IMPORT_HEADER, { field: 'csv' });
    const columns = header.cells.map((c) => COLUMNS[c.trim().toLowerCase().replace(/[\s_-]/g, '')]);
    const unknownColumn = header.cells.find((c, i) => !columns[i] && c.trim() !== '');
    if (unknownColumn !== undefined) throw invalid(`Line ${header.line}: unknown column “${unknownColumn.slice(0, 40)}”. Columns: ${IMPORT_HEADER}.`, { field: 'csv', line: header.line });
    if (!columns.includes('title')) throw invalid(`Line ${header.line}: the header needs at least title, category, hub, date, start, end. Columns: ${IMPORT_HEADER}.`, { field: 'csv' });

    const channels = await this.d.channels.list();
    const now = this.d.clock.now();
    const checked: { line: number; fields?: EventFields; input?: Record<string, unknown>; error?: string }[] = [];
    for (const row of rows) {
      const input: Record<string, unknown> = {};
      row.cells.forEach((cell, i) => {
        if (columns[i]) input[columns[i]] = cell.trim();
      });
      try {
        if (row.cells.length > columns.length) throw invalid(`has ${row.cells.length} values but the header has ${columns.length} columns (is a comma missing its quotes?)`);
        if (typeof input.professions === 'string') input.professions = input.professions.split(/[;|,]/);
        if (input.channel) {
          const text = String(input.channel).toLowerCase();
          const channel = channels.find((c) => c.id === text || c.shortName.toLowerCase() === text || c.name.toLowerCase() === text);
          if (!channel) throw invalid(`there is no channel “${String(input.channel).slice(0, 60)}”`);
          input.channelId = channel.id;
        }
        delete input.channel;
        // "date, start, end" as London wall-clock, or start/end as full date-times.
        if (input.date) {
          input.startTime = input.start;
          input.endTime = input.end;
          delete input.start;
          delete input.end;
        }
        const fields = readEventFields(input, now);
        if (!hasRole(actor, 'organiser', fields.hub)) throw forbidden(`you are not an organiser for ${fields.hub}`);
        checked.push({ line: row.line, fields, input });
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        checked.push({ line: row.line, error: e.message.replace(/^(.)/, (c) => c.toLowerCase()) });
      }
    }

    const errors = checked.filter((c) => c.error).length;
    const report: ImportReport = { dryRun: !!options.dryRun || errors > 0, created: 0, existing: 0, errors, lines: [] };
    if (report.dryRun) {
      report.lines = checked.map((c) => (c.error ? { line: c.line, status: 'error', message: `Line ${c.line}: ${c.error}` } : { line: c.line, status: 'ok', title: c.fields!.title }));
      return report;
    }
    for (const c of checked) {
      const id = importId(actor.id, c.fields!);
      // An import's Teams meetings are made by the job, not one by one while the person waits.
      const created = await this.d.events.create(actor, c.input!, { id: () => id, meetingNow: false });
      if (created.length) report.created++;
      else report.existing++;
      report.lines.push({ line: c.line, status: created.length ? 'created' : 'exists', title: c.fields!.title, eventId: id, ...(created.length ? {} : { message: `Line ${c.line}: already imported.` }) });
    }
    return report;
  }
}

/** The same line from the same organiser gives the same id. */
export function importId(organiserId: string, f: EventFields): string {
  return 'i' + createHash('sha256').update([organiserId, f.hub, f.title, f.start.toISOString(), f.end.toISOString()].join('\u0000')).digest('hex').slice(0, 16);
}
