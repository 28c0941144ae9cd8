// Communities of Practice: the directory, joining (with approval where a channel asks for it) and
// leaving, leads editing their channel and seeing its members, coordinators setting leads.
// Teams membership goes through the TeamsDirectory port (Graph) before the membership is recorded,
// so a refusal from Teams changes nothing here; notices go through the Notifier.
import type { Config } from '../config.js';
import { errorSummary, type Logger } from '../logging.js';
import type { Clock, Notifier, PersonRepository, ProfileRepository, UpcomingEvents } from '../domain/ports.js';
import type { ChannelRepository, MembershipRepository, TeamsDirectory } from '../domain/channels/ports.js';
import type { PeopleService } from './people.js';
import type { Actor, UserId } from '../domain/people/person.js';
import type { Channel } from '../domain/channels/channel.js';
import type { JoinRequest, LeaveStatus, Membership } from '../domain/channels/membership.js';
import type { DirectoryUser } from '../domain/channels/ports.js';
import { TeamsDirectoryError } from '../domain/channels/ports.js';
import { canDecideRequest, canEditChannel, isChannelId, readChannelText, requireCoordinator, requireEdit, requireMembersView } from '../domain/channels/rules.js';
import { resolveChannel, type Resolution } from '../domain/channels/resolve.js';
import { searchChannels } from '../domain/channels/search.js';
import { readIdList } from '../domain/channels/proposal.js';
import { channelLink } from '../domain/channels/deepLink.js';
import { isValidUserId } from '../domain/people/person.js';
import { AppError, forbidden, invalid, notFound, unavailable } from '../domain/errors.js';
import { cleanText } from '../domain/text.js';
import { runLimited } from '../domain/async.js';
import { joinRequestNotice, newLeadNotice, newMemberNotice, requestDeclinedNotice } from '../cards/channels/notices.js';
import { welcomeMessage } from '../cards/channels/welcome.js';
import { personDetails } from '../cards/channels/words.js';
import type { DirectoryItem, JoinResult, MemberView, Welcome } from '../contracts/channels.js';

/** Everything the channel service may touch. */
export interface ChannelDeps {
  config: Pick<Config, 'virtualCafeTeamId' | 'homeTenantId' | 'publicUrl'>;
  clock: Clock;
  logger: Logger;
  channels: ChannelRepository;
  memberships: MembershipRepository;
  /** The Teams side of membership (Graph, or nothing when GRAPH_MODE=off). */
  teamsDirectory: TeamsDirectory;
  people: Pick<PeopleService, 'names' | 'isForeignTenant' | 'coordinatorsFor'>;
  profiles: ProfileRepository;
  persons: PersonRepository;
  notifier: Notifier;
  /** The events area's view of a channel's next events. */
  upcomingEvents: UpcomingEvents;
}

export interface DecisionResult {
  outcome: 'approved' | 'declined' | 'already-decided';
  channel: Channel;
  request: JoinRequest;
  requesterName: string;
}

const NEXT_EVENTS = 2;

export class ChannelService {
  constructor(private readonly d: ChannelDeps) {}

  /** The channel, or "not found" for unknown or malformed ids. */
  async requireChannel(id: unknown): Promise<Channel> {
    const channel = isChannelId(id) ? await this.d.channels.get(id) : null;
    if (!channel) throw notFound('I could not find that channel. Type "channels" to see them all.');
    return channel;
  }

  async resolve(text: string): Promise<Resolution> {
    return resolveChannel(await this.d.channels.list(), text);
  }

  async list(query = ''): Promise<Channel[]> {
    return searchChannels(await this.d.channels.list(), query);
  }

