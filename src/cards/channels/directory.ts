// The channel directory people browse to find Communities of Practice (with Join/Leave and
// paging), and the choice when a name they typed was ambiguous.
import directoryTemplate from './directory.json' with { type: 'json' };
import { card, renderCard, type CardJson } from '../render.js';
import { Verbs } from '../verbs.js';
import { HUB_NAMES } from '../../domain/people/hubs.js';
import type { DirectoryItem } from '../../contracts/channels.js';
import { eventLines, membersText, professionsText, shorten } from './words.js';

export interface ChannelSummary {
  id: string;
  name: string;
  purpose: string;
}

export interface DirectoryEntryView extends ChannelSummary {
  /** "All of Kent & Medway · Practice nurse, HCA · 42 members" */
  facts: string;
  /** "Leads: Hannah Doyle, Femi Adeyemi" or '' */
  leads: string;
  approvalRequired: boolean;
  nextEvents: { when: string; title: string }[];
  /** The viewer's own state; 'unknown' in shared conversations (cards there are seen by many). */
  my: 'member' | 'requested' | 'none' | 'unknown';
}

export interface DirectoryCardInput {
  query: string;
  entries: DirectoryEntryView[];
  page: number;
  pageSize: number;
  total: number;
  notice?: string;
  noticeGood?: boolean;
}

/** The directory's entries; in a group chat or channel everyone sees the same card, so no one's own state. */
export function directoryEntries(items: readonly DirectoryItem[], personal: boolean): DirectoryEntryView[] {
  return items.map((item) => ({
    id: item.channel.id,
    name: item.channel.name,
    purpose: item.channel.purpose,
    facts: `${HUB_NAMES[item.channel.hub] ?? item.channel.hub} · ${professionsText(item.channel)} · ${membersText(item.channel.memberCount)}`,
    leads: item.leads.length ? `${item.leads.length === 1 ? 'Lead' : 'Leads'}: ${item.leads.map((l) => l.name).join(', ')}` : '',
    approvalRequired: item.channel.approvalRequired,
    nextEvents: eventLines(item.nextEvents),
    my: personal ? item.my : 'unknown',
  }));
}

export function directoryCard(input: DirectoryCardInput): CardJson {
  const { page, pageSize, total, query } = input;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  const matching = query ? ` matching “${shorten(query, 60)}”` : '';
  const summary =
    total === 0
      ? `No channels${matching}. Try other words, or type "channels" to see them all.`
      : `${total} channel${total === 1 ? '' : 's'}${matching}${pages > 1 ? ` — ${first} to ${last}` : ''}.`;
  const pager: { title: string; data: { q: string; page: number } }[] = [];
  if (page > 1) pager.push({ title: 'Previous', data: { q: query, page: page - 1 } });
  if (page < pages) pager.push({ title: `More channels (${page + 1} of ${pages})`, data: { q: query, page: page + 1 } });
  const entries = input.entries.map((e) => ({
    id: e.id,
    name: e.name,
    facts: e.facts,
    purpose: shorten(e.purpose, 300),
    leads: e.leads,
    approvalRequired: e.approvalRequired,
    nextEvents: e.nextEvents,
    state: e.my === 'member' ? '✓ You are a member' : e.my === 'requested' ? 'Your request to join is with the leads' : '',
    my: e.my,
    joinTitle: `${e.approvalRequired ? 'Ask to join' : 'Join'} ${e.name}`,
    buttonData: { channelId: e.id, from: 'directory', q: query, page },
  }));
  const fallback = [summary, ...input.entries.map((e) => `• ${e.name} — ${e.facts}`)].join('\n');
  return renderCard(directoryTemplate, { summary, notice: input.notice ?? '', noticeColor: input.noticeGood ? 'Good' : 'Attention', entries, pager }, fallback);
}

/** "Which one did you mean?" — one button per channel. */
export function channelChoiceCard(input: { intro: string; channels: ChannelSummary[]; verb: typeof Verbs.channelJoin | typeof Verbs.channelLeave }): CardJson {
  const body: unknown[] = [{ type: 'TextBlock', text: input.intro, wrap: true, weight: 'Bolder' }];
  for (const c of input.channels) {
    body.push({
      type: 'Container',
      separator: true,
      items: [
        { type: 'TextBlock', text: c.name, weight: 'Bolder', wrap: true },
        { type: 'TextBlock', text: shorten(c.purpose, 160), wrap: true, isSubtle: true, size: 'Small', spacing: 'None' },
        {
          type: 'ActionSet',
          actions: [{ type: 'Action.Execute', title: `${input.verb === Verbs.channelJoin ? 'Join' : 'Leave'} ${c.name}`, verb: input.verb, data: { channelId: c.id } }],
        },
      ],
    });
  }
  const fallback = `${input.intro}\n${input.channels.map((c) => `• ${c.name}`).join('\n')}`;
  return card(body, [{ type: 'Action.Execute', title: 'See all channels', verb: Verbs.channelDirectory, data: { q: '', page: 1 } }], fallback);
}
