// Wires facilitator matching: the request store and the pool on Tables, and the facilitation
// service with everything it may touch (FacilitationDeps), including the events area's bookings.
import type { Config } from '../config.js';
import type { Logger } from '../logging.js';
import type { BookingCalendar, Clock, JobScheduler, Notifier, PersonalDataHolder } from '../domain/ports.js';
import type { FacilitationStore } from '../domain/facilitation/ports.js';
import type { Storage } from '../storage/storage.js';
import { TableFacilitationStore } from '../storage/facilitationStore.js';
import { TableFacilitatorRepository } from '../storage/facilitatorRepository.js';
import { FacilitationService } from '../services/facilitation/index.js';
import type { ChannelStores } from './channels.js';
import type { PeopleArea } from './people.js';

/** What the facilitation area offers the edges. */
export interface FacilitationArea {
  /** Facilitator pool, requests, offers and matching. */
  facilitation: FacilitationService;
  /** The requests' store, for the demo seed (past sessions cannot be made through the use cases). */
  facilitationStore: FacilitationStore;
}

export function composeFacilitation(
  d: Pick<ChannelStores, 'channels'> & Pick<PeopleArea, 'people' | 'profiles'> & { config: Config; clock: Clock; logger: Logger; storage: Storage; notifier: Notifier; scheduler: JobScheduler; bookings: BookingCalendar },
): { area: FacilitationArea; dataHolder: PersonalDataHolder } {
  const store = new TableFacilitationStore(d.storage.table('facilitation'));
  const pool = new TableFacilitatorRepository(d.storage.table('facilitators'));
  const facilitation = new FacilitationService({
    config: d.config,
    clock: d.clock,
    logger: d.logger,
    store,
    pool,
    channels: d.channels,
    people: d.people,
    profiles: d.profiles,
    notifier: d.notifier,
    scheduler: d.scheduler,
    bookings: d.bookings,
  });
  return { area: { facilitation, facilitationStore: store }, dataHolder: facilitation.dataHolder() };
}
