// What the facilitation use cases are built from: everything they may touch, given explicitly by
// the composition root (src/composition/facilitation.ts). Each part takes only the fields it
// needs (see the Pick<FacilitationDeps, …> in its constructor). Also the area's ids and keys.
import { randomBytes } from 'node:crypto';
import type { Config } from '../../config.js';
import type { Logger } from '../../logging.js';
import type { BookingCalendar, Clock, JobScheduler, Notifier, ProfileRepository } from '../../domain/ports.js';
import type { ChannelRepository } from '../../domain/channels/ports.js';
import type { FacilitationStore, FacilitatorRepository } from '../../domain/facilitation/ports.js';
import type { Actor } from '../../domain/people/person.js';
import type { Hub } from '../../domain/people/hubs.js';
import { hasRole } from '../../domain/people/authorisation.js';
import { invalid } from '../../domain/errors.js';
import type { PeopleService } from '../people.js';

export interface FacilitationDeps {
  config: Pick<Config, 'offerTtlMs' | 'publicUrl' | 'calendarMailbox'>;
  clock: Clock;
  logger: Logger;
  /** Requests, offers and calendar links. */
  store: FacilitationStore;
  /** The facilitator pool. */
  pool: FacilitatorRepository;
  channels: Pick<ChannelRepository, 'get' | 'list'>;
  people: Pick<PeopleService, 'names' | 'coordinatorsFor' | 'contacts'>;
  /** The lead's hub, for requests in all-Kent channels. */
  profiles: Pick<ProfileRepository, 'get'>;
  notifier: Notifier;
  scheduler: JobScheduler;
  /** When people are booked on PLT events (the events area): matching avoids those times. */
  bookings: BookingCalendar;
}

export const NOTICE_KIND = 'facilitation';
export const OFFER_EXPIRY_JOB = 'facilitation.offer.expire';

export const offerExpiryKey = (requestId: string, offerId: string) => `facilitation-offer-expiry:${requestId}:${offerId}`;

/** Request ids sort by creation time: 9 base-36 digits of milliseconds, then randomness. */
export const newRequestId = (now: Date) => now.getTime().toString(36).padStart(9, '0') + randomBytes(6).toString('hex');

export const newOfferId = () => randomBytes(6).toString('hex');

/** 256 random bits, URL-safe: the calendar link is the credential. */
export const newCalendarToken = () => randomBytes(32).toString('base64url');

/** A coordinator of this hub; for all-Kent requests any coordinator. */
export const isCoordinatorFor = (actor: Actor, hub: Hub) => (hub === 'kent-medway' ? hasRole(actor, 'coordinator') : hasRole(actor, 'coordinator', hub));

const ID = /^[\w-]{1,64}$/;

/** A request or offer id from a card or the API, or a readable 400. */
export function checkId(value: unknown, what: string): string {
  if (typeof value !== 'string' || !ID.test(value)) throw invalid(`That ${what} is not valid. The card may be out of date.`, { field: what === 'offer' ? 'offerId' : 'requestId' });
  return value;
}
