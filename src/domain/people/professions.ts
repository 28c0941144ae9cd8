// The professions the hubs serve (interfaces.md lists the codes).
export const PROFESSIONS = [
  'advanced-nurse-practitioner',
  'practice-nurse',
  'nurse-associate',
  'hca',
  'paramedic',
  'clinical-pharmacist',
  'pharmacy-technician',
  'physician-associate',
  'physiotherapist',
  'social-prescriber',
  'gp',
  'practice-manager',
  'other',
] as const;
export type Profession = (typeof PROFESSIONS)[number];

export const PROFESSION_NAMES: Record<Profession, string> = {
  'advanced-nurse-practitioner': 'Advanced nurse practitioner',
  'practice-nurse': 'Practice nurse',
  'nurse-associate': 'Nurse associate',
  hca: 'Healthcare assistant (HCA)',
  paramedic: 'Paramedic',
  'clinical-pharmacist': 'Clinical pharmacist',
  'pharmacy-technician': 'Pharmacy technician',
  'physician-associate': 'Physician associate',
  physiotherapist: 'Physiotherapist',
  'social-prescriber': 'Social prescriber',
  gp: 'GP',
  'practice-manager': 'Practice manager',
  other: 'Other',
};

export function parseProfession(text: unknown): Profession | null {
  if (typeof text !== 'string') return null;
  const code = text.trim().toLowerCase();
  if ((PROFESSIONS as readonly string[]).includes(code)) return code as Profession;
  const byName = PROFESSIONS.find((p) => PROFESSION_NAMES[p].toLowerCase() === code);
  return byName ?? null;
}

/** Parses a comma list of profession codes; returns the unknown entries separately. */
export function parseProfessionList(text: unknown): { professions: Profession[]; unknown: string[] } {
  const items = Array.isArray(text) ? text : typeof text === 'string' ? text.split(',') : [];
  const professions: Profession[] = [];
  const unknown: string[] = [];
  for (const item of items) {
    if (typeof item !== 'string' || item.trim() === '') continue;
    const p = parseProfession(item);
    if (p) {
      if (!professions.includes(p)) professions.push(p);
    } else unknown.push(String(item).slice(0, 60));
  }
  return { professions, unknown };
}
