// Cards for "my data" and "forget me".
import { card, type CardJson } from '../render.js';
import { Verbs } from '../verbs.js';
import type { PersonalDataExport } from '../../contracts/privacy.js';
import { HUB_NAMES, type Hub } from '../../domain/people/hubs.js';
import { PROFESSION_NAMES, type Profession } from '../../domain/people/professions.js';
import { formatLondonDate } from '../../domain/time/london.js';

/** One readable line per area: what is held, in words (a profile in full, other areas as counts). */
export function summarise(data: Record<string, unknown>): { title: string; value: string }[] {
  const facts: { title: string; value: string }[] = [];
  for (const [area, value] of Object.entries(data)) {
    const parts = value && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value as Record<string, unknown>) : [];
    const held = parts.filter(([, v]) => describe(v) !== 'nothing');
    if (!held.length) facts.push({ title: words(area), value: describe(parts.length ? null : value) });
    // Each kind of thing held in the area on its own line: a profile in full, lists as counts.
    else for (const [key, v] of held) facts.push({ title: `${words(area)}: ${words(key).toLowerCase()}`, value: describe(v) });
  }
  return facts.slice(0, 30);
}

/** "eventRegistrations" → "Event registrations". */
const words = (key: string) => {
  const spaced = key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
};

/** Codes people know by name (hub, profession) as names. */
function named(key: string, value: unknown): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  const text = String(value);
  if (key === 'hub') return HUB_NAMES[text as Hub] ?? text;
  if (key === 'profession') return PROFESSION_NAMES[text as Profession] ?? text;
  return text;
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return value.length ? `${value.length} item${value.length === 1 ? '' : 's'}` : 'nothing';
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0));
    if (entries.length && entries.every(([, v]) => typeof v !== 'object' || v instanceof Date)) {
      // A record of plain values (a profile): show it, so the person sees what is held.
      return entries
        .filter(([k, v]) => !/^(userId|id|tenantId)$/.test(k) && !(v instanceof Date) && !/At$/.test(k))
        .map(([k, v]) => `${words(k)}: ${named(k, v).slice(0, 120)}`)
        .join(' · ') || 'held';
    }
    const parts = entries.map(([k, v]) => (Array.isArray(v) ? `${words(k).toLowerCase()} (${v.length})` : words(k).toLowerCase()));
    return parts.length ? parts.join(', ') : 'nothing';
  }
  return String(value).slice(0, 80);
}

/**
 * "my data" in chat: what is held, in words — never the raw JSON pasted into the conversation. The
 * file itself comes from the tab's Your data page, where the person is signed in: a download link
 * in the chat would be a second credential to their data sitting in the chat history.
 */
export function myDataCard(exported: PersonalDataExport, tabUrl: string): CardJson {
  const facts = summarise(exported.data);
  return card(
    [
      { type: 'TextBlock', text: 'Your data in the Virtual Café', size: 'Medium', weight: 'Bolder', wrap: true, style: 'heading' },
      { type: 'TextBlock', text: `What is held about ${exported.person.name}, as of ${formatLondonDate(new Date(exported.exportedAt))}:`, wrap: true, isSubtle: true },
      { type: 'FactSet', facts },
      { type: 'TextBlock', text: 'To get all of it as a file, open “Your data” in the Virtual Café tab and choose Download. Type “forget me” to erase it.', wrap: true, spacing: 'Medium' },
    ],
    [{ type: 'Action.OpenUrl', title: 'Open Your data (download as a file)', url: tabUrl }],
    `Your data: ${facts.map((f) => `${f.title}: ${f.value}`).join('; ')}`,
  );
}

export function forgetConfirmCard(): CardJson {
  return card(
    [
      { type: 'TextBlock', text: 'Erase your data?', size: 'Medium', weight: 'Bolder', wrap: true, style: 'heading' },
      {
        type: 'TextBlock',
        wrap: true,
        text: 'This removes your profile, your channel memberships and requests, your facilitator details and your future bookings (the next person on each waitlist gets your place). Past attendance is kept only as anonymous counts. It cannot be undone.',
      },
    ],
    [
      { type: 'Action.Execute', title: 'Erase my data', verb: Verbs.privacyForgetConfirm, style: 'destructive', data: {} },
      { type: 'Action.Execute', title: 'Keep my data', verb: Verbs.privacyForgetKeep, data: {} },
    ],
    'Erase your data? This removes your profile, memberships and future bookings and cannot be undone.',
  );
}

export function forgetDoneCard(erased: boolean): CardJson {
  const text = erased
    ? 'Done. Your data has been erased. If you talk to me again, I will only know your name from Teams.'
    : 'Nothing was erased.';
  return card([{ type: 'TextBlock', text, wrap: true }], [], text);
}
