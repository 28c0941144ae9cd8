// Cards for "my data" and "forget me".
import { card, type CardJson } from '../render.js';
import { Verbs } from '../verbs.js';
import type { PersonalDataExport } from '../../contracts/privacy.js';

/** One readable line per area: how many things of each kind are held. */
export function summarise(data: Record<string, unknown>): { title: string; value: string }[] {
  return Object.entries(data).map(([area, value]) => ({ title: area, value: describe(value) }));
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return value.length ? `${value.length} item${value.length === 1 ? '' : 's'}` : 'nothing';
  if (typeof value === 'object') {
    const parts = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0))
      .map(([k, v]) => (Array.isArray(v) ? `${k} (${v.length})` : k));
    return parts.length ? parts.join(', ') : 'nothing';
  }
  return String(value).slice(0, 80);
}

export function myDataCard(exported: PersonalDataExport, tabUrl: string): CardJson {
  const facts = summarise(exported.data);
  const json = JSON.stringify(exported.data, null, 1);
  const preview = json.length > 3000 ? json.slice(0, 3000) + '\n…' : json;
  return card(
    [
      { type: 'TextBlock', text: 'Your data in the Virtual Café', size: 'Medium', weight: 'Bolder', wrap: true, style: 'heading' },
      { type: 'TextBlock', text: `Held about ${exported.person.name} (id ${exported.person.id}), as of ${exported.exportedAt}.`, wrap: true, isSubtle: true },
      { type: 'FactSet', facts },
      { type: 'TextBlock', text: 'Everything, as JSON:', wrap: true, weight: 'Bolder', spacing: 'Medium' },
      { type: 'TextBlock', text: preview, wrap: true, fontType: 'Monospace', size: 'Small' },
      { type: 'TextBlock', text: 'Type "forget me" to erase it.', wrap: true, isSubtle: true },
    ],
    [{ type: 'Action.OpenUrl', title: 'Download as a file (tab)', url: tabUrl }],
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
