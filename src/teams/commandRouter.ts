// Chat text → command. Commands are data (name, aliases, usage, group, handler); matching ignores
// case, extra spaces and the bot's @mention, and picks the longest command name that prefixes the text.
import type { BotTurn } from './turn.js';
import { editDistance } from '../domain/text.js';

export type CommandGroup = 'Everyone' | 'Channel leads' | 'Facilitators' | 'Organisers' | 'Coordinators';
export const COMMAND_GROUPS: readonly CommandGroup[] = ['Everyone', 'Channel leads', 'Facilitators', 'Organisers', 'Coordinators'];

export interface Command {
  /** Canonical name: lower case, single spaces ("my channels"). */
  name: string;
  aliases?: string[];
  /** How to type it, e.g. "channels [words]". */
  usage: string;
  summary: string;
  group: CommandGroup;
  run(turn: BotTurn, args: string): Promise<void>;
}

export type CommandMatch = { kind: 'command'; command: Command; args: string } | { kind: 'unknown'; text: string; suggestion?: Command };

/** Removes <at>…</at> mentions and HTML Teams may wrap text in, and collapses whitespace. */
export function cleanMessageText(text: string): string {
  return text
    .replace(/<at[^>]*>.*?<\/at>/gis, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/gi, ' ')
    .replace(/&amp;/gi, '&')
    .replace(/&lt;/gi, '<')
    .replace(/&gt;/gi, '>')
    .replace(/&quot;/gi, '"')
    .replace(/&#39;/gi, "'")
    .replace(/[\s\u200b]+/g, ' ')
    .trim();
}

export function matchCommand(commands: readonly Command[], rawText: string): CommandMatch {
  const text = cleanMessageText(rawText);
  const lower = text.toLowerCase().replace(/[.!?]+$/, '');
  let best: { command: Command; length: number } | undefined;
  for (const command of commands) {
    for (const name of [command.name, ...(command.aliases ?? [])]) {
      if ((lower === name || lower.startsWith(name + ' ')) && (!best || name.length > best.length)) {
        best = { command, length: name.length };
      }
    }
  }
  if (best) return { kind: 'command', command: best.command, args: text.slice(best.length).trim() };
  return { kind: 'unknown', text, suggestion: nearestCommand(commands, lower) };
}

/** The command whose name is closest to what was typed (same number of words first). */
export function nearestCommand(commands: readonly Command[], lowerText: string): Command | undefined {
  const typed = lowerText.split(' ');
  let best: { command: Command; distance: number } | undefined;
  for (const command of commands) {
    for (const name of [command.name, ...(command.aliases ?? [])]) {
      const wordsInName = name.split(' ').length;
      const candidate = typed.slice(0, wordsInName).join(' ');
      const distance = editDistance(candidate, name);
      if (!best || distance < best.distance) best = { command, distance };
    }
  }
  if (!best) return undefined;
  const limit = Math.max(2, Math.floor(best.command.name.length / 3));
  return best.distance <= limit ? best.command : undefined;
}