  /** The directory, filtered by `query`, one page at a time, with the viewer's own state. */
  async directory(actor: Actor, query: string, page: { offset: number; limit: number }): Promise<{ total: number; items: DirectoryItem[] }> {
    const [matching, mine, requests] = await Promise.all([this.list(query), this.d.memberships.channelsOf(actor.id), this.d.memberships.requestsOf(actor.id)]);
    const slice = matching.slice(page.offset, page.offset + page.limit);
    const memberOf = new Set(mine.map((m) => m.channelId));
    const requested = new Set(requests.filter((r) => r.status === 'pending').map((r) => r.channelId));
    const names = await this.d.people.names(slice.flatMap((c) => c.leadIds));
    const items = await Promise.all(
      slice.map(async (channel) => ({
        channel,
        leads: channel.leadIds.map((id) => ({ id, name: names.get(id) ?? 'Unknown person' })),
        nextEvents: await this.nextEvents(channel.id, NEXT_EVENTS),
        my: memberOf.has(channel.id) ? ('member' as const) : requested.has(channel.id) ? ('requested' as const) : ('none' as const),
      })),
    );
    return { total: matching.length, items };
  }

  /** One channel as the directory shows it, with the viewer's own state (a card in any chat). */
  async item(actor: Actor, channelId: unknown): Promise<DirectoryItem> {
    const channel = await this.requireChannel(channelId);
    const [mine, requests, names, nextEvents] = await Promise.all([
      this.d.memberships.channelsOf(actor.id),
      this.d.memberships.requestsOf(actor.id),
      this.d.people.names(channel.leadIds),
      this.nextEvents(channel.id, NEXT_EVENTS),
    ]);
    const my = mine.some((m) => m.channelId === channel.id) ? 'member' : requests.some((r) => r.status === 'pending' && r.channelId === channel.id) ? 'requested' : 'none';
    return { channel, leads: channel.leadIds.map((id) => ({ id, name: names.get(id) ?? 'Unknown person' })), nextEvents, my };
  }

  private async nextEvents(channelId: string, n: number) {
    try {
      return await this.d.upcomingEvents.forChannel(channelId, n);
    } catch (e) {
      // The directory still works if events cannot be read.
      this.d.logger.warn({ channelId, err: errorSummary(e) }, 'upcoming events unavailable');
      return [];
    }
  }

  async welcome(channel: Channel, addedInTeams: boolean): Promise<Welcome> {
    const names = await this.d.people.names(channel.leadIds);
    const { config } = this.d;
    return {
      channel,
      leads: channel.leadIds.map((id) => ({ id, name: names.get(id) ?? 'Unknown person' })),
      nextEvents: await this.nextEvents(channel.id, 3),
      link: channelLink(channel, { teamId: config.virtualCafeTeamId || undefined, tenantId: config.homeTenantId || undefined, publicUrl: config.publicUrl }),
      addedInTeams,
    };
  }

  private directoryUser(id: UserId, guest: boolean, tenantId: string | undefined): DirectoryUser {
    return { id, guest, ...(tenantId && this.d.people.isForeignTenant(tenantId) ? { tenantId } : {}) };
  }

  /**
   * Makes the person a member in Teams: private/shared channels → add to the channel (a private
   * channel also needs team membership first); standard channels → make sure they are in the team.
   * Without Graph, or a channel not linked to Teams, there is nothing to do.
   */
  private async addInTeams(channel: Channel, user: DirectoryUser): Promise<{ added: boolean; graphMemberId?: string }> {
    const { teamsDirectory: directory, config } = this.d;
    const teamId = channel.teamId || config.virtualCafeTeamId;
    if (!directory.live || !teamId) return { added: false };
    try {
      if (channel.channelType === 'standard') {
        await directory.ensureTeamMember(teamId, user);
        return { added: true };
      }
      if (!channel.teamsChannelId) return { added: false };
      if (channel.channelType === 'private') await directory.ensureTeamMember(teamId, user);
      const { membershipId } = await directory.addChannelMember(teamId, channel.teamsChannelId, user);
      return { added: true, graphMemberId: membershipId };
    } catch (e) {
      throw explainTeamsFailure(e, channel);
    }
  }

