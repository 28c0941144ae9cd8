// A local Microsoft Graph for the Teams membership calls the app makes: team members, private and
// shared channel members, channel creation. It checks each request body as Graph would (an
// aadUserConversationMember with user@odata.bind, roles, membershipType, an owner for private
// channels), keeps the resulting state, and can answer with faults: 403, 404, 429 with Retry-After.
import { randomUUID } from 'node:crypto';
import { startFakeServer, type FakeRequest, type FakeResponse, type RunningFake } from './httpServer.js';

export interface GraphCall {
  method: string;
  path: string;
  body: any;
  authorization?: string;
  at: number;
}

export interface FakeChannel {
  id: string;
  displayName: string;
  description?: string;
  membershipType: 'standard' | 'private' | 'shared';
  members: Map<string, { membershipId: string; roles: string[]; tenantId?: string }>;
}

export interface FakeTeam {
  members: Map<string, { roles: string[] }>;
  channels: Map<string, FakeChannel>;
}

export interface Fault {
  status: number;
  retryAfter?: number;
  /** Which requests it applies to (default: all). */
  match?: (req: FakeRequest) => boolean;
  /** How many times (default 1; Infinity for always). */
  times?: number;
}

const MEMBER_TYPE = '#microsoft.graph.aadUserConversationMember';
const USER_BIND = /\/users\('([^'/]+)'\)$/;

export class FakeGraph {
  readonly calls: GraphCall[] = [];
  /** Requests the fake refused because the body was not what Graph accepts (tests assert it stays empty). */
  readonly problems: string[] = [];
  readonly teams = new Map<string, FakeTeam>();
  private faults: Fault[] = [];
  private server!: RunningFake;
  /**
   * More of Graph, added by other helpers in their own modules (e.g. fakeGraphReach.ts): each gets
   * the request and its path without /v1.0, after authorization and faults, when no route here matched.
   */
  readonly extensions: ((req: FakeRequest, path: string) => FakeResponse | undefined)[] = [];

  static async start(): Promise<FakeGraph> {
    const g = new FakeGraph();
    g.server = await startFakeServer((req) => g.handle(req));
    return g;
  }

  /** GRAPH_BASE_URL */
  get url(): string {
    return `${this.server.url}/v1.0`;
  }

  close(): Promise<void> {
    return this.server.close();
  }

  addTeam(teamId: string): FakeTeam {
    const team: FakeTeam = { members: new Map(), channels: new Map() };
    this.teams.set(teamId, team);
    return team;
  }

  addChannel(teamId: string, channel: { id: string; displayName: string; membershipType: FakeChannel['membershipType'] }): FakeChannel {
    const team = this.teams.get(teamId) ?? this.addTeam(teamId);
    const c: FakeChannel = { ...channel, members: new Map() };
    team.channels.set(channel.id, c);
    return c;
  }

  /** Answer the next matching request(s) with a fault instead. */
  fail(fault: Fault): void {
    this.faults.push({ times: 1, ...fault });
  }

  clearFaults(): void {
    this.faults = [];
  }

  callsTo(pattern: RegExp, method = 'POST'): GraphCall[] {
    return this.calls.filter((c) => c.method === method && pattern.test(c.path));
  }

  private problem(message: string): FakeResponse {
    this.problems.push(message);
    return { status: 400, body: { error: { code: 'BadRequest', message } } };
  }

  /** Checks an aadUserConversationMember body; returns the user id or a problem. */
  private member(body: any, allowedRoles: string[]): { userId: string; roles: string[]; tenantId?: string } | string {
    if (!body || typeof body !== 'object') return 'body must be a JSON object';
    if (body['@odata.type'] !== MEMBER_TYPE) return `@odata.type must be ${MEMBER_TYPE}`;
    const bind = body['user@odata.bind'];
    const m = typeof bind === 'string' ? USER_BIND.exec(bind) : null;
    if (!m) return "user@odata.bind must be …/users('{id}')";
    if (!Array.isArray(body.roles) || body.roles.some((r: unknown) => typeof r !== 'string' || !allowedRoles.includes(r))) return `roles must be a list of ${allowedRoles.join('/')}`;
    if (body.tenantId !== undefined && typeof body.tenantId !== 'string') return 'tenantId must be a string';
    return { userId: decodeURIComponent(m[1]), roles: body.roles, ...(body.tenantId ? { tenantId: body.tenantId } : {}) };
  }

