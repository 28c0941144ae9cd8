// What the bot says back about channels after a command or a button: short answer cards and the
// lines it replies with (joins, leaves, decisions, proposals, and the questions it asks back).
import { card, type CardJson } from '../render.js';
import { Verbs } from '../verbs.js';
import type { Channel } from '../../domain/channels/channel.js';
import type { LeaveStatus } from '../../domain/channels/membership.js';
import { HUB_NAMES, type Hub } from '../../domain/people/hubs.js';
import type { JoinResult } from '../../contracts/channels.js';
import { profileCard } from '../people/profile.js';
import { welcomeChannelCard } from './welcome.js';

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

/** A first-time member fills in their profile; saving it runs the join (the card carries it). */
export function profileFirstCard(channel: Pick<Channel, 'id' | 'name'>): CardJson {
  return profileCard({
    profile: null,
    intro: `Before you join ${channel.name}, tell us a little about you. You only do this once; it helps leads and organisers plan for the right people.`,
    saveData: { then: { verb: Verbs.channelJoin, data: { channelId: channel.id } } },
  });
}

/** The same, sent to the person's 1:1 chat when they asked in a group chat or channel. */
export const profileFirstNotice = (channel: Pick<Channel, 'id' | 'name'>) => ({ text: `Before you join ${channel.name}, tell us a little about you.`, card: profileFirstCard(channel) });

/** The words for a join that did not produce a welcome (already in, or a request). */
export function joinStatusText(result: Pick<JoinResult, 'status' | 'channel'>): { title: string; text: string } {
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
export function joinAnswerCard(result: JoinResult, link: { url: string; inTeams: boolean }): CardJson {
  if (result.status === 'joined' && result.welcome) return welcomeChannelCard(result.welcome);
  const { title, text } = joinStatusText(result);
  const actions = result.status === 'already-member' ? [{ type: 'Action.OpenUrl', title: link.inTeams ? `Open ${result.channel.name} in Teams` : `Open ${result.channel.name}`, url: link.url }] : [];
  return channelStatusCard(title, text, actions);
}

export const channelAnswers = {
  /** In a group chat or channel the welcome goes to the person's 1:1 chat; say so there. */
  sharedJoin(who: string, result: Pick<JoinResult, 'status' | 'channel'>): string {
    if (result.status === 'joined') return `${who}, you have joined ${result.channel.name}. I have sent your welcome to our 1:1 chat.`;
    const { title, text } = joinStatusText(result);
    return `${who}: ${title}. ${text}`;
  },
  /** The line above the directory after a join from it. */
  /** Joined from a channel's card in any chat: the welcome goes to the 1:1 chat with the bot. */
  joinedFromCard(result: Pick<JoinResult, 'status' | 'channel'>): string {
    if (result.status === 'joined') return `You joined ${result.channel.name} — your welcome is in your chat with Virtual Café.`;
    const { title, text } = joinStatusText(result);
    return `${title}. ${text}`;
  },
  joinedFromDirectory(result: Pick<JoinResult, 'status' | 'channel'>): string {
    if (result.status === 'joined') return `You joined ${result.channel.name} — your welcome is below.`;
    const { title, text } = joinStatusText(result);
    return `${title}. ${text}`;
  },
  profileFirstShared: (who: string, channelName: string) => `${who}, before you join ${channelName} I need a short profile from you — I have sent it to our 1:1 chat.`,
  profileFirstSharedShort: (channelName: string) => `Before you join ${channelName} I need a short profile from you — I have sent it to our 1:1 chat.`,
  left(status: LeaveStatus, name: string, teamsNote?: string): string {
    if (status === 'left') return `You have left ${name}.${teamsNote ? ' ' + teamsNote : ''} You can rejoin any time with "join ${name}".`;
    if (status === 'request-withdrawn') return `Your request to join ${name} is withdrawn.`;
    return `You are not a member of ${name}, so there was nothing to leave.`;
  },
  whichToJoin: 'Which channel? Type "join" and its name (e.g. "join anp"), or press Join below.',
  ambiguousJoin: (text: string) => `More than one channel matches “${text}”. Which one did you mean?`,
  unknownJoin: (text: string, anyNear: boolean) =>
    anyNear ? `I could not find a channel called “${text}”. The nearest names are below.` : `I could not find a channel called “${text}”. Type "channels" to see them all.`,
  notInAnyChannel: 'You are not in any channel. Type "channels" to find one.',
  whichToLeave: 'Which channel do you want to leave?',
  ambiguousLeave: (text: string) => `More than one channel matches “${text}”. Which one?`,
  notAmongYours: (text: string) => `I could not find “${text}” among your channels. Did you mean one of these?`,
  unknownLeave: (text: string) => `I could not find a channel called “${text}”, and you are not in any channel.`,
  ambiguousForLead: (text: string, names: string[]) => `More than one channel matches “${text}”: ${names.join(', ')}. Please give its full name.`,
  unknownChannel: (text: string) => `I could not find a channel called “${text}”.`,
  whichLedChannel: (names: string[], example: string) => `You lead ${names.join(', ')}. Add the channel's name, e.g. "edit channel ${example}".`,
  leadsNoChannel: 'You do not lead a channel. Add the channel’s name if you coordinate it.',
  noProposalsWaiting: 'No channel proposals are waiting for a decision.',
  manyProposalsWaiting: (n: number) => `${n} proposals are waiting; here are the oldest five. The Admin page of the tab lists them all.`,
  edited: 'Saved. New members will see this in their welcome.',
  proposalSent: (name: string, hub: Hub) => `Thank you. Your proposal for “${name}” has gone to the coordinators of ${HUB_NAMES[hub]}. I will tell you when they decide.`,
};
