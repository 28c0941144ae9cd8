// Facilitation offers expire: a job per offer at its expiry, and a sweep at start-up and every
// ~10 s that runs the same step for every open request that is due. The step is a function of the
// stored request, so running it twice, late, or from several instances does no harm — and offers
// still move on when a timer is lost (the in-process scheduler forgets jobs on restart).
import { errorSummary } from '../logging.js';
import type { JobHandler } from '../domain/ports.js';
import type { Services } from '../composition/index.js';
import { OFFER_EXPIRY_JOB } from '../services/facilitation/deps.js';

export { OFFER_EXPIRY_JOB };

export function facilitationJobHandlers(services: Services): Record<string, JobHandler> {
  return {
    [OFFER_EXPIRY_JOB]: async (payload) => {
      const { requestId, offerId } = payload;
      if (typeof requestId !== 'string' || typeof offerId !== 'string') return; // nothing a retry could fix
      await services.facilitation.requests.expireOffer(requestId, offerId);
    },
  };
}

export interface Sweeper {
  /** Stops the timer and waits for a sweep in progress to finish. */
  stop(): Promise<void>;
  /** Runs one sweep now (tests, and start-up). */
  runOnce(): Promise<void>;
}

export const SWEEP_INTERVAL_MS = 10_000;

/**
 * Runs `sweep` now and every `intervalMs`, one at a time per process (a slow storage round trip must
 * not stack sweeps up); a failure is logged and the next tick tries again.
 */
export function startSweep(sweep: () => Promise<void>, intervalMs: number, onError: (e: unknown) => void): Sweeper {
  let running: Promise<void> | null = null;
  let stopped = false;
  const runOnce = () => {
    running ??= sweep()
      .catch(onError)
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => {
    if (!stopped) void runOnce();
  }, intervalMs);
  timer.unref();
  void runOnce();
  return {
    runOnce,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}

export function startFacilitationSweep(services: Services, intervalMs = SWEEP_INTERVAL_MS): Sweeper {
  return startSweep(
    async () => void (await services.facilitation.requests.sweep()),
    intervalMs,
    (e) => services.logger.warn({ err: errorSummary(e) }, 'facilitation sweep failed'),
  );
}
