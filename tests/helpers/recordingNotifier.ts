// A Notifier that records what would be sent (tests pass it with
// `startTestApp(env, { notifier: () => recorder })`). Every card in a notice is parsed like the
// cards the bot sends, so a bad notice card fails the test that caused it.
import type { Notifier, OutboundMessage } from '../../src/domain/ports.js';
import { checkCard } from './rootHooks.js';

export interface RecordedNotice {
  userId: string;
  message: OutboundMessage;
  key: string;
  kind: string;
  at: number;
}

export class RecordingNotifier implements Notifier {
  readonly sent: RecordedNotice[] = [];
  readonly cardProblems: string[] = [];
  private inner?: Notifier;

  /** Records, then passes each notice on to the app's real (queued) notifier: `{ wrapNotifier: (q) => n.wrap(q) }`. */
  wrap(inner: Notifier): Notifier {
    this.inner = inner;
    return this;
  }

  async notify(userId: string, message: OutboundMessage, key: string, kind = 'notice'): Promise<void> {
    if (message.card) this.cardProblems.push(...checkCard(message.card, `notice ${key.split(':')[0]}`));
    this.sent.push({ userId, message, key, kind, at: Date.now() });
    await this.inner?.notify(userId, message, key, kind);
  }

  /** Notices whose key starts with `prefix` (e.g. "promoted:"). */
  withKey(prefix: string): RecordedNotice[] {
    return this.sent.filter((n) => n.key.startsWith(prefix));
  }

  to(userId: string): RecordedNotice[] {
    return this.sent.filter((n) => n.userId === userId);
  }

  async waitFor(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`recording notifier: condition not met within ${timeoutMs} ms (${this.sent.length} notices: ${this.sent.map((n) => n.key).join(', ')})`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  clear(): void {
    this.sent.length = 0;
  }
}
