// Facilitator matching, put together from its parts: the steps every change goes through, what
// people do with requests (lifecycle), reading them (lookups), "forget me" (erasure), the pool,
// the dashboard, calendar links and personal data. What each part may touch is in its constructor.
import type { Actor } from '../../domain/people/person.js';
import type { PersonalDataHolder } from '../../domain/ports.js';
import type { Dashboard } from '../../contracts/facilitation.js';
import type { FacilitationDeps } from './deps.js';
import { RequestSteps } from './steps.js';
import { RequestLifecycle } from './lifecycle.js';
import { RequestLookups } from './lookups.js';
import { RequestErasure } from './erasure.js';
import { FacilitatorPool } from './pool.js';
import { buildDashboard } from './dashboard.js';
import { facilitationCalendar } from './calendar.js';
import { facilitationDataHolder } from './personalData.js';

export type { FacilitationDeps } from './deps.js';

export class FacilitationService {
  /** Create, accept, decline, withdraw, cancel, assign; the expiry job and the sweep. */
  readonly requests: RequestLifecycle;
  /** Who may see a request, lists, the JSON and card context. */
  readonly lookups: RequestLookups;
  readonly pool: FacilitatorPool;
  private readonly erasure: RequestErasure;

  constructor(private readonly deps: FacilitationDeps) {
    const steps = new RequestSteps(deps);
    this.requests = new RequestLifecycle(deps, steps);
    this.lookups = new RequestLookups(deps);
    this.erasure = new RequestErasure(deps, steps);
    this.pool = new FacilitatorPool(deps, this.requests);
  }

  dashboard(actor: Actor): Promise<Dashboard> {
    return buildDashboard(this.deps, actor);
  }

  /** The iCalendar document behind a calendar link, or null for an unknown token. */
  calendar(token: string): Promise<string | null> {
    return facilitationCalendar(this.deps, token);
  }

  dataHolder(): PersonalDataHolder {
    return facilitationDataHolder(this.deps, this.erasure);
  }
}
