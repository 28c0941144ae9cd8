// Every job handler, by kind. Areas add theirs here (e.g. 'event.reminders', 'facilitation.offer.expire').
import type { JobHandler } from '../domain/ports.js';
import type { Services } from '../services/container.js';

export function allJobHandlers(_services: Services): Record<string, JobHandler> {
  return {};
}
