// Channel shapes of the HTTP API from src/contracts (type-only), and how the tab reads them.
import type { Me } from '../../types';
import { hubCovers, type Hub } from '../../../domain/people/hubs';
import type { ChannelJson } from '../../../contracts/channels';

export type { ChannelJson as Channel, DirectoryItemJson as DirectoryItem, MemberJson as MemberRow, ProposalListItem as Proposal } from '../../../contracts/channels';

/** The server's rule (domain/channels/rules.ts): coordinators manage their hubs' channels and every all-K&M one. */
export const coordinates = (me: Me, hub: Hub) => me.roles.some((g) => g.role === 'coordinator' && g.hubs.some((h) => hubCovers(hub, h)));

export const canEdit = (me: Me, c: ChannelJson) => c.leadIds.includes(me.id) || coordinates(me, c.hub);

/** "Tue 14 Jul, 12:30" in London time. */
export function whenText(startIso: string, endIso: string): string {
  const opts: Intl.DateTimeFormatOptions = { timeZone: 'Europe/London', weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' };
  const end = new Date(endIso).toLocaleTimeString('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' });
  return `${new Date(startIso).toLocaleString('en-GB', opts)}–${end}`;
}
