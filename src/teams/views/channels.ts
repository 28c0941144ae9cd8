// What a person sees of channels in Teams, shared by the channel commands and card actions:
// gathers what each card needs from the services (the directory page for this person and
// conversation, members, my channels, a channel's link) and hands it to the builders in
// src/cards/channels/ (which hold every word).
import type { BotTurn } from '../turn.js';
import type { Channel } from '../../domain/channels/channel.js';
import type { CardJson } from '../../cards/render.js';
import { directoryCard, directoryEntries } from '../../cards/channels/directory.js';
import { channelCard } from '../../cards/channels/channel.js';
import { membersCardOf } from '../../cards/channels/leads.js';
import { myChannelsCardOf } from '../../cards/channels/mine.js';
import { channelLink } from '../../domain/channels/deepLink.js';

export const PAGE_SIZE = 5;

/** A page number from card data: 1…1000, else 1. */
export function readPage(raw: unknown): number {
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw) : NaN;
  return Number.isInteger(n) && n >= 1 && n <= 1000 ? n : 1;
}

/** Search words from card data: text of at most 200 characters. */
export function readQuery(raw: unknown): string {
  return typeof raw === 'string' ? raw.slice(0, 200) : '';
}

export async function directoryCardFor(turn: BotTurn, query: string, page: number, notice?: { text: string; good?: boolean }): Promise<CardJson> {
  const service = turn.services.channelService;
  let current = page;
  let { total, items } = await service.directory(turn.actor, query, { offset: (current - 1) * PAGE_SIZE, limit: PAGE_SIZE });
  if (items.length === 0 && total > 0) {
    // A page past the end (the list shrank since the card was sent): show the last page.
    current = Math.ceil(total / PAGE_SIZE);
    ({ total, items } = await service.directory(turn.actor, query, { offset: (current - 1) * PAGE_SIZE, limit: PAGE_SIZE }));
  }
  const entries = directoryEntries(items, turn.scope === 'personal');
  return directoryCard({ query, entries, page: current, pageSize: PAGE_SIZE, total, notice: notice?.text, noticeGood: notice?.good });
}

/** One channel's card: the person's own state, or nobody's (`generic`, what a chat sees before refresh). */
export async function channelCardFor(turn: BotTurn, channelId: unknown, options: { generic?: boolean; notice?: string } = {}): Promise<CardJson> {
  const item = await turn.services.channelService.item(turn.actor, channelId);
  const [entry] = directoryEntries([item], !options.generic);
  return channelCard(options.generic ? { ...entry, my: 'none' } : entry, { notice: options.notice });
}

export async function membersCardFor(turn: BotTurn, channelId: unknown): Promise<CardJson> {
  return membersCardOf(await turn.services.channelService.members(turn.actor, channelId));
}

export async function myChannelsCardFor(turn: BotTurn): Promise<CardJson> {
  return myChannelsCardOf(await turn.services.channelService.mine(turn.actor), turn.actor.id);
}

export function linkFor(turn: BotTurn, channel: Channel) {
  const { config } = turn.services;
  return channelLink(channel, { teamId: config.virtualCafeTeamId || undefined, tenantId: config.homeTenantId || undefined, publicUrl: config.publicUrl });
}
