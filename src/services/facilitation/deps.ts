// What the facilitation use cases are built from. `live()` is the app's Services container, read at
// call time, so the notifier, scheduler and booking calendar other areas provide (or tests swap in)
// are always the current ones.
import { randomBytes } from 'node:crypto';
import type { Services } from '../container.js';
import type { FacilitationStore, FacilitatorRepository } from '../../domain/facilitation/ports.js';
import type { Actor } from '../../domain/people/person.js';
import type { Hub } from '../../domain/people/hubs.js';
import { hasRole } from '../../domain/people/authorisation.js';

export interface FacilitationDeps {
  store: FacilitationStore;
  pool: FacilitatorRepository;
  live: () => Services;
}

export const NOTICE_KIND = 'facilitation';
export const OFFER_EXPIRY_JOB = 'facilitation.offer.expire';

/** Request ids sort by creation time: 9 base-36 digits of milliseconds, then randomness. */
export const newRequestId = (now: Date) => now.getTime().toString(36).padStart(9, '0') + randomBytes(6).toString('hex');

export const newOfferId = () => randomBytes(6).toString('hex');

/** 256 random bits, URL-safe: the calendar link is the credential. */
export const newCalendarToken = () => randomBytes(32).toString('base64url');

/** A coordinator of this hub; for all-Kent requests any coordinator. */
export const isCoordinatorFor = (actor: Actor, hub: Hub) => (hub === 'kent-medway' ? hasRole(actor, 'coordinator') : hasRole(actor, 'coordinator', hub));
