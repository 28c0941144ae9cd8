// Channel cards people see when finding and joining Communities of Practice: the directory (with
// Join/Leave and paging), a choice when a name was ambiguous, the welcome, "my channels".
import directoryTemplate from '../templates/channelDirectory.json' with { type: 'json' };
import welcomeTemplate from '../templates/channelWelcome.json' with { type: 'json' };
import { card, renderCard, type CardJson } from '../render.js';
import { Verbs } from '../verbs.js';

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

const shorten = (text: string, max: number) => (text.length > max ? text.slice(0, max - 1).trimEnd() + '…' : text);

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

export interface WelcomeCardInput {
  name: string;
  intro: string;
  purpose: string;
  guidelines: string;
  facts: { title: string; value: string }[];
  nextEvents: { when: string; title: string }[];
  help: string;
  link: string;
  openTitle: string;
}

export function welcomeCard(input: WelcomeCardInput): CardJson {
  const fallback = `Welcome to ${input.name}. ${input.intro} Purpose: ${input.purpose} Open the channel: ${input.link}`;
  return renderCard(welcomeTemplate, { ...input, title: `Welcome to ${input.name}` }, fallback);
}

export interface MyChannelsInput {
  memberships: (ChannelSummary & { lead: boolean; joined: string })[];
  requests: (ChannelSummary & { requested: string })[];
}

export function myChannelsCard(input: MyChannelsInput): CardJson {
  const body: unknown[] = [{ type: 'TextBlock', text: 'My channels', size: 'Medium', weight: 'Bolder', wrap: true, style: 'heading' }];
  if (input.memberships.length === 0) {
    body.push({ type: 'TextBlock', text: 'You are not in any Community of Practice yet. Browse the channels and join one.', wrap: true });
  }
  for (const m of input.memberships) {
    const actions: unknown[] = [];
    if (m.lead) {
      actions.push({ type: 'Action.Execute', title: `Edit ${m.name}`, verb: Verbs.channelEdit, data: { channelId: m.id } });
      actions.push({ type: 'Action.Execute', title: `Members of ${m.name}`, verb: Verbs.channelMembers, data: { channelId: m.id } });
    }
    actions.push({ type: 'Action.Execute', title: `Leave ${m.name}`, verb: Verbs.channelLeave, data: { channelId: m.id } });
    body.push({
      type: 'Container',
      separator: true,
      items: [
        { type: 'TextBlock', text: m.lead ? `${m.name} (you lead it)` : m.name, weight: 'Bolder', wrap: true },
        { type: 'TextBlock', text: `Joined ${m.joined}`, isSubtle: true, size: 'Small', spacing: 'None', wrap: true },
        { type: 'TextBlock', text: shorten(m.purpose, 200), wrap: true },
        { type: 'ActionSet', actions },
      ],
    });
  }
  if (input.requests.length) {
    body.push({ type: 'TextBlock', text: 'Waiting for a lead', weight: 'Bolder', wrap: true, spacing: 'Medium' });
    for (const r of input.requests) {
      body.push({
        type: 'Container',
        items: [
          { type: 'TextBlock', text: `${r.name} — asked ${r.requested}`, wrap: true },
          { type: 'ActionSet', actions: [{ type: 'Action.Execute', title: `Withdraw request for ${r.name}`, verb: Verbs.channelLeave, data: { channelId: r.id } }] },
        ],
      });
    }
  }
  const fallback = input.memberships.length ? `My channels: ${input.memberships.map((m) => m.name).join(', ')}` : 'You are not in any channel yet.';
  return card(body, [{ type: 'Action.Execute', title: 'Browse channels', verb: Verbs.channelDirectory, data: { q: '', page: 1 } }], fallback);
}

/** A short answer card (e.g. "You are already a member"), optionally with buttons. */
export function channelStatusCard(title: string, text: string, actions: unknown[] = []): CardJson {
  return card(
    [
      { type: 'TextBlock', text: title, weight: 'Bolder', wrap: true },
      { type: 'TextBlock', text, wrap: true },
    ],
    actions,
    `${title}. ${text}`,
  );
}
