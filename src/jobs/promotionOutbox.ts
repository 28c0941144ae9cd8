// Waitlist promotion notices are written as outbox rows in the seat transaction (the event's
// partition). The service delivers each right after its commit; this sweep, at start-up and every
// few minutes, delivers what a crash between the commit and the notice left behind. Delivery is
// under the notice's stable key, so a row delivered twice (sweep racing a commit) tells once.
import { errorSummary } from '../logging.js';
import type { Services } from '../composition/index.js';
import { startSweep, type Sweeper } from './facilitation.js';

export const OUTBOX_SWEEP_INTERVAL_MS = 5 * 60_000;

export function startPromotionOutboxSweep(services: Services, intervalMs = OUTBOX_SWEEP_INTERVAL_MS): Sweeper {
  return startSweep(
    async () => {
      const count = await services.events.deliverOutbox();
      if (count) services.logger.info({ count }, 'promotion notices delivered from the outbox');
    },
    intervalMs,
    (e) => services.logger.warn({ err: errorSummary(e) }, 'promotion outbox sweep failed'),
  );
}
