// How channel results look in Teams: the directory card for this person and conversation, and
// the answers to join/leave in words and cards. Shared by the channel commands and card actions.
import type { BotTurn } from './turn.js';
import type { Channel } from '../domain/channels/channel.js';
import type { JoinResult } from '../services/channels.js';
import type { CardJson } from '../cards/render.js';
import { directoryCard, channelStatusCard, welcomeCard, type DirectoryEntryView } from '../cards/builders/channels.js';
import { profileCard } from '../cards/builders/profile.js';
import { HUB_NAMES } from '../domain/people/hubs.js';
import { eventLines, membersText, professionsText, welcomeInput } from '../services/channelMessages.js';
import { channelLink } from '../domain/channels/deepLink.js';
import { Verbs } from '../cards/verbs.js';

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
  // In a group chat or channel everyone sees the same card: no one's own state on it.
  const personal = turn.scope === 'personal';
  const entries: DirectoryEntryView[] = items.map((item) => ({
    id: item.channel.id,
    name: item.channel.name,
    purpose: item.channel.purpose,
    facts: `${HUB_NAMES[item.channel.hub] ?? item.channel.hub} · ${professionsText(item.channel)} · ${membersText(item.channel.memberCount)}`,
    leads: item.leads.length ? `${item.leads.length === 1 ? 'Lead' : 'Leads'}: ${item.leads.map((l) => l.name).join(', ')}` : '',
    approvalRequired: item.channel.approvalRequired,
    nextEvents: eventLines(item.nextEvents),
    my: personal ? item.my : 'unknown',
  }));
  return directoryCard({ query, entries, page: current, pageSize: PAGE_SIZE, total, notice: notice?.text, noticeGood: notice?.good });
}

export function linkFor(turn: BotTurn, channel: Channel) {
  const { config } = turn.services;
  return channelLink(channel, { teamId: config.virtualCafeTeamId || undefined, tenantId: config.homeTenantId || undefined, publicUrl: config.publicUrl });
}

/** A first-time member fills in their profile; saving it runs the join (the card carries it). */
export function profileFirstCard(channel: Channel): CardJson {
  return profileCard({
    profile: null,
    intro: `Before you join ${channel.name}, tell us a little about you. You only do this once; it helps leads and organisers plan for the right people.`,
    saveData: { then: { verb: Verbs.channelJoin, data: { channelId: channel.id } } },
  });
}

/** The words for a join that did not produce a welcome (already in, or a request). */
export function joinStatusText(result: JoinResult): { title: string; text: string } {
  const name = result.channel.name;
  switch (result.status) {
    case 'already-member':
      return { title: `You are already a member of ${name}`, text: 'Nothing has changed. Open the channel with the button below.' };
    case 'requested':
      return { title: `Request sent to ${name}`, text: `${name} needs approval: your request has gone to its leads, and I will tell you when they decide.` };
    case 'already-requested':
      return { title: `You have already asked to join ${name}`, text: 'The leads have not decided yet. I will tell you when they do.' };
    default:
      return { title: `You joined ${name}`, text: 'Welcome!' };
  }
}

/** The answer card for a join (welcome, or status with a way into the channel). */
export function joinAnswerCard(turn: BotTurn, result: JoinResult): CardJson {
  if (result.status === 'joined' && result.welcome) return welcomeCard(welcomeInput(result.welcome));
  const { title, text } = joinStatusText(result);
  const link = linkFor(turn, result.channel);
  const actions = result.status === 'already-member' ? [{ type: 'Action.OpenUrl', title: link.inTeams ? `Open ${result.channel.name} in Teams` : `Open ${result.channel.name}`, url: link.url }] : [];
  return channelStatusCard(title, text, actions);
}

/** In a group chat or channel the welcome goes to the person's 1:1 chat; say so here. */
export function sharedJoinText(turn: BotTurn, result: JoinResult): string {
  const who = turn.actor.name;
  if (result.status === 'joined') return `${who}, you have joined ${result.channel.name}. I have sent your welcome to our 1:1 chat.`;
  const { title, text } = joinStatusText(result);
  return `${who}: ${title}. ${text}`;
}
