// Organisers' cards: the roster (booked and waitlist, attendance once the event has started)
// and the CSV import form and its line-by-line report.
import { card, noTemplates, safe, type CardJson } from '../render.js';
import { Verbs } from '../verbs.js';
import type { Roster } from '../../contracts/events.js';
import type { ImportReport } from '../../contracts/events.js';
import { placesText, whenText } from './event.js';
import { formatLondonDate } from '../../domain/time/london.js';
import { MAX_IMPORT_BYTES } from '../../domain/events/csv.js';
import type { RosterLine } from '../../contracts/events.js';
import { teamsAttendanceLine } from './meeting.js';

/** Teams refuses cards much over 28 KB: a longer CSV is not pasted back into the form. */
const MAX_ECHO_CHARS = 16_000;

const SHOWN = 60;

/** "Ann · 52 min in Teams" / "Ann (walked in) · marked by you": what a line says about attendance. */
export function attendanceText(r: RosterLine): string {
  const bits = [r.status === 'walk-in' ? `${r.name} (without a booking)` : r.name];
  if (r.attendedMinutes !== null) bits.push(`${r.attendedMinutes} min in Teams`);
  if (r.attendanceSource === 'organiser') bits.push('marked by an organiser');
  return bits.join(' · ');
}

export function rosterCard(roster: Pick<Roster, 'event' | 'items' | 'anonymousBooked'> & Partial<Pick<Roster, 'teamsAttendance'>>, options: { started: boolean; notice?: string }): CardJson {
  const v = roster.event;
  const booked = roster.items.filter((r) => r.status === 'booked');
  const waiting = roster.items.filter((r) => r.status === 'waitlisted');
  const walkIns = roster.items.filter((r) => r.status === 'walk-in');
  const present = [...booked, ...walkIns];
  const body: unknown[] = [];
  if (options.notice) body.push({ type: 'TextBlock', text: safe(options.notice), wrap: true, weight: 'Bolder', color: 'Good' });
  body.push(
    { type: 'TextBlock', text: `Roster: ${safe(v.title)}`, size: 'Medium', weight: 'Bolder', wrap: true, style: 'heading' },
    { type: 'TextBlock', text: `${whenText(v)} · ${placesText(v)}`, wrap: true, isSubtle: true, spacing: 'None' },
    { type: 'TextBlock', text: `Booked (${booked.length})`, weight: 'Bolder', spacing: 'Medium' },
  );
  if (!booked.length) body.push({ type: 'TextBlock', text: 'Nobody yet.', isSubtle: true });
  else if (!options.started) {
    body.push({ type: 'FactSet', facts: booked.slice(0, SHOWN).map((r) => ({ title: safe(r.name), value: `booked ${formatLondonDate(new Date(r.bookedAt ?? r.joinedAt))}` })) });
  }
  const teams = options.started ? teamsAttendanceLine(roster.teamsAttendance ?? null) : null;
  if (teams) body.push({ type: 'TextBlock', text: safe(teams), wrap: true, isSubtle: true, spacing: 'Small' });
  if (options.started && present.length) {
    body.push({
      type: 'Input.ChoiceSet',
      id: 'attended',
      label: walkIns.length ? `Who attended? (${walkIns.length} came without a booking)` : 'Who attended?',
      isMultiSelect: true,
      style: 'expanded',
      value: present.filter((r) => r.attended).map((r) => r.userId).join(','),
      choices: present.slice(0, 100).map((r) => ({ title: safe(attendanceText(r)), value: r.userId })),
    });
  }
  if (booked.length > SHOWN && !options.started) body.push({ type: 'TextBlock', text: `…and ${booked.length - SHOWN} more. The Calendar tab has the full roster and CSV export.`, wrap: true, isSubtle: true });
  if (roster.anonymousBooked) body.push({ type: 'TextBlock', text: `Plus ${roster.anonymousBooked} who have since erased their data.`, isSubtle: true, wrap: true });
  body.push({ type: 'TextBlock', text: `Waitlist (${waiting.length})`, weight: 'Bolder', spacing: 'Medium' });
  if (!waiting.length) body.push({ type: 'TextBlock', text: 'Nobody waiting.', isSubtle: true });
  else body.push({ type: 'FactSet', facts: waiting.slice(0, SHOWN).map((r) => ({ title: `#${r.position}`, value: safe(r.name) })) });
  body.push({ type: 'TextBlock', text: 'Export the roster as CSV from the Calendar tab (event → Roster).', wrap: true, isSubtle: true, spacing: 'Medium' });
  const actions: unknown[] = [];
  if (options.started && present.length) actions.push({ type: 'Action.Execute', title: 'Save attendance', verb: Verbs.eventAttendance, data: { eventId: v.id }, associatedInputs: 'auto', style: 'positive' });
  actions.push({ type: 'Action.Execute', title: 'Back to the event', verb: Verbs.eventRefresh, data: { eventId: v.id } });
  const fallback = `Roster for ${v.title}: ${booked.length} booked, ${waiting.length} waiting.`;
  return noTemplates(card(body, actions, fallback));
}

