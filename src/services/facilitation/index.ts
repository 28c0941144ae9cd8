// Facilitator matching: the pool, requests and offers, the dashboard, calendar links and personal data.
import type { Actor } from '../../domain/people/person.js';
import type { PersonalDataHolder } from '../../domain/ports.js';
import type { FacilitationDeps } from './deps.js';
import { FacilitationRequests } from './requests.js';
import { FacilitatorPool } from './pool.js';
import { buildDashboard } from './dashboard.js';
import { facilitationCalendar } from './calendar.js';
import { facilitationDataHolder } from './personalData.js';
import { isCoordinatorFor } from './deps.js';
import { peopleIn, type FacilitationRequest } from '../../domain/facilitation/request.js';
import { requestJson, type Dashboard, type FacilitationRequestJson, type LeadChannel } from '../../contracts/facilitation.js';

export type { FacilitationDeps } from './deps.js';

export class FacilitationService {
  readonly requests: FacilitationRequests;
  readonly pool: FacilitatorPool;

  /** The stores, for the demo seed (past sessions cannot be made through the use cases). */
  constructor(readonly deps: FacilitationDeps) {
    this.requests = new FacilitationRequests(deps);
    this.pool = new FacilitatorPool(deps, this.requests);
  }

  dashboard(actor: Actor): Promise<Dashboard> {
    return buildDashboard(this.deps, actor);
  }

  /** The iCalendar document behind a calendar link, or null for an unknown token. */
  calendar(token: string): Promise<string | null> {
    return facilitationCalendar(this.deps, token);
  }

  /** Requests as this person may see them (JSON for the tab). */
  async views(actor: Actor, requests: readonly FacilitationRequest[]): Promise<FacilitationRequestJson[]> {
    const s = this.deps.live();
    const [channels, names] = await Promise.all([s.channels.list(), s.people.names(requests.flatMap(peopleIn))]);
    const channelNames = new Map(channels.map((c) => [c.id, c.name]));
    return requests.map((r) => requestJson(r, { id: actor.id, coordinator: isCoordinatorFor(actor, r.hub) }, names, channelNames.get(r.channelId) ?? 'Unknown channel', s.config.publicUrl));
  }

  /** Channels this person leads (the request form's choices). */
  async leadChannels(actor: Actor): Promise<LeadChannel[]> {
    const channels = await this.deps.live().channels.list();
    return channels.filter((c) => c.leadIds.includes(actor.id)).map((c) => ({ id: c.id, name: c.name, hub: c.hub, teamsChannelId: c.teamsChannelId }));
  }

  /** Reading requests (split out of FacilitationRequests with the wiring). */
  get lookups() {
    return {
      context: (r: FacilitationRequest) => this.requests.context(r),
      ledBy: (actor: Actor) => this.requests.ledBy(actor),
      offersFor: (actor: Actor) => this.requests.offersFor(actor),
      leadChannels: (actor: Actor) => this.leadChannels(actor),
    };
  }

  dataHolder(): PersonalDataHolder {
    return facilitationDataHolder(this.deps, this.requests);
  }
}
