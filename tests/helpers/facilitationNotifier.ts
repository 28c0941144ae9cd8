// Records every notice the app sends (who, key, kind, text, card) and passes it on to the real
// notifier, so tests can check both what was meant (keys, kinds) and what arrived (FakeConnector).
import type { Notifier, OutboundMessage } from '../../src/domain/ports.js';

export interface RecordedNotice {
  userId: string;
  key: string;
  kind?: string;
  message: OutboundMessage;
}

export class FacilitationRecorder implements Notifier {
  readonly notices: RecordedNotice[] = [];
  private inner?: Notifier;

  /** Records, then forwards to `inner` (the app's queued notifier, through `wrapNotifier`). */
  wrap(inner: Notifier): Notifier {
    this.inner = inner;
    return this;
  }

  async notify(userId: string, message: OutboundMessage, key: string, kind?: string): Promise<void> {
    this.notices.push({ userId, key, kind, message });
    await this.inner?.notify(userId, message, key, kind);
  }

  keys(prefix = ''): string[] {
    return this.notices.filter((n) => n.key.startsWith(prefix)).map((n) => n.key);
  }

  to(userId: string): RecordedNotice[] {
    return this.notices.filter((n) => n.userId === userId);
  }

  async waitFor(predicate: (n: RecordedNotice) => boolean, timeoutMs = 5000): Promise<RecordedNotice> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.notices.find(predicate);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no matching notice within ${timeoutMs} ms; keys so far: ${this.keys().join(', ')}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}
