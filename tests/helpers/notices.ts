// Records every proactive notice the app sends (and still delivers it through the real notifier to
// the fake connector, so the cards are checked like any other).
import type { AppOptions } from '../../src/app.js';
import type { OutboundMessage } from '../../src/domain/ports.js';
import { DirectNotifier } from '../../src/teams/proactive.js';

export interface RecordedNotice {
  userId: string;
  key: string;
  kind?: string;
  text: string;
  card?: any;
}

export function noticeRecorder(): { notices: RecordedNotice[]; option: NonNullable<AppOptions['notifier']>; to(userId: string, keyPrefix?: string): RecordedNotice[] } {
  const notices: RecordedNotice[] = [];
  return {
    notices,
    option: (messenger, logger) => {
      const direct = new DirectNotifier(messenger, logger);
      return {
        async notify(userId: string, message: OutboundMessage, key: string, kind?: string) {
          notices.push({ userId, key, kind, text: message.text, card: message.card });
          await direct.notify(userId, message, key, kind);
        },
      };
    },
    to: (userId, keyPrefix) => notices.filter((n) => n.userId === userId && (!keyPrefix || n.key.startsWith(keyPrefix))),
  };
}

/** The data an Action.Execute with `verb` would send: its own data plus the card's input values. */
export function actionData(card: any, verb: string, inputs: Record<string, unknown> = {}): Record<string, unknown> {
  let found: any;
  const walk = (node: any) => {
    if (found || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    if (node.type === 'Action.Execute' && node.verb === verb) found = node;
    else Object.values(node).forEach(walk);
  };
  walk(card);
  if (!found) throw new Error(`no ${verb} action on the card`);
  return { ...(found.data ?? {}), ...inputs };
}
