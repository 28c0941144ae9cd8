// A Storage Queue carrying small JSON bodies (base64, so any key survives the XML transport), with
// the few operations the workers need. Deleting or delaying a message another worker took over
// (its pop receipt changed, or it is gone) is not an error: the message is simply no longer ours.
import type { QueueClient } from '@azure/storage-queue';
import { isNotFound, statusOf } from '../storage/errors.js';

export interface QueueMessage<T> {
  id: string;
  popReceipt: string;
  /** Null when the body could not be read (a message nobody should have written). */
  body: T | null;
  dequeueCount: number;
}

const SEVEN_DAYS_S = 7 * 24 * 3600;

export class WorkQueue<T extends object> {
  constructor(private readonly client: QueueClient) {}

  get name(): string {
    return this.client.name;
  }

  async send(body: T, options: { delaySeconds?: number; ttlSeconds?: number } = {}): Promise<void> {
    await this.client.sendMessage(Buffer.from(JSON.stringify(body), 'utf8').toString('base64'), {
      visibilityTimeout: options.delaySeconds ? Math.min(SEVEN_DAYS_S - 1, Math.ceil(options.delaySeconds)) : undefined,
      messageTimeToLive: options.ttlSeconds ?? -1,
    });
  }

  async receive(count: number, visibilitySeconds: number): Promise<QueueMessage<T>[]> {
    const res = await this.client.receiveMessages({ numberOfMessages: Math.max(1, Math.min(32, count)), visibilityTimeout: Math.ceil(visibilitySeconds) });
    return res.receivedMessageItems.map((m) => ({ id: m.messageId, popReceipt: m.popReceipt, body: decode<T>(m.messageText), dequeueCount: m.dequeueCount }));
  }

  async delete(message: QueueMessage<T>): Promise<void> {
    try {
      await this.client.deleteMessage(message.id, message.popReceipt);
    } catch (e) {
      if (!isNotFound(e) && statusOf(e) !== 400) throw e;
    }
  }

  /** Hides the message for `seconds` more (from now); false if it is no longer ours. */
  async delay(message: QueueMessage<T>, seconds: number): Promise<boolean> {
    try {
      const res = await this.client.updateMessage(message.id, message.popReceipt, undefined, Math.max(0, Math.min(SEVEN_DAYS_S - 1, Math.ceil(seconds))));
      if (res.popReceipt) message.popReceipt = res.popReceipt;
      return true;
    } catch (e) {
      if (isNotFound(e) || statusOf(e) === 400) return false;
      throw e;
    }
  }

  async approximateCount(): Promise<number> {
    const props = await this.client.getProperties();
    return props.approximateMessagesCount ?? 0;
  }
}

function decode<T>(text: string): T | null {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64').toString('utf8')) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as T) : null;
  } catch {
    return null;
  }
}
