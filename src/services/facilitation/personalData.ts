// "My data" and "forget me" for facilitation: the facilitator profile, the requests a person led
// and the offers they received. Erasing moves affected requests on and keeps anonymous counts.
import type { PersonalDataHolder } from '../../domain/ports.js';
import { toLondonIso } from '../../domain/time/london.js';
import type { FacilitationDeps } from './deps.js';
import type { RequestErasure } from './erasure.js';

export function facilitationDataHolder(deps: Pick<FacilitationDeps, 'store' | 'pool'>, requests: RequestErasure): PersonalDataHolder {
  return {
    area: 'facilitation',
    async export(userId) {
      const [profile, ledIds, offeredIds] = await Promise.all([deps.pool.get(userId), deps.store.requestIdsLedBy(userId), deps.store.requestIdsOfferedTo(userId)]);
      const load = async (ids: string[]) => (await Promise.all(ids.map((id) => deps.store.get(id)))).filter((x): x is NonNullable<typeof x> => !!x).map((x) => x.request);
      const [led, offered] = await Promise.all([load(ledIds), load(offeredIds)]);
      return {
        facilitatorProfile: profile,
        requestsLed: led.map((r) => ({
          id: r.id,
          channelId: r.channelId,
          start: toLondonIso(r.start),
          end: toLondonIso(r.end),
          format: r.format,
          topic: r.topic,
          notes: r.notes,
          continuity: r.continuity,
          status: r.status,
          createdAt: toLondonIso(r.createdAt),
          confirmedAt: r.confirmedAt ? toLondonIso(r.confirmedAt) : undefined,
          cancelledAt: r.cancelledAt ? toLondonIso(r.cancelledAt) : undefined,
        })),
        offersReceived: offered.flatMap((r) =>
          r.offers
            .filter((o) => o.facilitatorId === userId)
            .map((o) => ({
              requestId: r.id,
              channelId: r.channelId,
              start: toLondonIso(r.start),
              end: toLondonIso(r.end),
              offeredAt: toLondonIso(o.offeredAt),
              expiresAt: toLondonIso(o.expiresAt),
              outcome: o.outcome,
              decidedAt: o.decidedAt ? toLondonIso(o.decidedAt) : undefined,
              reasons: o.reasons,
            })),
        ),
      };
    },
    async erase(userId) {
      await deps.pool.delete(userId);
      await requests.eraseFacilitator(userId);
      await requests.eraseLead(userId);
    },
  };
}
