// Microsoft Graph, app-only, for the Teams side of channel memberships: add someone to a team
// (standard channels), to a private/shared channel, and create channels on proposal approval.
// Calls go through the app's Graph client (graphApp.ts: token, GRAPH_BASE_URL, Retry-After), with a
// wait budget a person can stand; past it, or when Graph cannot be reached, this port's errors say so.
import type { TokenCredential } from '@azure/identity';
import type { Config } from '../config.js';
import type { Logger } from '../logging.js';
import type { DirectoryUser, TeamsDirectory } from '../domain/channels/ports.js';
import { TeamsDirectoryError, offlineTeamsDirectory } from '../domain/channels/ports.js';
import type { ChannelType } from '../domain/channels/channel.js';
import { GraphAppClient, GraphUnavailable } from './graphApp.js';
const MEMBER_TYPE = '#microsoft.graph.aadUserConversationMember';

export interface GraphOptions {
  /** Longest total wait for Retry-After before reporting "busy" (a person is waiting). */
  maxWaitMs?: number;
  maxAttempts?: number;
  timeoutMs?: number;
  credential?: TokenCredential;
}

interface GraphResponse {
  status: number;
  body: Record<string, unknown> | null;
}

export class GraphTeamsDirectory implements TeamsDirectory {
  readonly live = true;
  private readonly graph: GraphAppClient;
  private readonly maxWaitMs: number;
  private readonly maxAttempts: number;

  constructor(
    private readonly config: Config,
    private readonly logger: Logger,
    options: GraphOptions = {},
  ) {
    this.maxWaitMs = options.maxWaitMs ?? 8000;
    this.maxAttempts = options.maxAttempts ?? 4;
    this.graph = new GraphAppClient(config, logger, { credential: options.credential, timeoutMs: options.timeoutMs ?? 15_000 });
  }

  private userBind(userId: string): string {
    return `${this.config.graphBaseUrl}/users('${encodeURIComponent(userId)}')`;
  }

  private member(user: DirectoryUser, roles: string[]): Record<string, unknown> {
    return {
      '@odata.type': MEMBER_TYPE,
      roles,
      'user@odata.bind': this.userBind(user.id),
      // People of another organisation join shared channels directly (B2B direct connect).
      ...(user.tenantId ? { tenantId: user.tenantId } : {}),
    };
  }

  /** One call through the shared Graph client, its failures told in this port's words. */
  private async call(method: string, path: string, body?: unknown): Promise<GraphResponse> {
    let res;
    try {
      res = await this.graph.call(method, path, body, { maxWaitMs: this.maxWaitMs, maxAttempts: this.maxAttempts });
    } catch (e) {
      if (e instanceof GraphUnavailable && e.reason === 'token') throw new TeamsDirectoryError('failed', 'The app could not sign in to Microsoft Graph.');
      if (e instanceof GraphUnavailable) throw new TeamsDirectoryError('failed', 'Microsoft Graph could not be reached.');
      throw e;
    }
    // A throttled answer comes back only once the wait budget is spent.
    if (res.retryAfter !== undefined) throw new TeamsDirectoryError('throttled', 'Microsoft Teams is busy.', res.status, res.retryAfter);
    return { status: res.status, body: res.body };
  }

  private fail(res: GraphResponse, what: string): never {
    const error = (res.body?.error ?? {}) as { code?: string; message?: string };
    this.logger.warn({ status: res.status, code: String(error.code ?? '').slice(0, 80), what }, 'graph call refused');
    if (res.status === 403 || res.status === 401) throw new TeamsDirectoryError('forbidden', `Graph refused to ${what}.`, res.status);
    if (res.status === 404) throw new TeamsDirectoryError('not-found', `Graph could not find what is needed to ${what}.`, res.status);
    throw new TeamsDirectoryError('failed', `Graph could not ${what} (${res.status}).`, res.status);
  }

  async ensureTeamMember(teamId: string, user: DirectoryUser): Promise<void> {
    const res = await this.call('POST', `/teams/${encodeURIComponent(teamId)}/members`, this.member(user, user.guest ? ['guest'] : []));
    // 409: already in the team — which is what we wanted.
    if (res.status === 201 || res.status === 200 || res.status === 409) return;
    this.fail(res, 'add the person to the team');
  }

  async addChannelMember(teamId: string, channelId: string, user: DirectoryUser): Promise<{ membershipId?: string }> {
    const res = await this.call('POST', `/teams/${encodeURIComponent(teamId)}/channels/${encodeURIComponent(channelId)}/members`, this.member(user, []));
    if (res.status === 201 || res.status === 200) return { membershipId: typeof res.body?.id === 'string' ? res.body.id : undefined };
    if (res.status === 409) return {};
    this.fail(res, 'add the person to the channel');
  }

  async removeChannelMember(teamId: string, channelId: string, membershipId: string): Promise<void> {
    const res = await this.call('DELETE', `/teams/${encodeURIComponent(teamId)}/channels/${encodeURIComponent(channelId)}/members/${encodeURIComponent(membershipId)}`);
    if (res.status === 204 || res.status === 200 || res.status === 404) return;
    this.fail(res, 'remove the person from the channel');
  }

  async createChannel(teamId: string, spec: { displayName: string; description: string; membershipType: ChannelType; ownerId: string }): Promise<{ id: string; webUrl?: string }> {
    const body: Record<string, unknown> = { displayName: spec.displayName, description: spec.description.slice(0, 1024), membershipType: spec.membershipType };
    // App-only creation of a private or shared channel needs its first owner.
    if (spec.membershipType !== 'standard') body.members = [this.member({ id: spec.ownerId, guest: false }, ['owner'])];
    const res = await this.call('POST', `/teams/${encodeURIComponent(teamId)}/channels`, body);
    if ((res.status === 201 || res.status === 200) && typeof res.body?.id === 'string') {
      return { id: res.body.id, webUrl: typeof res.body.webUrl === 'string' ? res.body.webUrl : undefined };
    }
    this.fail(res, 'create the channel');
  }
}

/** GRAPH_MODE=app → Graph; off → memberships recorded only. */
export function createTeamsDirectory(config: Config, logger: Logger, options?: GraphOptions): TeamsDirectory {
  return config.graphMode === 'app' ? new GraphTeamsDirectory(config, logger, options) : offlineTeamsDirectory;
}
