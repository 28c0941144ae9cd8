// The coordinators' dashboard: open requests, how long matching takes, and who is carrying the load.
import type { Actor } from '../../domain/people/person.js';
import type { Hub } from '../../domain/people/hubs.js';
import { hubsWithRole, isAdmin, requireRole } from '../../domain/people/authorisation.js';
import { londonMonthBounds } from '../../domain/facilitation/schedule.js';
import type { FacilitationDeps } from './deps.js';
import { peopleIn } from '../../domain/facilitation/request.js';
import { nameOf, requestJson, type Dashboard, type LoadRow } from '../../contracts/facilitation.js';

const DAY_MS = 86_400_000;

export const median = (values: readonly number[]): number | null => {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2);
};

export async function buildDashboard(deps: Pick<FacilitationDeps, 'config' | 'clock' | 'store' | 'pool' | 'channels' | 'people'>, actor: Actor): Promise<Dashboard> {
  requireRole(actor, 'coordinator', undefined, 'see the facilitation dashboard');
  const s = deps;
  const now = s.clock.now();
  const all = isAdmin(actor);
  const mine = hubsWithRole(actor, 'coordinator');
  const inScope = (hub: string) => all || hub === 'kent-medway' || mine.includes(hub as Hub);
  const windowStart = new Date(now.getTime() - 90 * DAY_MS);

  const [open, sessions, pool] = await Promise.all([deps.store.openRequests(), deps.store.sessionsFrom(windowStart), deps.pool.list()]);
  const openRequests = (await Promise.all(open.map((o) => deps.store.get(o.requestId)))).filter((x): x is NonNullable<typeof x> => !!x).map((x) => x.request).filter((r) => inScope(r.hub));
  const channels = new Map((await s.channels.list()).map((c) => [c.id, c.name]));
  const visiblePool = pool.filter((f) => f.hubs.some(inScope));
  const names = await s.people.names([...openRequests.flatMap(peopleIn), ...visiblePool.map((f) => f.userId)]);

  const scoped = sessions.filter((x) => inScope(x.hub));
  const recentlyConfirmed = scoped.filter((x) => x.confirmedAt.getTime() >= windowStart.getTime());
  const [monthStart, monthEnd] = londonMonthBounds(now);
  const load: LoadRow[] = visiblePool
    .map((f) => {
      const theirs = sessions.filter((x) => x.facilitatorId === f.userId);
      return {
        userId: f.userId,
        name: nameOf(names, f.userId, 'Unknown person'),
        hubs: f.hubs,
        paused: f.paused,
        maxPerMonth: f.maxPerMonth,
        last90Days: theirs.filter((x) => x.start.getTime() < now.getTime()).length,
        upcoming: theirs.filter((x) => x.start.getTime() >= now.getTime()).length,
        thisMonth: theirs.filter((x) => x.start.getTime() >= monthStart && x.start.getTime() < monthEnd).length,
      };
    })
    .sort((a, b) => b.last90Days + b.upcoming - (a.last90Days + a.upcoming) || a.name.localeCompare(b.name));

  return {
    openRequests: openRequests
      .sort((a, b) => a.start.getTime() - b.start.getTime())
      .map((r) => requestJson(r, { id: actor.id, coordinator: true }, names, channels.get(r.channelId) ?? 'Unknown channel', s.config.publicUrl)),
    medianTimeToConfirmMs: median(recentlyConfirmed.map((x) => x.confirmedAt.getTime() - x.createdAt.getTime())),
    confirmedLast90Days: recentlyConfirmed.length,
    load,
    formerFacilitatorSessions: scoped.filter((x) => !x.facilitatorId).length,
  };
}
