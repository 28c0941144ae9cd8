// The app's Notifier: records the notice in Tables (keyed by person and idempotency key) and puts
// a message on the notifications queue before it returns, so a caller that crashes after notify()
// loses nothing, and a caller that runs again (a re-run job in the middle of a fan-out) sends
// nothing twice: a key already sent is a no-op; one still pending is queued again (the worker's
// claim makes duplicates harmless).
//
// Idempotency is per recipient: the same key to the same person is one message ever; the same key
// to several people (say, one "new member" notice to each lead of a channel) is one message each.
import type { Clock, Notifier, OutboundMessage } from '../domain/ports.js';
import { isFinal } from '../domain/notifications/delivery.js';
import { isValidUserId } from '../domain/people/person.js';
import { invalid } from '../domain/errors.js';
import { noticeRowKey, type TableNotificationStore } from '../storage/notificationStore.js';
import type { WorkQueue } from './workQueue.js';
import { isPreconditionFailed } from '../storage/errors.js';

/**
 * A queued notice: who, and which notice by the hash of its key (its row key). The key itself
 * names other people (a lead's "new member" notice carries the joiner's id) and would outlive
 * their "forget me" in the queue and its 7-day poison copies; the hash is all the worker needs.
 */
export interface NoticeMessage {
  /** Recipient. */
  u: string;
  /** The notice's row key: noticeRowKey(idempotency key). */
  r?: string;
  /** The idempotency key itself: only in messages queued before the hash was used (still read). */
  k?: string;
}

const MAX_TEXT = 28_000;
const MAX_CARD_JSON = 200_000;

export class QueuedNotifier implements Notifier {
  /** Called after a notice is queued (wakes this process's worker). */
  onQueued?: () => void;

  constructor(
    private readonly store: TableNotificationStore,
    private readonly queue: WorkQueue<NoticeMessage>,
    private readonly clock: Clock,
  ) {}

  async notify(userId: string, message: OutboundMessage, key: string, kind = 'notice'): Promise<void> {
    if (!isValidUserId(userId)) throw invalid('A notification needs a valid recipient id.');
    if (typeof key !== 'string' || key.length === 0 || key.length > 400) throw invalid('A notification needs a key of 1 to 400 characters.');
    if (typeof kind !== 'string' || !/^[a-z][a-z0-9.-]{0,39}$/.test(kind)) throw invalid('A notification kind is a short lower-case word.');
    if (!message || typeof message.text !== 'string' || !message.text.trim()) throw invalid('A notification needs text.');
    if (message.text.length > MAX_TEXT) throw invalid('A notification’s text is too long for Teams.');
    if (message.card !== undefined && (typeof message.card !== 'object' || message.card === null || JSON.stringify(message.card).length > MAX_CARD_JSON)) {
      throw invalid('A notification’s card is not a card or is too large for Teams.');
    }

    const feed = message.feed as Partial<NonNullable<OutboundMessage['feed']>> | undefined;
    if (feed !== undefined && (typeof feed !== 'object' || feed === null || !['eventReminder', 'placeOffered'].includes(String(feed.activityType)) || typeof feed.eventId !== 'string' || typeof feed.title !== 'string')) {
      throw invalid('A notification’s activity feed details are not usable.');
    }
    const created = await this.store.create({ userId, key, kind, text: message.text, card: message.card, ...(message.feed ? { feed: message.feed } : {}) }, this.clock.now());
    if (!created) {
      const existing = await this.store.get(userId, key);
      // Sent, failed, skipped: never again. Being sent right now: the sender holds its own message.
      if (existing && (isFinal(existing.status) || existing.status === 'sending')) return;
    }
    await this.queue.send({ u: userId, r: noticeRowKey(key) });
    this.onQueued?.();
  }

  async withdraw(userId: string, key: string): Promise<boolean> {
    if (!isValidUserId(userId) || typeof key !== 'string' || !key) return false;
    for (let attempt = 0; attempt < 10; attempt++) {
      const record = await this.store.get(userId, key);
      if (!record) return false;
      if (record.status === 'skipped' || record.status === 'failed') return true;
      if (record.status !== 'pending') return false;
      try {
        await this.store.update(record, { status: 'skipped', reason: 'withdrawn', retryAt: undefined, updatedAt: this.clock.now() });
        return true;
      } catch (e) {
        if (!isPreconditionFailed(e)) throw e; // claimed or changed meanwhile: look again
      }
    }
    return false;
  }
}
