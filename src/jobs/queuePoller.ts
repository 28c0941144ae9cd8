// The receive loop both queue workers share: take as many messages as there is room for, hand each
// to the worker without waiting, back off while the queue is empty (25 ms doubling up to
// `maxIdleMs`), and wake at once when a message is queued in this process or a slot frees up.
// On stop it waits (bounded) for messages in hand to finish.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../logging.js';
import { errorSummary } from '../logging.js';
import type { QueueMessage, WorkQueue } from './workQueue.js';

export interface QueuePollerOptions<T extends object> {
  queue: WorkQueue<T>;
  /** What the log calls these messages ("jobs", "notifications"). */
  what: string;
  logger: Logger;
  /** How many more messages to take now, given how many are in hand. */
  room(inFlight: number): number;
  /** Wait this long before looking again when there is no room. */
  fullNapMs: number;
  visibilitySeconds: number;
  maxIdleMs: number;
  /** Handles one message; a throw is logged and the message reappears after its visibility timeout. */
  handle(message: QueueMessage<T>): Promise<void>;
}

export class QueuePoller<T extends object> {
  private stopped = false;
  private loopDone?: Promise<void>;
  private inFlight = 0;
  private wakeLoop?: () => void;

  constructor(private readonly o: QueuePollerOptions<T>) {}

  get isStopped(): boolean {
    return this.stopped;
  }

  start(): void {
    this.loopDone ??= this.loop();
  }

  /** Look now rather than at the next poll. */
  wake(): void {
    this.wakeLoop?.();
  }

  async stop(drainMs: number): Promise<void> {
    this.stopped = true;
    this.wakeLoop?.();
    const deadline = Date.now() + drainMs;
    while (this.inFlight > 0 && Date.now() < deadline) await sleep(20);
    await this.loopDone;
  }

  private async loop(): Promise<void> {
    const { queue, logger, what } = this.o;
    let idleMs = 25;
    while (!this.stopped) {
      const room = this.o.room(this.inFlight);
      if (room <= 0) {
        await this.nap(this.o.fullNapMs);
        continue;
      }
      let batch: QueueMessage<T>[];
      try {
        batch = await queue.receive(room, this.o.visibilitySeconds);
      } catch (e) {
        logger.warn({ err: errorSummary(e) }, `${what} queue unavailable`);
        await this.nap(1000);
        continue;
      }
      if (!batch.length) {
        await this.nap(idleMs);
        idleMs = Math.min(idleMs * 2, this.o.maxIdleMs);
        continue;
      }
      idleMs = 25;
      for (const message of batch) {
        this.inFlight++;
        void this.o
          .handle(message)
          .catch((e) => logger.warn({ err: errorSummary(e) }, `a message from the ${what} queue failed; it will be retried`))
          .finally(() => {
            this.inFlight--;
            this.wakeLoop?.();
          });
      }
    }
  }

  /** Sleeps up to `ms`; `wake()` ends it early. */
  private nap(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeLoop = done;
    });
  }
}