  private handle(req: FakeRequest): FakeResponse | undefined {
    const auth = typeof req.headers.authorization === 'string' ? req.headers.authorization : undefined;
    this.calls.push({ method: req.method, path: req.path, body: req.body, authorization: auth, at: Date.now() });
    if (!auth || !/^Bearer \S+/.test(auth)) return { status: 401, body: { error: { code: 'InvalidAuthenticationToken', message: 'Access token is empty.' } } };
    const fault = this.faults.find((f) => (f.times ?? 1) > 0 && (!f.match || f.match(req)));
    if (fault) {
      fault.times = (fault.times ?? 1) - 1;
      this.faults = this.faults.filter((f) => (f.times ?? 1) > 0);
      const code = fault.status === 429 ? 'TooManyRequests' : fault.status === 403 ? 'Forbidden' : fault.status === 404 ? 'NotFound' : 'Error';
      return { status: fault.status, headers: fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {}, body: { error: { code, message: `fake ${fault.status}` } } };
    }
    const path = req.path.replace(/^\/v1\.0/, '');
    let m = /^\/teams\/([^/]+)\/members$/.exec(path);
    if (m && req.method === 'POST') {
      const team = this.teams.get(decodeURIComponent(m[1]));
      if (!team) return { status: 404, body: { error: { code: 'NotFound', message: 'No team found with Group Id' } } };
      const member = this.member(req.body, ['owner', 'guest']);
      if (typeof member === 'string') return this.problem(member);
      if (team.members.has(member.userId)) return { status: 409, body: { error: { code: 'Conflict', message: 'already a member' } } };
      team.members.set(member.userId, { roles: member.roles });
      return { status: 201, body: { '@odata.type': MEMBER_TYPE, id: randomUUID(), roles: member.roles, userId: member.userId } };
    }
    m = /^\/teams\/([^/]+)\/channels$/.exec(path);
    if (m && req.method === 'POST') {
      const teamId = decodeURIComponent(m[1]);
      const team = this.teams.get(teamId);
      if (!team) return { status: 404, body: { error: { code: 'NotFound', message: 'No team found' } } };
      const b = req.body as any;
      if (!b || typeof b.displayName !== 'string' || !b.displayName || b.displayName.length > 50) return this.problem('displayName must be 1–50 characters');
      if (!['standard', 'private', 'shared'].includes(b.membershipType)) return this.problem('membershipType must be standard, private or shared');
      if ([...team.channels.values()].some((c) => c.displayName.toLowerCase() === b.displayName.toLowerCase())) {
        return { status: 400, body: { error: { code: 'NameAlreadyExists', message: 'Channel name already existed' } } };
      }
      const channel: FakeChannel = { id: `19:${randomUUID().replace(/-/g, '')}@thread.tacv2`, displayName: b.displayName, description: b.description, membershipType: b.membershipType, members: new Map() };
      if (b.membershipType !== 'standard') {
        if (!Array.isArray(b.members) || b.members.length === 0) return this.problem('a private or shared channel needs its first owner in members');
        for (const raw of b.members) {
          const member = this.member(raw, ['owner']);
          if (typeof member === 'string') return this.problem(member);
          channel.members.set(member.userId, { membershipId: randomUUID(), roles: member.roles });
        }
        if (![...channel.members.values()].some((x) => x.roles.includes('owner'))) return this.problem('the first member must be an owner');
      }
      team.channels.set(channel.id, channel);
      return { status: 201, body: { id: channel.id, displayName: channel.displayName, membershipType: channel.membershipType, webUrl: `https://teams.microsoft.com/l/channel/${encodeURIComponent(channel.id)}/x` } };
    }
    m = /^\/teams\/([^/]+)\/channels\/([^/]+)\/members$/.exec(path);
    if (m && req.method === 'POST') {
      const team = this.teams.get(decodeURIComponent(m[1]));
      const channel = team?.channels.get(decodeURIComponent(m[2]));
      if (!team || !channel) return { status: 404, body: { error: { code: 'NotFound', message: 'Channel not found' } } };
      if (channel.membershipType === 'standard') return this.problem('members can only be added to private or shared channels');
      const member = this.member(req.body, ['owner']);
      if (typeof member === 'string') return this.problem(member);
      if (channel.membershipType === 'private' && !team.members.has(member.userId)) return this.problem('a private channel member must first be a member of the team');
      if (member.tenantId && channel.membershipType !== 'shared') return this.problem('tenantId only applies to shared channels');
      const existing = channel.members.get(member.userId);
      if (existing) return { status: 409, body: { error: { code: 'Conflict', message: 'already a member' } } };
      const membershipId = randomUUID();
      channel.members.set(member.userId, { membershipId, roles: member.roles, ...(member.tenantId ? { tenantId: member.tenantId } : {}) });
      return { status: 201, body: { '@odata.type': MEMBER_TYPE, id: membershipId, roles: member.roles, userId: member.userId } };
    }
    m = /^\/teams\/([^/]+)\/channels\/([^/]+)\/members\/([^/]+)$/.exec(path);
    if (m && req.method === 'DELETE') {
      const channel = this.teams.get(decodeURIComponent(m[1]))?.channels.get(decodeURIComponent(m[2]));
      if (!channel) return { status: 404, body: { error: { code: 'NotFound', message: 'Channel not found' } } };
      const id = decodeURIComponent(m[3]);
      const entry = [...channel.members.entries()].find(([, v]) => v.membershipId === id);
      if (!entry) return { status: 404, body: { error: { code: 'NotFound', message: 'Member not found' } } };
      channel.members.delete(entry[0]);
      return { status: 204 };
    }
    for (const extension of this.extensions) {
      const answer = extension(req, path);
      if (answer) return answer;
    }
    return undefined;
  }
}
