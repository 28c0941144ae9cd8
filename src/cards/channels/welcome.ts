// The welcome a new member gets: the channel's purpose and guidelines, its leads, what is coming
// up, and how to open it (in Teams, or in the tab when the channel is not linked to Teams yet).
import welcomeTemplate from './welcome.json' with { type: 'json' };
import { renderCard, type CardJson } from '../render.js';
import type { OutboundMessage } from '../../domain/ports.js';
import { HUB_NAMES } from '../../domain/people/hubs.js';
import type { Welcome } from '../../contracts/channels.js';
import { eventLines, namesText, professionsText } from './words.js';

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

export const welcomeChannelCard = (w: Welcome): CardJson => welcomeCard(welcomeInput(w));

export function welcomeMessage(w: Welcome): OutboundMessage {
  return { text: `Welcome to ${w.channel.name}. Open it here: ${w.link.url}`, card: welcomeChannelCard(w) };
}
