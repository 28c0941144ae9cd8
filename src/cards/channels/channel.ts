// One channel as a card that can land in any chat (the message extension inserts it): what the
// channel is for, its leads and next events, and a Join button. Everyone first sees the same card;
// `refresh` then shows each person their own state (member, asked to join, or not yet).
import { card, noTemplates, type CardJson } from '../render.js';
import { Verbs } from '../verbs.js';
import type { DirectoryEntryView } from './directory.js';
import { shorten } from './words.js';

export function channelCard(e: DirectoryEntryView, options: { notice?: string } = {}): CardJson {
  const body: unknown[] = [];
  if (options.notice) body.push({ type: 'TextBlock', text: options.notice, wrap: true, weight: 'Bolder', color: 'Good' });
  body.push(
    { type: 'TextBlock', text: e.name, size: 'Medium', weight: 'Bolder', wrap: true, style: 'heading' },
    { type: 'TextBlock', text: e.facts, wrap: true, isSubtle: true, size: 'Small', spacing: 'None' },
    { type: 'TextBlock', text: shorten(e.purpose, 400), wrap: true, maxLines: 6 },
  );
  if (e.leads) body.push({ type: 'TextBlock', text: e.leads, wrap: true, size: 'Small' });
  if (e.approvalRequired) body.push({ type: 'TextBlock', text: 'Approval needed: a lead confirms each request to join.', wrap: true, size: 'Small', isSubtle: true });
  for (const n of e.nextEvents) body.push({ type: 'TextBlock', text: `Next: ${n.when} — ${n.title}`, wrap: true, size: 'Small', spacing: 'None' });
  const state = e.my === 'member' ? '✓ You are a member' : e.my === 'requested' ? 'Your request to join is with the leads' : '';
  if (state) body.push({ type: 'TextBlock', text: state, wrap: true, weight: 'Bolder', color: 'Good' });
  const actions: unknown[] = [];
  const data = { channelId: e.id, from: 'card' };
  if (e.my === 'member') actions.push({ type: 'Action.Execute', title: `Leave ${e.name}`, verb: Verbs.channelLeave, data });
  else if (e.my !== 'requested') actions.push({ type: 'Action.Execute', title: `${e.approvalRequired ? 'Ask to join' : 'Join'} ${e.name}`, verb: Verbs.channelJoin, data, style: 'positive' });
  // No userIds: in chats of up to 60 people Teams refreshes the card for everyone who sees it.
  const refresh = { action: { type: 'Action.Execute', title: 'Refresh', verb: Verbs.channelRefresh, data: { channelId: e.id } } };
  return noTemplates(card(body, actions, `${e.name} — ${e.facts}. ${shorten(e.purpose, 200)}`, { refresh }));
}
