// A facilitator's own profile card (hubs, formats, skills, weekly hours, dates away, monthly cap,
// pause), and the welcome when a coordinator adds them to the pool (layout: profile.json).
import profileTemplate from './profile.json' with { type: 'json' };
import { renderCard, type CardJson } from '../render.js';
import { markForm } from '../forms.js';
import { Verbs } from '../verbs.js';
import { HUB_NAMES, HUBS } from '../../domain/people/hubs.js';
import { DAYS, DAY_NAMES, FORMAT_NAMES, FORMATS, availabilityText, dayRanges, skillLabel, type Facilitator } from '../../domain/facilitation/facilitator.js';
import type { CardMessage } from './common.js';

export interface FacilitatorProfileCardInput {
  title: string;
  intro: string;
  status?: string;
  hubs: string;
  hubChoices: { value: string; title: string }[];
  formats: string;
  formatChoices: { value: string; title: string }[];
  skills: string;
  days: { id: string; label: string; value: string }[];
  away: string;
  maxPerMonth: number;
  paused: boolean;
}

export function facilitatorProfileCard(input: FacilitatorProfileCardInput): CardJson {
  const fallback = [input.title, input.intro, input.status ?? '', `Hubs: ${input.hubs}`, `Offers: ${input.formats}`, `Skills: ${input.skills || 'none'}`, ...input.days.map((d) => `${d.label}: ${d.value || '—'}`), `Away: ${input.away || 'none'}`, `At most ${input.maxPerMonth} a month`, input.paused ? 'Paused' : ''].filter(Boolean).join('\n');
  return markForm(renderCard(profileTemplate, { ...input, status: input.status ?? '', paused: input.paused ? 'true' : 'false' }, fallback), Verbs.facilitatorSave);
}

export function facilitatorCard(f: Facilitator, status?: string, intro?: string) {
  return facilitatorProfileCard({
    title: 'Your facilitator profile',
    intro: intro ?? 'Channel leads are offered a facilitator who is free and fits. Keep this up to date and you will only be asked when you can help.',
    status,
    hubs: f.hubs.join(','),
    hubChoices: HUBS.map((h) => ({ value: h, title: HUB_NAMES[h] })),
    formats: f.formats.join(','),
    formatChoices: FORMATS.map((x) => ({ value: x, title: FORMAT_NAMES[x] })),
    skills: f.skills.map(skillLabel).join(', '),
    days: DAYS.map((d) => ({ id: `avail_${d}`, label: DAY_NAMES[d], value: dayRanges(f.availability, d) })),
    away: f.away.map((a) => (a.from === a.to ? a.from : `${a.from} to ${a.to}`)).join(', '),
    maxPerMonth: f.maxPerMonth,
    paused: f.paused,
  });
}

export function poolWelcomeMessage(f: Facilitator): CardMessage {
  const text = `You have been added to the facilitator pool. We assumed ${availabilityText(f.availability)} and at most ${f.maxPerMonth} sessions a month: please check your availability.`;
  return { text, card: facilitatorCard(f, undefined, text) };
}
