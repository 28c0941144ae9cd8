// Reading facilitation requests: who may see one, a lead's requests, a facilitator's offers and
// sessions, what a coordinator oversees, and the JSON and card context each is shown with.
import type { Actor, UserId } from '../../domain/people/person.js';
import { forbidden, notFound } from '../../domain/errors.js';
import { openOffer, peopleIn, type FacilitationRequest } from '../../domain/facilitation/request.js';
import type { Channel } from '../../domain/channels/channel.js';
import { checkId, isCoordinatorFor, type FacilitationDeps } from './deps.js';
import type { RequestContext } from '../../cards/facilitation/common.js';
import { requestJson, type FacilitationRequestJson, type LeadChannel } from '../../contracts/facilitation.js';

/** Everything the lookups may touch. */
export type LookupsDeps = Pick<FacilitationDeps, 'config' | 'clock' | 'store' | 'channels' | 'people'>;

/** The channel and the names a request's cards need. */
export async function requestContext(d: Pick<FacilitationDeps, 'config' | 'channels' | 'people'>, r: FacilitationRequest, extra: UserId[] = []): Promise<RequestContext & { channel: Channel | null }> {
  const [channel, names] = await Promise.all([d.channels.get(r.channelId), d.people.names([...peopleIn(r), ...extra])]);
  return { channel, channelName: channel?.name ?? 'a channel', names, publicUrl: d.config.publicUrl };
}

export class RequestLookups {
  constructor(private readonly d: LookupsDeps) {}

  /** The channel and the names a request's cards need. */
  context(r: FacilitationRequest, extra: UserId[] = []): Promise<RequestContext & { channel: Channel | null }> {
    return requestContext(this.d, r, extra);
  }

  /** Requests as this person may see them (JSON for the tab). */
  async views(actor: Actor, requests: readonly FacilitationRequest[]): Promise<FacilitationRequestJson[]> {
    const [channels, names] = await Promise.all([this.d.channels.list(), this.d.people.names(requests.flatMap(peopleIn))]);
    const channelNames = new Map(channels.map((c) => [c.id, c.name]));
    return requests.map((r) => requestJson(r, { id: actor.id, coordinator: isCoordinatorFor(actor, r.hub) }, names, channelNames.get(r.channelId) ?? 'Unknown channel', this.d.config.publicUrl));
  }

  /** Channels this person leads (the request form's choices). */
  async leadChannels(actor: Actor): Promise<LeadChannel[]> {
    const channels = await this.d.channels.list();
    return channels.filter((c) => c.leadIds.includes(actor.id)).map((c) => ({ id: c.id, name: c.name, hub: c.hub, teamsChannelId: c.teamsChannelId }));
  }

  canSee(actor: Actor, r: FacilitationRequest): boolean {
    return (!!r.leadId && r.leadId === actor.id) || (!!r.facilitatorId && r.facilitatorId === actor.id) || openOffer(r)?.facilitatorId === actor.id || isCoordinatorFor(actor, r.hub);
  }

  async get(actor: Actor, id: unknown): Promise<FacilitationRequest> {
    const stored = await this.d.store.get(checkId(id, 'request'));
    if (!stored) throw notFound('That facilitation request does not exist.');
    if (!this.canSee(actor, stored.request)) throw forbidden('Only its lead, its facilitator and the hub coordinators can see this request.');
    return stored.request;
  }

  /** A channel lead asks for a facilitator. Submitting the same form twice gives the same request. */
  private async load(ids: readonly string[]): Promise<FacilitationRequest[]> {
    const found = await Promise.all(ids.map((id) => this.d.store.get(id)));
    return found.filter((x): x is NonNullable<typeof x> => !!x).map((x) => x.request);
  }

  /** Requests I lead: upcoming first (soonest first), then the most recent past ones. */
  async ledBy(actor: Actor, limit = 50): Promise<FacilitationRequest[]> {
    const ids = await this.d.store.requestIdsLedBy(actor.id);
    const requests = await this.load(ids.slice(-limit));
    const now = this.d.clock.now().getTime();
    const upcoming = requests.filter((r) => r.end.getTime() > now).sort((a, b) => a.start.getTime() - b.start.getTime());
    const past = requests.filter((r) => r.end.getTime() <= now).sort((a, b) => b.start.getTime() - a.start.getTime());
    return [...upcoming, ...past];
  }

  /** Offers waiting for my answer, and sessions I am confirmed for that have not ended. */
  async offersFor(actor: Actor): Promise<FacilitationRequest[]> {
    const now = this.d.clock.now().getTime();
    const requests = await this.load(await this.d.store.requestIdsOfferedTo(actor.id));
    return requests
      .filter((r) => openOffer(r)?.facilitatorId === actor.id || (r.status === 'confirmed' && r.facilitatorId === actor.id && r.end.getTime() > now))
      .sort((a, b) => a.start.getTime() - b.start.getTime());
  }

  /** Everything I may see: mine as lead and facilitator, and for coordinators their hubs' open and upcoming requests. */
  async visibleTo(actor: Actor): Promise<FacilitationRequest[]> {
    const [led, offered] = await Promise.all([this.ledBy(actor), this.offersFor(actor)]);
    const byId = new Map<string, FacilitationRequest>();
    for (const r of [...led, ...offered]) byId.set(r.id, r);
    if (actor.roles.some((g) => g.role === 'coordinator')) {
      const now = this.d.clock.now();
      const [open, sessions] = await Promise.all([this.d.store.openRequests(), this.d.store.sessionsFrom(now)]);
      const ids = [...open.map((o) => o.requestId), ...sessions.map((s) => s.requestId)].filter((id) => !byId.has(id));
      for (const r of await this.load(ids)) if (isCoordinatorFor(actor, r.hub)) byId.set(r.id, r);
    }
    return [...byId.values()].sort((a, b) => a.start.getTime() - b.start.getTime());
  }
}
