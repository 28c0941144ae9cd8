// The profile card: profession, hub, PCN, organisation. Filled once before a first join.
import profileTemplate from './profile.json' with { type: 'json' };
import { renderCard, type CardJson } from '../render.js';
import { markForm } from '../forms.js';
import { Verbs } from '../verbs.js';
import { PROFESSIONS, PROFESSION_NAMES } from '../../domain/people/professions.js';
import { HUBS, HUB_NAMES } from '../../domain/people/hubs.js';

export interface ProfileCardInput {
  profile: { profession: string; hub: string; pcn: string; organisation: string } | null;
  /** Why the card is shown, e.g. "Before you join Practice Nursing, tell us a little about you." */
  intro?: string;
  status?: string;
  error?: string;
  /** Carried back with the save, e.g. the join to finish afterwards. */
  saveData?: Record<string, unknown>;
  /** Guests (another organisation) need not give a PCN; everyone else must. */
  guest?: boolean;
}

export function profileCard(input: ProfileCardInput): CardJson {
  const p = input.profile;
  const rendered = renderCard(
    profileTemplate,
    {
      title: p ? 'Your profile' : 'Tell us about you',
      intro: input.intro ?? 'This helps channel leads and event organisers plan for the right people. Only you and the hub coordinators see it.',
      status: input.status ?? '',
      error: input.error ?? '',
      profession: p?.profession ?? '',
      hub: p?.hub ?? '',
      pcn: p?.pcn ?? '',
      organisation: p?.organisation ?? '',
      professions: PROFESSIONS.map((value) => ({ value, title: PROFESSION_NAMES[value] })),
      hubs: HUBS.map((value) => ({ value, title: HUB_NAMES[value] })),
      saveData: input.saveData ?? {},
    },
    p ? `Your profile: ${PROFESSION_NAMES[p.profession as keyof typeof PROFESSION_NAMES] ?? p.profession}, ${HUB_NAMES[p.hub as keyof typeof HUB_NAMES] ?? p.hub}, ${p.pcn}, ${p.organisation}` : 'Tell us about you: profession, hub, PCN and organisation.',
  );
  // The server asks members for their PCN (services/people.ts): the card says so before Save.
  const pcn = (rendered.body as Record<string, unknown>[]).find((b) => b.id === 'pcn');
  if (pcn && !input.guest) Object.assign(pcn, { isRequired: true, errorMessage: 'Tell us your Primary Care Network (PCN)' });
  if (pcn && input.guest) pcn.label = 'Primary Care Network (PCN, if you have one)';
  return markForm(rendered, Verbs.profileSave);
}

export const profileAnswers = {
  saved: 'Saved. Thank you!',
};