export function importCard(options: { report?: ImportReport; error?: string; csv?: string; header: string }): CardJson {
  const body: unknown[] = [{ type: 'TextBlock', text: 'Import events from CSV', size: 'Medium', weight: 'Bolder', wrap: true, style: 'heading' }];
  const r = options.report;
  if (r) {
    const summary = r.errors
      ? `${r.errors} ${r.errors === 1 ? 'line needs' : 'lines need'} fixing. Nothing was created; fix them and import again.`
      : r.dryRun
        ? `All ${r.lines.length} lines look good. Untick “Check only” to create them.`
        : `Created ${r.created} ${r.created === 1 ? 'event' : 'events'}${r.existing ? `; ${r.existing} already imported earlier` : ''}.`;
    body.push({ type: 'TextBlock', text: summary, wrap: true, weight: 'Bolder', color: r.errors ? 'Attention' : 'Good' });
    for (const l of r.lines.filter((x) => x.status === 'error').slice(0, 30)) body.push({ type: 'TextBlock', text: safe(l.message ?? ''), wrap: true, color: 'Attention', spacing: 'Small' });
    for (const l of r.lines.filter((x) => x.status !== 'error').slice(0, 30)) {
      body.push({ type: 'TextBlock', text: `Line ${l.line}: ${safe(l.title ?? '')} — ${l.status === 'ok' ? 'ok' : l.status === 'created' ? 'created' : 'already imported'}`, wrap: true, spacing: 'Small', isSubtle: true });
    }
  }
  if (options.error) body.push({ type: 'TextBlock', text: safe(options.error), wrap: true, color: 'Attention' });
  const echo = options.csv && options.csv.length <= MAX_ECHO_CHARS ? options.csv : '';
  if (options.csv && !echo) body.push({ type: 'TextBlock', text: 'Your CSV is too long to show again here: correct your file and paste it again.', wrap: true, isSubtle: true });
  body.push(
    { type: 'TextBlock', text: `Paste CSV with this header line (dates YYYY-MM-DD, times HH:MM UK time, professions separated by ;):\n\n${options.header}`, wrap: true, isSubtle: true },
    // As long as the importer allows (its limit, with its message, is the one people meet).
    { type: 'Input.Text', id: 'csv', label: 'CSV', isMultiline: true, isRequired: true, errorMessage: 'Paste the CSV', maxLength: MAX_IMPORT_BYTES, value: echo ? safe(echo) : '' },
    { type: 'Input.Toggle', id: 'dryRun', title: 'Check only (create nothing yet)', value: 'true', valueOn: 'true', valueOff: 'false' },
  );
  return noTemplates(card(body, [{ type: 'Action.Execute', title: 'Import', verb: Verbs.eventImport, associatedInputs: 'auto', style: 'positive' }], 'Import events from CSV'));
}
