// The three training hubs, plus "all of Kent & Medway" for things that span them.
export const HUBS = ['north-kent', 'west-kent', 'east-kent', 'kent-medway'] as const;
export type Hub = (typeof HUBS)[number];

/** The hubs that run things themselves (kent-medway means "all of them"). */
export const TRAINING_HUBS = ['north-kent', 'west-kent', 'east-kent'] as const satisfies readonly Hub[];

export const HUB_NAMES: Record<Hub, string> = {
  'north-kent': 'North Kent (including Medway)',
  'west-kent': 'West Kent',
  'east-kent': 'East Kent',
  'kent-medway': 'All of Kent & Medway',
};

export function parseHub(text: unknown): Hub | null {
  if (typeof text !== 'string') return null;
  const code = text.trim().toLowerCase();
  if ((HUBS as readonly string[]).includes(code)) return code as Hub;
  const byName = HUBS.find((h) => HUB_NAMES[h].toLowerCase() === code);
  if (byName) return byName;
  const aliases: Record<string, Hub> = {
    north: 'north-kent', medway: 'north-kent', 'north kent': 'north-kent',
    west: 'west-kent', 'west kent': 'west-kent',
    east: 'east-kent', 'east kent': 'east-kent',
    all: 'kent-medway', 'kent & medway': 'kent-medway', 'kent and medway': 'kent-medway',
  };
  return aliases[code] ?? null;
}

/** True when something aimed at `target` hub concerns someone in `hub` (kent-medway covers all). */
export function hubCovers(target: Hub, hub: Hub): boolean {
  return target === 'kent-medway' || hub === 'kent-medway' || target === hub;
}
