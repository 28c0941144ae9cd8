// What the channels area holds about a person, for "my data" and "forget me": memberships, join
// requests, proposals they made or are named in, and channels they lead. Erasing removes their
// memberships and requests (counts move with them), takes them off channels' leads, and
// anonymises proposals (the proposal itself stays, as the history of how a channel began).
import type { PersonalDataHolder } from '../domain/ports.js';
import type { ChannelRepository, MembershipRepository, ProposalRepository } from '../domain/channels/ports.js';

export function channelDataHolder(deps: { channels: ChannelRepository; memberships: MembershipRepository; channelProposals: ProposalRepository }): PersonalDataHolder {
  return {
    area: 'channels',
    async export(userId) {
      const { channels, memberships, channelProposals } = deps;
      const [all, mine, requests, proposals] = await Promise.all([channels.list(), memberships.channelsOf(userId), memberships.requestsOf(userId), channelProposals.involving(userId)]);
      const name = (id: string) => all.find((c) => c.id === id)?.name ?? id;
      return {
        memberships: mine.map((m) => ({ channelId: m.channelId, channel: name(m.channelId), joinedAt: m.joinedAt.toISOString(), guest: m.guest })),
        requests: requests.map((r) => ({
          channelId: r.channelId,
          channel: name(r.channelId),
          status: r.status,
          requestedAt: r.requestedAt.toISOString(),
          ...(r.decidedAt ? { decidedAt: r.decidedAt.toISOString() } : {}),
          ...(r.reason ? { reason: r.reason } : {}),
        })),
        leads: all.filter((c) => c.leadIds.includes(userId)).map((c) => ({ channelId: c.id, channel: c.name })),
        proposals: proposals.map((p) => ({
          id: p.id,
          name: p.name,
          purpose: p.purpose,
          hub: p.hub,
          status: p.status === 'approving' ? 'pending' : p.status,
          role: p.proposerId === userId ? 'proposer' : p.decidedBy === userId ? 'decided' : 'proposed lead',
          createdAt: p.createdAt.toISOString(),
        })),
      };
    },
    async erase(userId) {
      const { channels, memberships, channelProposals } = deps;
      await memberships.forget(userId);
      for (const c of await channels.list()) {
        if (c.leadIds.includes(userId)) await channels.update(c.id, (cur) => ({ ...cur, leadIds: cur.leadIds.filter((id) => id !== userId) }));
      }
      for (const p of await channelProposals.involving(userId)) {
        await channelProposals.update(p.id, (cur) => ({
          ...cur,
          proposerId: cur.proposerId === userId ? '' : cur.proposerId,
          decidedBy: cur.decidedBy === userId ? undefined : cur.decidedBy,
          proposedLeadIds: cur.proposedLeadIds.filter((id) => id !== userId),
        }));
      }
    },
  };
}