  /**
   * Joins `actor` to the channel. On an approval channel (unless they lead or coordinate it) this
   * records a request for the leads instead. Idempotent: a second join answers "already-member".
   * `welcome: 'notify'` sends the welcome to their 1:1 chat; 'return' leaves it to the caller.
   */
  async join(actor: Actor, channelId: unknown, options: { welcome: 'notify' | 'return' }): Promise<JoinResult> {
    const { memberships, clock } = this.d;
    const channel = await this.requireChannel(channelId);
    if (await memberships.getMember(channel.id, actor.id)) return { status: 'already-member', channel };
    if (channel.approvalRequired && !canEditChannel(actor, channel)) {
      const r = await memberships.addRequest({ channelId: channel.id, userId: actor.id, guest: actor.guest, requestedAt: clock.now() });
      if (r.status === 'already-member') return { status: 'already-member', channel };
      if (r.status === 'requested') await this.notifyRequest(channel, actor, r.request);
      return { status: r.status, channel };
    }
    const teams = await this.addInTeams(channel, this.directoryUser(actor.id, actor.guest, actor.tenantId));
    const added = await memberships.addMember({
      channelId: channel.id,
      userId: actor.id,
      guest: actor.guest,
      joinedAt: clock.now(),
      ...(teams.graphMemberId ? { graphMemberId: teams.graphMemberId } : {}),
    });
    if (added.status === 'already-member') return { status: 'already-member', channel };
    const fresh = (await this.d.channels.get(channel.id)) ?? channel;
    const welcome = await this.welcome(fresh, teams.added);
    await this.notifyLeadsOfJoin(fresh, actor.id, actor.name, actor.guest, added.membership);
    if (options.welcome === 'notify') await this.d.notifier.notify(actor.id, welcomeMessage(welcome), `channel-welcome:${channel.id}:${actor.id}:${added.membership.joinedAt.getTime()}`, 'channel');
    return { status: 'joined', channel: fresh, welcome };
  }

  private async notifyLeadsOfJoin(channel: Channel, userId: UserId, name: string, guest: boolean, m: Membership): Promise<void> {
    const leads = channel.leadIds.filter((id) => id !== userId);
    if (!leads.length) return;
    const details = personDetails(guest, guest ? null : await this.d.profiles.get(userId));
    const message = newMemberNotice(channel, { name, details });
    await Promise.all(leads.map((lead) => this.d.notifier.notify(lead, message, `channel-joined:${channel.id}:${userId}:${m.joinedAt.getTime()}:${lead}`, 'channel')));
  }

  /** Who decides join requests: the leads, or the hub's coordinators when it has none. */
  private async deciders(channel: Channel, except: UserId): Promise<UserId[]> {
    const leads = channel.leadIds.filter((id) => id !== except);
    return leads.length ? leads : (await this.d.people.coordinatorsFor(channel.hub)).filter((id) => id !== except);
  }

  private async notifyRequest(channel: Channel, actor: Actor, request: JoinRequest): Promise<void> {
    const details = personDetails(actor.guest, actor.guest ? null : await this.d.profiles.get(actor.id));
    const message = joinRequestNotice(channel, { userId: actor.id, name: actor.name, details });
    const to = await this.deciders(channel, actor.id);
    await Promise.all(to.map((id) => this.d.notifier.notify(id, message, `channel-request:${channel.id}:${actor.id}:${request.requestedAt.getTime()}:${id}`, 'channel')));
  }

  /** Leaves the channel (or withdraws a pending request). Idempotent. */
  async leave(actor: Actor, channelId: unknown): Promise<{ status: LeaveStatus; channel: Channel; teamsNote?: string }> {
    const channel = await this.requireChannel(channelId);
    const { removed, withdrawn } = await this.d.memberships.removeMember(channel.id, actor.id);
    const fresh = (await this.d.channels.get(channel.id)) ?? channel;
    if (!removed) return { status: withdrawn ? 'request-withdrawn' : 'not-member', channel: fresh };
    let teamsNote: string | undefined;
    const teamId = channel.teamId || this.d.config.virtualCafeTeamId;
    // Only a membership the app made in a private/shared channel is undone in Teams; leaving a
    // Community of Practice is not leaving the whole team.
    if (removed.graphMemberId && channel.teamsChannelId && teamId && this.d.teamsDirectory.live) {
      try {
        await this.d.teamsDirectory.removeChannelMember(teamId, channel.teamsChannelId, removed.graphMemberId);
      } catch (e) {
        this.d.logger.warn({ channelId: channel.id, failure: e instanceof TeamsDirectoryError ? e.failure : 'error' }, 'could not remove channel member in Teams');
        teamsNote = 'I could not take you out of the channel in Teams itself; you can leave it there from the channel’s “…” menu.';
      }
    }
    return { status: 'left', channel: fresh, ...(teamsNote ? { teamsNote } : {}) };
  }

