// Channel notices and welcomes as messages (text + card): what the person and the leads are sent.
// The wording lives here so the bot, the API and the notices say the same things.
import type { Channel } from '../domain/channels/channel.js';
import type { OutboundMessage, ProfileRecord } from '../domain/ports.js';
import { HUB_NAMES } from '../domain/people/hubs.js';
import { PROFESSION_NAMES, type Profession } from '../domain/people/professions.js';
import { formatLondonRange } from '../domain/time/london.js';
import { welcomeCard, type WelcomeCardInput } from '../cards/builders/channels.js';
import { noticeCard, joinRequestCard, type MemberLine } from '../cards/builders/channelLeads.js';
import { Verbs } from '../cards/verbs.js';
import type { Welcome } from '../contracts/channels.js';

export const professionsText = (c: Channel) => (c.professions.length ? c.professions.map((p) => PROFESSION_NAMES[p] ?? p).join(', ') : 'All professions');

export const membersText = (n: number) => `${n} member${n === 1 ? '' : 's'}`;

export const namesText = (names: string[]) => (names.length ? names.join(', ') : 'none yet');

export function eventLines(events: Welcome['nextEvents']) {
  return events.map((e) => ({ when: formatLondonRange(e.start, e.end), title: e.title }));
}

/** What a lead may see about a member: guests only as guests (no private details). */
export function personDetails(guest: boolean, profile: ProfileRecord | null): string {
  if (guest) return 'Guest (another organisation)';
  if (!profile) return 'No profile yet';
  const parts = [PROFESSION_NAMES[profile.profession as Profession] ?? profile.profession, HUB_NAMES[profile.hub] ?? profile.hub, profile.pcn, profile.organisation].filter(Boolean);
  return parts.join(' · ');
}

export function welcomeInput(w: Welcome): WelcomeCardInput {
  const c = w.channel;
  const leads = w.leads.map((l) => l.name);
  let intro: string;
  if (w.addedInTeams) {
    intro = c.channelType === 'standard' ? 'You are in the Virtual Café team, so the channel is open to you in Teams now.' : `I have added you to the ${c.channelType} channel in Teams.`;
  } else if (w.link.inTeams) {
    intro = 'Your membership is recorded. Open the channel in Teams with the button below.';
  } else {
    intro = 'Your membership is recorded. This channel is not linked to a Teams channel yet; the button opens it in the Virtual Café tab.';
  }
  return {
    name: c.name,
    intro,
    purpose: c.purpose,
    guidelines: c.guidelines,
    facts: [
      { title: 'Hub', value: HUB_NAMES[c.hub] ?? c.hub },
      { title: 'For', value: professionsText(c) },
      { title: leads.length === 1 ? 'Lead' : 'Leads', value: namesText(leads) },
      { title: 'Members', value: String(c.memberCount) },
    ],
    nextEvents: eventLines(w.nextEvents),
    help: `Questions about the channel? Message ${leads.length ? `a lead (${leads.join(', ')})` : 'a hub coordinator'}. Type "help" for everything I can do, or "leave ${c.shortName}" to leave.`,
    link: w.link.url,
    openTitle: w.link.inTeams ? `Open ${c.name} in Teams` : `Open ${c.name}`,
  };
}

export function welcomeMessage(w: Welcome): OutboundMessage {
  return { text: `Welcome to ${w.channel.name}. Open it here: ${w.link.url}`, card: welcomeCard(welcomeInput(w)) };
}

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
