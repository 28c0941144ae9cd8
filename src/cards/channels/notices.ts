// Channel notices as messages (text + card): what the leads, requesters and new leads are sent,
// however the change was made (chat, card or tab). Welcomes: welcome.ts; proposals: proposals.ts.
import type { Channel } from '../../domain/channels/channel.js';
import type { OutboundMessage } from '../../domain/ports.js';
import { noticeCard, joinRequestCard, type MemberLine } from './leads.js';
import { Verbs } from '../verbs.js';
import { membersText } from './words.js';

export function newMemberNotice(channel: Channel, member: { name: string; details: string }): OutboundMessage {
  const text = `${member.name} joined ${channel.name} (${member.details}). ${membersText(channel.memberCount)} now.`;
  return { text, card: noticeCard(`New member in ${channel.name}`, text, { title: `Members of ${channel.name}`, verb: Verbs.channelMembers, data: { channelId: channel.id } }) };
}

export function joinRequestNotice(channel: Channel, requester: MemberLine): OutboundMessage {
  return { text: `${requester.name} asked to join ${channel.name}.`, card: joinRequestCard({ channelId: channel.id, channelName: channel.name, requester, state: 'pending' }) };
}

export function requestDeclinedNotice(channel: Channel, reason?: string): OutboundMessage {
  const text = `Your request to join ${channel.name} was not approved.${reason ? ` The lead said: “${reason}”` : ''} You can browse other channels with "channels".`;
  return { text, card: noticeCard(`Request to join ${channel.name}`, text, { title: 'Browse channels', verb: Verbs.channelDirectory, data: { q: '', page: 1 } }) };
}

export function newLeadNotice(channel: Channel): OutboundMessage {
  const text = `You are now a lead of ${channel.name}. You can edit its purpose and guidelines and see its members (type "my channels").`;
  return { text, card: noticeCard(`You lead ${channel.name}`, text, { title: `Edit ${channel.name}`, verb: Verbs.channelEdit, data: { channelId: channel.id } }) };
}
