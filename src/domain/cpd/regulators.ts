// The three regulators whose revalidation or renewal rules the CPD record is shaped for, which one
// a person answers to (from their profession), and how each describes a PLT session.
//
// - NMC (nurses, nursing associates): revalidation every three years needs 35 hours of CPD, 20 of
//   them participatory (learning with others), each logged with its method.
// - GPhC (pharmacists, pharmacy technicians): every year at least four CPD entries, at least two
//   of them planned learning.
// - HCPC (paramedics, physiotherapists): a continuous record over the two years of a registration
//   cycle, with a mix of learning — at least two kinds of activity.
import type { Profession } from '../people/professions.js';
import type { Category } from '../events/event.js';

export const REGULATORS = ['nmc', 'gphc', 'hcpc'] as const;
export type Regulator = (typeof REGULATORS)[number];

export const REGULATOR_NAMES: Record<Regulator, string> = {
  nmc: 'Nursing and Midwifery Council (NMC)',
  gphc: 'General Pharmaceutical Council (GPhC)',
  hcpc: 'Health and Care Professions Council (HCPC)',
};

export const REGULATOR_SHORT: Record<Regulator, string> = { nmc: 'NMC', gphc: 'GPhC', hcpc: 'HCPC' };

const BY_PROFESSION: Partial<Record<Profession, Regulator>> = {
  'advanced-nurse-practitioner': 'nmc',
  'practice-nurse': 'nmc',
  'nurse-associate': 'nmc',
  'clinical-pharmacist': 'gphc',
  'pharmacy-technician': 'gphc',
  paramedic: 'hcpc',
  physiotherapist: 'hcpc',
};

/** The regulator a profession answers to; NMC for everyone else (its record is the most demanding). */
export const regulatorFor = (profession: Profession | null | undefined): Regulator => (profession && BY_PROFESSION[profession]) || 'nmc';

export function parseRegulator(text: unknown): Regulator | null {
  if (typeof text !== 'string') return null;
  const code = text.trim().toLowerCase();
  return (REGULATORS as readonly string[]).includes(code) ? (code as Regulator) : null;
}

/** How long one period is, in years. */
export const PERIOD_YEARS: Record<Regulator, number> = { nmc: 3, gphc: 1, hcpc: 2 };

export const PERIOD_NAMES: Record<Regulator, string> = { nmc: 'Three-year revalidation period', gphc: 'Year of registration', hcpc: 'Two-year registration cycle' };

export type CpdTarget = { totalHours: number; participatoryHours: number } | { entries: number; plannedEntries: number } | { kinds: number };

export const TARGETS = {
  nmc: { totalHours: 35, participatoryHours: 20 },
  gphc: { entries: 4, plannedEntries: 2 },
  hcpc: { kinds: 2 },
} as const satisfies Record<Regulator, CpdTarget>;

/** The target in words, as the record and the tab say it. */
export const TARGET_WORDS: Record<Regulator, string> = {
  nmc: '35 hours of CPD in three years, 20 of them participatory',
  gphc: 'At least four CPD entries a year, two of them planned',
  hcpc: 'At least two kinds of learning activity in the last two years',
};

// NMC and GPhC ask for the method of learning; HCPC groups activities into five types.
const METHODS: Record<Category, string> = {
  plt: 'Course attendance (Protected Learning Time)',
  'facilitation-development': 'Workshop: facilitation skills',
  'cop-session': 'Peer discussion group (Community of Practice)',
  webinar: 'Online learning: live webinar',
  other: 'Learning event',
};

export const HCPC_KINDS = ['formal-educational', 'work-based', 'professional-activity', 'self-directed', 'other'] as const;
export type HcpcKind = (typeof HCPC_KINDS)[number];

export const HCPC_KIND_NAMES: Record<HcpcKind, string> = {
  'formal-educational': 'Formal and educational',
  'work-based': 'Work-based learning',
  'professional-activity': 'Professional activity',
  'self-directed': 'Self-directed learning',
  other: 'Other',
};

const HCPC_KIND_OF: Record<Category, HcpcKind> = {
  plt: 'formal-educational',
  webinar: 'formal-educational',
  'cop-session': 'work-based',
  'facilitation-development': 'professional-activity',
  other: 'other',
};

/** The CPD method of an event, in the regulator's own terms (for HCPC: its kind of activity). */
export const methodFor = (regulator: Regulator, category: Category): string => (regulator === 'hcpc' ? HCPC_KIND_NAMES[HCPC_KIND_OF[category]] : METHODS[category]);