  /** The channels I am in (with my membership) and my pending requests. */
  async mine(actor: Actor): Promise<{ memberships: { channel: Channel; membership: Membership }[]; requests: { channel: Channel; request: JoinRequest }[] }> {
    const [memberships, requests, channels] = await Promise.all([this.d.memberships.channelsOf(actor.id), this.d.memberships.requestsOf(actor.id), this.d.channels.list()]);
    const byId = new Map(channels.map((c) => [c.id, c]));
    return {
      memberships: memberships
        .filter((m) => byId.has(m.channelId))
        .map((membership) => ({ channel: byId.get(membership.channelId) as Channel, membership }))
        .sort((a, b) => a.channel.name.localeCompare(b.channel.name)),
      requests: requests
        .filter((r) => r.status === 'pending' && byId.has(r.channelId))
        .map((request) => ({ channel: byId.get(request.channelId) as Channel, request })),
    };
  }

  /** A lead (or coordinator) approves or declines a join request; the first decision wins. */
  async decideRequest(actor: Actor, channelId: unknown, userId: unknown, approve: boolean, reasonInput?: unknown): Promise<DecisionResult> {
    const channel = await this.requireChannel(channelId);
    if (!isValidUserId(userId)) throw invalid('That request names no person I know.');
    if (!canDecideRequest(actor, channel)) throw forbidden(`Only the leads of ${channel.name} (or a hub coordinator) can decide requests to join it.`);
    const reason = cleanText(reasonInput, 500);
    if (reason === null) throw invalid('The reason must be text of at most 500 characters.', { field: 'reason' });
    const request = await this.d.memberships.getRequest(channel.id, userId);
    if (!request) throw notFound(`There is no request from that person to join ${channel.name}.`);
    const requesterName = (await this.d.people.names([userId])).get(userId) ?? 'Someone';
    if (request.status !== 'pending') return { outcome: 'already-decided', channel, request, requesterName };
    const now = this.d.clock.now();
    if (!approve) {
      const r = await this.d.memberships.decideRequest(channel.id, userId, { approve: false, at: now, ...(reason ? { reason } : {}) });
      if (r.status !== 'declined') return { outcome: 'already-decided', channel, request: 'request' in r ? r.request : request, requesterName };
      await this.d.notifier.notify(userId, requestDeclinedNotice(channel, reason || undefined), `channel-request-declined:${channel.id}:${userId}:${request.requestedAt.getTime()}`, 'channel');
      return { outcome: 'declined', channel, request: r.request, requesterName };
    }
    const person = await this.d.persons.get(userId);
    const teams = await this.addInTeams(channel, this.directoryUser(userId, request.guest, person?.tenantId));
    const r = await this.d.memberships.decideRequest(channel.id, userId, { approve: true, at: now, ...(teams.graphMemberId ? { graphMemberId: teams.graphMemberId } : {}) });
    if (r.status !== 'approved') return { outcome: 'already-decided', channel, request: 'request' in r ? r.request : request, requesterName };
    const fresh = (await this.d.channels.get(channel.id)) ?? channel;
    const welcome = await this.welcome(fresh, teams.added);
    await this.d.notifier.notify(userId, welcomeMessage(welcome), `channel-request-approved:${channel.id}:${userId}:${request.requestedAt.getTime()}`, 'channel');
    const otherLeads = fresh.leadIds.filter((id) => id !== actor.id && id !== userId);
    if (otherLeads.length) {
      const message = newMemberNotice(fresh, { name: requesterName, details: personDetails(request.guest, request.guest ? null : await this.d.profiles.get(userId)) });
      await Promise.all(otherLeads.map((lead) => this.d.notifier.notify(lead, message, `channel-joined:${channel.id}:${userId}:${r.membership.joinedAt.getTime()}:${lead}`, 'channel')));
    }
    return { outcome: 'approved', channel: fresh, request: r.request, requesterName };
  }

