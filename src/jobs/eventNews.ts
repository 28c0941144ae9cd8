// "event.tell-registrants": the safety net behind telling everyone on an event that it was
// cancelled, moved or changed (see EventsService.tellRegistrants). It is set before the in-process
// fan-out starts and dropped when that fan-out completes, so it only runs when the process died or
// storage failed halfway; it then tells whoever was not told yet (notice keys skip the rest).
import type { JobHandler } from '../domain/ports.js';
import type { Services } from '../composition/index.js';
import type { RegistrantNews } from '../services/events/keys.js';

const NEWS: readonly RegistrantNews[] = ['cancelled', 'moved', 'changed'];

export function tellRegistrantsJob(services: Services): JobHandler {
  return async (payload, job) => {
    const eventId = typeof payload.eventId === 'string' ? payload.eventId : '';
    const what = NEWS.find((n) => n === payload.what);
    const sequence = typeof payload.sequence === 'number' ? payload.sequence : NaN;
    if (!eventId || !what || !Number.isInteger(sequence)) {
      services.logger.warn({ key: job.key }, 'registrants job with a bad payload; dropped');
      return;
    }
    const reason = typeof payload.reason === 'string' ? payload.reason : undefined;
    await services.events.notifyRegistrants(eventId, what, sequence, reason);
    services.logger.info({ eventId, what }, 'registrants told by the safety-net job');
  };
}
