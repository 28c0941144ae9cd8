// "My channels": the Communities of Practice a person is in (leads get Edit and Members), and
// their requests still waiting for a lead.
import { card, type CardJson } from '../render.js';
import { Verbs } from '../verbs.js';
import type { Channel } from '../../domain/channels/channel.js';
import type { JoinRequest, Membership } from '../../domain/channels/membership.js';
import type { UserId } from '../../domain/people/person.js';
import { formatLondonDate } from '../../domain/time/london.js';
import type { ChannelSummary } from './directory.js';
import { shorten } from './words.js';

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

/** The card from what the channels service says a person is in. */
export function myChannelsCardOf(mine: { memberships: { channel: Channel; membership: Membership }[]; requests: { channel: Channel; request: JoinRequest }[] }, viewerId: UserId): CardJson {
  return myChannelsCard({
    memberships: mine.memberships.map(({ channel, membership }) => ({
      id: channel.id,
      name: channel.name,
      purpose: channel.purpose,
      lead: channel.leadIds.includes(viewerId),
      joined: formatLondonDate(membership.joinedAt),
    })),
    requests: mine.requests.map(({ channel, request }) => ({ id: channel.id, name: channel.name, purpose: channel.purpose, requested: formatLondonDate(request.requestedAt) })),
  });
}
