// Words the channel cards, notices and answers share.
import type { Channel } from '../../domain/channels/channel.js';
import type { Profile } from '../../domain/people/person.js';
import type { UpcomingEvent } from '../../domain/ports.js';
import { HUB_NAMES } from '../../domain/people/hubs.js';
import { PROFESSION_NAMES } from '../../domain/people/professions.js';
import { formatLondonRange } from '../../domain/time/london.js';

export const professionsText = (c: Pick<Channel, 'professions'>) => (c.professions.length ? c.professions.map((p) => PROFESSION_NAMES[p] ?? p).join(', ') : 'All professions');

export const membersText = (n: number) => `${n} member${n === 1 ? '' : 's'}`;

export const namesText = (names: string[]) => (names.length ? names.join(', ') : 'none yet');

export const shorten = (text: string, max: number) => (text.length > max ? text.slice(0, max - 1).trimEnd() + '…' : text);

export function eventLines(events: readonly UpcomingEvent[]) {
  return events.map((e) => ({ when: formatLondonRange(e.start, e.end), title: e.title }));
}

/** What a lead may see about a member: guests only as guests (no private details). */
export function personDetails(guest: boolean, profile: Profile | null): string {
  if (guest) return 'Guest (another organisation)';
  if (!profile) return 'No profile yet';
  const parts = [PROFESSION_NAMES[profile.profession] ?? profile.profession, HUB_NAMES[profile.hub] ?? profile.hub, profile.pcn, profile.organisation].filter(Boolean);
  return parts.join(' · ');
}
