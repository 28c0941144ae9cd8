// Channels over HTTP (interfaces.md): the directory, join/leave, my channels, proposals, leads —
// plus what the tab needs besides (one channel, edit purpose/guidelines, members, join requests,
// a directory view with leads' names, next events and my state).
import type { Server } from 'restify';
import type { Services } from '../../composition/index.js';
import type { Authenticator } from '../auth.js';
import { bodyObject, route } from '../http.js';
import { conflict, invalid, profileRequired } from '../../domain/errors.js';
import type { ListResponse } from '../../contracts/common.js';
import {
  channelJson,
  directoryItemJson,
  memberJson,
  proposalJson,
  type ChannelJson,
  type DirectoryAnswer,
  type JoinAnswer,
  type LeaveAnswer,
  type MembersAnswer,
  type ProposalDecisionAnswer,
  type ProposalJson,
  type ProposalListItem,
  type RequestDecisionAnswer,
} from '../../contracts/channels.js';

/** ?limit= (1…100) and ?cursor= (an offset we handed out). */
function readPaging(query: Record<string, string>, defaultLimit: number): { offset: number; limit: number } {
  const limit = query.limit === undefined ? defaultLimit : Number(query.limit);
  const offset = query.cursor === undefined || query.cursor === '' ? 0 : Number(query.cursor);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw invalid('limit must be a whole number from 1 to 100.');
  if (!Number.isInteger(offset) || offset < 0 || offset > 100_000) throw invalid('cursor is not one this server gave out.');
  return { offset, limit };
}

const readQ = (query: Record<string, string>) => {
  const q = query.q ?? '';
  if (q.length > 200) throw invalid('q must be at most 200 characters.');
  return q;
};

export function registerChannelRoutes(server: Server, services: Services, auth: Authenticator): void {
  const channels = services.channelService;

  server.get(
    '/api/channels',
    route(services, auth, async ({ query }) => {
      const page = readPaging(query, 50);
      const all = await channels.list(readQ(query));
      const items = all.slice(page.offset, page.offset + page.limit).map(channelJson);
      const next = page.offset + page.limit < all.length ? String(page.offset + page.limit) : undefined;
      return { body: { items, ...(next ? { next } : {}) } satisfies ListResponse<ChannelJson> };
    }),
  );

  server.get(
    '/api/channels/:id',
    route(services, auth, async ({ params }) => ({ body: channelJson(await channels.requireChannel(params.id)) })),
  );

  server.patch(
    '/api/channels/:id',
    route(services, auth, async ({ actor, params, body }) => {
      const input = bodyObject(body);
      return { body: channelJson(await channels.updateText(actor, params.id, { purpose: input.purpose, guidelines: input.guidelines })) };
    }),
  );

  server.post(
    '/api/channels/:id/members',
    route(services, auth, async ({ actor, params }) => {
      // A profile comes first, as in chat: 409 ProfileRequired, and the tab opens its profile form.
      await channels.requireChannel(params.id);
      if (!(await services.people.getProfile(actor.id))) throw profileRequired();
      const result = await channels.join(actor, params.id, { welcome: 'notify' });
      const status = result.status === 'already-requested' ? 'requested' : result.status;
      return { status: 201, body: { status } satisfies JoinAnswer };
    }),
  );

  server.del(
    '/api/channels/:id/members/me',
    route(services, auth, async ({ actor, params }) => {
      const result = await channels.leave(actor, params.id);
      return { body: { status: result.status, ...(result.teamsNote ? { note: result.teamsNote } : {}) } satisfies LeaveAnswer };
    }),
  );

  server.get(
    '/api/channels/:id/members',
    route(services, auth, async ({ actor, params }) => {
      const { members, pending } = await channels.members(actor, params.id);
      return { body: { items: members.map((m) => memberJson(m, 'joinedAt')), pending: pending.map((m) => memberJson(m, 'requestedAt')) } satisfies MembersAnswer };
    }),
  );

  for (const decision of ['approve', 'decline'] as const) {
    server.post(
      `/api/channels/:id/requests/:userId/${decision}`,
      route(services, auth, async ({ actor, params, body }) => {
        const input = body === undefined || body === '' ? {} : bodyObject(body);
        const r = await channels.decideRequest(actor, params.id, params.userId, decision === 'approve', input.reason);
        if (r.outcome === 'already-decided') throw conflict(`This request was already ${r.request.status}.`);
        return { body: { status: r.outcome } satisfies RequestDecisionAnswer };
      }),
    );
  }

  server.put(
    '/api/channels/:id/leads',
    route(services, auth, async ({ actor, params, body }) => ({ body: channelJson(await channels.setLeads(actor, params.id, bodyObject(body).leadIds)) })),
  );

  server.get(
    '/api/me/channels',
    route(services, auth, async ({ actor }) => {
      const mine = await channels.mine(actor);
      return { body: { items: mine.memberships.map((m) => channelJson(m.channel)) } satisfies ListResponse<ChannelJson> };
    }),
  );

  // The tab's directory: the Channel JSON plus leads' names, next events and my own state.
  server.get(
    '/api/channel-directory',
    route(services, auth, async ({ actor, query }) => {
      const page = readPaging(query, 100);
      const { total, items } = await channels.directory(actor, readQ(query), page);
      const next = page.offset + page.limit < total ? String(page.offset + page.limit) : undefined;
      return { body: { total, items: items.map(directoryItemJson), ...(next ? { next } : {}) } satisfies DirectoryAnswer };
    }),
  );

  const proposals = services.proposalService;

  server.get(
    '/api/channel-proposals',
    route(services, auth, async ({ actor, query }) => {
      const list = await proposals.list(actor, query.status);
      const names = await services.people.names(list.flatMap((p) => [p.proposerId, ...p.proposedLeadIds]).filter(Boolean));
      const items: ProposalListItem[] = list.map((p) => ({ ...proposalJson(p), proposerName: p.proposerId ? (names.get(p.proposerId) ?? 'Unknown person') : 'Someone (erased)' }));
      return { body: { items } satisfies ListResponse<ProposalListItem> };
    }),
  );

  server.post(
    '/api/channel-proposals',
    route(services, auth, async ({ actor, body }) => ({ status: 201, body: proposalJson(await proposals.propose(actor, bodyObject(body))) satisfies ProposalJson })),
  );

  for (const decision of ['approve', 'reject'] as const) {
    server.post(
      `/api/channel-proposals/:id/${decision}`,
      route(services, auth, async ({ actor, params, body }) => {
        const input = body === undefined || body === '' ? {} : bodyObject(body);
        const result = await proposals.decide(actor, params.id, decision === 'approve', input.reason);
        if (result.outcome === 'already') {
          const p = result.proposal;
          throw conflict(p.status === 'approved' ? 'This proposal was already approved.' : p.status === 'rejected' ? 'This proposal was already rejected.' : 'Another coordinator is approving this proposal right now.');
        }
        return { body: { proposal: proposalJson(result.proposal), ...(result.outcome === 'approved' ? { channel: channelJson(result.channel) } : {}) } satisfies ProposalDecisionAnswer };
      }),
    );
  }
}
