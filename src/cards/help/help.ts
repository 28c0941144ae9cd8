// The help card: what the bot does and every command, grouped by who may use it, and what the bot
// says when it is added or does not recognise what was typed.
import helpTemplate from './help.json' with { type: 'json' };
import { renderCard, type CardJson } from '../render.js';

export interface HelpCommandLine {
  usage: string;
  summary: string;
  group: string;
}

export interface HelpCardInput {
  commands: HelpCommandLine[];
  groupsInOrder: readonly string[];
  /** Shown above the list, e.g. "I didn't understand 'chanels'. Did you mean channels?" */
  notice?: string;
  /** Quick buttons: commands everyone can run with one click. */
  buttons: { title: string; command: string }[];
  scope: 'personal' | 'groupChat' | 'channel';
}

export function helpCard(input: HelpCardInput): CardJson {
  const groups = input.groupsInOrder
    .map((group) => ({ group, commands: input.commands.filter((c) => c.group === group).map(({ usage, summary }) => ({ usage, summary })) }))
    .filter((g) => g.commands.length > 0);
  const footer =
    input.scope === 'personal'
      ? 'Type a command here, or use the Virtual Café tab for the calendar and directory.'
      : 'In a channel or group chat, @mention me before the command.';
  const fallback = [
    input.notice ?? '',
    'Virtual Café commands:',
    ...groups.flatMap((g) => [`${g.group}:`, ...g.commands.map((c) => `  ${c.usage} — ${c.summary}`)]),
  ]
    .filter(Boolean)
    .join('\n');
  return renderCard(
    helpTemplate,
    {
      title: 'Virtual Café',
      intro:
        'I help Kent & Medway primary care staff join Communities of Practice, find Protected Learning Time events and book places, and match channel leads with facilitators.',
      notice: input.notice ?? '',
      groups,
      footer,
      buttons: input.buttons,
    },
    fallback,
  );
}

/** One-click buttons on the help card, shown when the command exists. */
export const QUICK_BUTTONS = [
  { title: 'Browse channels', command: 'channels' },
  { title: 'Upcoming events', command: 'events' },
  { title: 'My profile', command: 'profile' },
];

export const helpAnswers = {
  installed: 'Thanks for adding me. Here is what I can do.',
  /** Text that is no command: the nearest command's usage when one is close. */
  unrecognised(text: string, suggestedUsage?: string): string {
    const shown = text.length > 40 ? text.slice(0, 40) + '…' : text;
    return suggestedUsage ? `I didn’t recognise “${shown}”. Did you mean “${suggestedUsage}”?` : `I didn’t recognise “${shown}”. Here is what I can do.`;
  },
};
