// Microsoft Graph, app-only, for the Teams side of channel memberships: add someone to a team
// (standard channels), to a private/shared channel, and create channels on proposal approval.
// Tokens come from @azure/identity (client secret, or the managed identity when no secret) against
// AZURE_AUTHORITY_HOST; calls go to GRAPH_BASE_URL. Throttling (429, 503) is retried after the
// Retry-After the service asks for, within a budget a person can wait for; then it is reported.
import type { TokenCredential } from '@azure/identity';
import type { Config } from '../config.js';
import type { Logger } from '../logging.js';
import type { DirectoryUser, TeamsDirectory } from '../domain/channels/ports.js';
import { TeamsDirectoryError, offlineTeamsDirectory } from '../domain/channels/ports.js';
import type { ChannelType } from '../domain/channels/channel.js';
import { appGraphCredential, GRAPH_SCOPE } from './graphCredential.js';
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

/** Seconds to wait from a Retry-After header (seconds or an HTTP date); undefined if absent. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const n = Number(header.trim());
  if (Number.isFinite(n) && n >= 0) return Math.ceil(n);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

export class GraphTeamsDirectory implements TeamsDirectory {
  readonly live = true;
  private readonly credential: TokenCredential;
  private readonly maxWaitMs: number;
  private readonly maxAttempts: number;
  private readonly timeoutMs: number;

  constructor(
    private readonly config: Config,
    private readonly logger: Logger,
    options: GraphOptions = {},
  ) {
    this.maxWaitMs = options.maxWaitMs ?? 8000;
    this.maxAttempts = options.maxAttempts ?? 4;
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.credential = options.credential ?? appGraphCredential(config);
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

  private async token(): Promise<string> {
    try {
      const token = await this.credential.getToken(GRAPH_SCOPE);
      if (!token?.token) throw new Error('empty token');
      return token.token;
    } catch (e) {
      this.logger.warn({ err: e instanceof Error ? e.message.slice(0, 200) : String(e) }, 'graph token failed');
      throw new TeamsDirectoryError('failed', 'The app could not sign in to Microsoft Graph.');
    }
  }

  private async call(method: string, path: string, body?: unknown): Promise<GraphResponse> {
    let waited = 0;
    for (let attempt = 1; ; attempt++) {
      const token = await this.token();
      let res: Response;
      try {
        res = await fetch(`${this.config.graphBaseUrl}${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(this.timeoutMs),
        });
      } catch (e) {
        this.logger.warn({ method, err: e instanceof Error ? e.name : 'error' }, 'graph unreachable');
        throw new TeamsDirectoryError('failed', 'Microsoft Graph could not be reached.');
      }
      const text = await res.text();
      let json: Record<string, unknown> | null = null;
      try {
        json = text ? (JSON.parse(text) as Record<string, unknown>) : null;
      } catch {
        json = null;
      }
      if (res.status === 429 || res.status === 503 || res.status === 504) {
        const after = retryAfterSeconds(res.headers.get('retry-after')) ?? Math.min(2 ** attempt, 10);
        this.logger.info({ status: res.status, retryAfter: after, attempt }, 'graph throttled');
        if (attempt >= this.maxAttempts || waited + after * 1000 > this.maxWaitMs) {
          throw new TeamsDirectoryError('throttled', 'Microsoft Teams is busy.', res.status, after);
        }
        waited += after * 1000;
        await new Promise((r) => setTimeout(r, after * 1000));
        continue;
      }
      return { status: res.status, body: json };
    }
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