  /** Leads and coordinators edit the purpose and guidelines. */
  async updateText(actor: Actor, channelId: unknown, input: { purpose?: unknown; guidelines?: unknown }): Promise<Channel> {
    const channel = await this.requireChannel(channelId);
    requireEdit(actor, channel);
    const changes = readChannelText(input);
    const updated = await this.d.channels.update(channel.id, (c) => ({ ...c, ...changes }));
    if (!updated) throw notFound('That channel no longer exists.');
    return updated;
  }

  /** Coordinators set the channel's leads (PUT /api/channels/{id}/leads); new leads are told. */
  async setLeads(actor: Actor, channelId: unknown, leadIdsInput: unknown): Promise<Channel> {
    const channel = await this.requireChannel(channelId);
    requireCoordinator(actor, channel, 'set its leads');
    if (!Array.isArray(leadIdsInput)) throw invalid('leadIds must be a list of user ids.', { field: 'leadIds' });
    const leadIds = readIdList(leadIdsInput);
    let before: UserId[] = [];
    const updated = await this.d.channels.update(channel.id, (c) => {
      before = c.leadIds;
      return { ...c, leadIds };
    });
    if (!updated) throw notFound('That channel no longer exists.');
    const added = leadIds.filter((id) => !before.includes(id));
    const now = this.d.clock.now().getTime();
    await Promise.all(added.map((id) => this.d.notifier.notify(id, newLeadNotice(updated), `channel-lead:${channel.id}:${id}:${now}`, 'channel')));
    return updated;
  }

  /** Members (and pending requests) for the channel's leads and coordinators. */
  async members(actor: Actor, channelId: unknown): Promise<{ channel: Channel; members: MemberView[]; pending: MemberView[] }> {
    const channel = await this.requireChannel(channelId);
    requireMembersView(actor, channel);
    const [members, pending] = await Promise.all([this.d.memberships.membersOf(channel.id), this.d.memberships.pendingRequestsOf(channel.id)]);
    const people = [...members.map((m) => ({ userId: m.userId, guest: m.guest, at: m.joinedAt })), ...pending.map((r) => ({ userId: r.userId, guest: r.guest, at: r.requestedAt }))];
    const names = await this.d.people.names(people.map((p) => p.userId));
    const views = await runLimited(people, 16, async (p): Promise<MemberView> => {
      const profile = p.guest ? null : await this.d.profiles.get(p.userId);
      return {
        userId: p.userId,
        name: names.get(p.userId) ?? 'Unknown person',
        guest: p.guest,
        joinedAt: p.at,
        details: personDetails(p.guest, profile),
        ...(profile ? { profile: { profession: profile.profession, hub: profile.hub, pcn: profile.pcn, organisation: profile.organisation } } : {}),
      };
    });
    const byName = (a: MemberView, b: MemberView) => a.name.localeCompare(b.name);
    return { channel: { ...channel, memberCount: members.length }, members: views.slice(0, members.length).sort(byName), pending: views.slice(members.length) };
  }
}

/** Turns a Graph failure into words for the person, saying that nothing has changed. */
export function explainTeamsFailure(e: unknown, channel: Channel): unknown {
  if (!(e instanceof TeamsDirectoryError)) return e;
  switch (e.failure) {
    case 'forbidden':
      return new AppError('forbidden', `Microsoft Teams did not let me add you to ${channel.name}: the Virtual Café app is not allowed to. Nothing has changed — please ask a channel lead or hub coordinator to add you.`);
    case 'not-found':
      return new AppError('not-found', `Microsoft Teams could not find ${channel.name} (or your account in the Virtual Café team). Nothing has changed — please tell a hub coordinator.`);
    case 'throttled': {
      const wait = e.retryAfterSeconds && e.retryAfterSeconds > 0 ? `in ${e.retryAfterSeconds} second${e.retryAfterSeconds === 1 ? '' : 's'}` : 'in a minute';
      return unavailable(`Microsoft Teams is busy right now, so I could not add you to ${channel.name}. Nothing has changed — please try again ${wait}.`);
    }
    default:
      return unavailable(`I could not reach Microsoft Teams to add you to ${channel.name}. Nothing has changed — please try again in a few minutes.`);
  }
}
