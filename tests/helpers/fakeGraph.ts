// A local Microsoft Graph for the calls the app makes, in Graph's own shapes:
// - Teams membership: team members, private and shared channel members, channel creation;
// - calendar events with a Teams meeting (POST /users/{id}/events and /me/events, GET, PATCH,
//   DELETE; `onlineMeeting.joinUrl`, `transactionId` de-duplication, no attendees allowed);
// - online meetings by `$filter=JoinWebUrl eq '…'`, their attendanceReports and attendanceRecords
//   (identity, emailAddress, totalAttendanceInSeconds, attendanceIntervals), paged by
//   @odata.nextLink, behind an application access policy (off → 403, as Teams answers).
// It checks each request body as Graph would, keeps the resulting state, tells app-only tokens from
// on-behalf-of ones (FakeEntra's), and can answer with faults: 403, 404, 429 with Retry-After, 5xx,
// or no answer in time (`delayMs`).
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
  /** The answer's status (ignored when only `delayMs` is set: the real answer, late). */
  status?: number;
  retryAfter?: number;
  /** Hold the answer this long first (longer than the app waits = a timeout). */
  delayMs?: number;
  /** Which requests it applies to (default: all). */
  match?: (req: FakeRequest) => boolean;
  /** How many times (default 1; Infinity for always). */
  times?: number;
}

const MEMBER_TYPE = '#microsoft.graph.aadUserConversationMember';
const USER_BIND = /\/users\('([^'/]+)'\)$/;

export interface FakeCalendarEvent {
  id: string;
  ownerId: string;
  subject: string;
  body: { contentType: string; content: string };
  start: { dateTime: string; timeZone: string };
  end: { dateTime: string; timeZone: string };
  transactionId?: string;
  /** Made with the organiser's own (delegated) token, or app-only. */
  createdWith: 'delegated' | 'app';
  onlineMeeting: { joinUrl: string } | null;
  meetingId: string;
}

export interface FakeAttendanceRecord {
  /** identity.id: the person's Entra object id (empty for people Graph cannot name). */
  id?: string;
  displayName?: string;
  tenantId?: string;
  email?: string;
  seconds: number;
  role?: string;
  /** Join/leave pairs (ISO); made up from `seconds` when not given. */
  intervals?: { join: string; leave: string }[];
}

export interface FakeOnlineMeeting {
  id: string;
  ownerId: string;
  joinWebUrl: string;
  reports: { id: string; start: string; end: string; records: FakeAttendanceRecord[] }[];
}

/** Tokens FakeEntra hands out on someone's behalf: fake-obo.<oid>.<random>. */
export const delegatedUser = (authorization?: string): string | undefined => /^Bearer fake-obo\.([^.]+)\./.exec(authorization ?? '')?.[1];

export class FakeGraph {
  readonly calls: GraphCall[] = [];
  /** Requests the fake refused because the body was not what Graph accepts (tests assert it stays empty). */
  readonly problems: string[] = [];
  readonly teams = new Map<string, FakeTeam>();
  /** Calendar events by id (every mailbox). */
  readonly events = new Map<string, FakeCalendarEvent>();
  /** Online meetings by id. */
  readonly meetings = new Map<string, FakeOnlineMeeting>();
  /** Teams' application access policy for app-only meeting reads (an admin grants it). */
  accessPolicyGranted = true;
  /** Answer a new event without its onlineMeeting (Graph sometimes does, at first). */
  withholdJoinUrl = false;
  /** Items per page in attendance lists. */
  pageSize = 100;
  private faults: Fault[] = [];
  private server!: RunningFake;

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

  /** The calendar events in someone's mailbox. */
  eventsOf(ownerId: string): FakeCalendarEvent[] {
    return [...this.events.values()].filter((e) => e.ownerId === ownerId);
  }

  /** Teams' attendance report of a meeting (found by its join URL), as if the meeting had run. */
  addAttendanceReport(joinUrl: string, report: { start: Date; end: Date; records: FakeAttendanceRecord[] }): void {
    const meeting = [...this.meetings.values()].find((m) => m.joinWebUrl === joinUrl);
    if (!meeting) throw new Error(`fake Graph: no meeting with join URL ${joinUrl}`);
    meeting.reports.push({ id: randomUUID(), start: report.start.toISOString(), end: report.end.toISOString(), records: report.records });
  }

  /** A Teams meeting made outside the app (an organiser's own link), for attendance by join URL. */
  addMeeting(ownerId: string): FakeOnlineMeeting {
    const id = `MSo${randomUUID().replace(/-/g, '')}`;
    const meeting: FakeOnlineMeeting = { id, ownerId, joinWebUrl: joinUrlFor(id), reports: [] };
    this.meetings.set(id, meeting);
    return meeting;
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

  private async handle(req: FakeRequest): Promise<FakeResponse | undefined> {
    const auth = typeof req.headers.authorization === 'string' ? req.headers.authorization : undefined;
    this.calls.push({ method: req.method, path: req.path, body: req.body, authorization: auth, at: Date.now() });
    if (!auth || !/^Bearer \S+/.test(auth)) return { status: 401, body: { error: { code: 'InvalidAuthenticationToken', message: 'Access token is empty.' } } };
    const fault = this.faults.find((f) => (f.times ?? 1) > 0 && (!f.match || f.match(req)));
    if (fault) {
      fault.times = (fault.times ?? 1) - 1;
      this.faults = this.faults.filter((f) => (f.times ?? 1) > 0);
      if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
      if (fault.status !== undefined) {
        const code = fault.status === 429 ? 'TooManyRequests' : fault.status === 403 ? 'Forbidden' : fault.status === 404 ? 'NotFound' : 'Error';
        return { status: fault.status, headers: fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {}, body: { error: { code, message: `fake ${fault.status}` } } };
      }
    }
    const path = req.path.replace(/^\/v1\.0/, '');
    const calendar = this.calendar(req, path, auth);
    if (calendar) return calendar;
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
    return undefined;
  }

  // ---- calendar events and online meetings ----------------------------------------------

  private error(status: number, code: string, message: string): FakeResponse {
    return { status, body: { error: { code, message } } };
  }

  /** Whose mailbox a path names: /me (delegated tokens only) or /users/{id}. */
  private mailboxOf(prefix: string, auth: string): { ownerId: string; delegated: boolean } | FakeResponse {
    const oid = delegatedUser(auth);
    if (prefix === '/me') return oid ? { ownerId: oid, delegated: true } : this.error(400, 'BadRequest', '/me request is only valid with delegated authentication flow.');
    const id = decodeURIComponent(prefix.replace(/^\/users\//, ''));
    if (oid && oid !== id) return this.error(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
    return { ownerId: id, delegated: !!oid };
  }

  private checkTimes(b: any): string | null {
    for (const k of ['start', 'end']) {
      const t = b?.[k];
      if (!t || typeof t.dateTime !== 'string' || typeof t.timeZone !== 'string' || Number.isNaN(Date.parse(t.dateTime))) return `${k} must be a dateTimeTimeZone`;
    }
    return null;
  }

  private eventJson(e: FakeCalendarEvent) {
    return {
      '@odata.etag': 'W/"fake"',
      id: e.id,
      subject: e.subject,
      body: e.body,
      start: e.start,
      end: e.end,
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      attendees: [],
      transactionId: e.transactionId ?? null,
      onlineMeeting: e.onlineMeeting,
      webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(e.id)}`,
    };
  }

  private page(items: unknown[], req: FakeRequest, path: string): FakeResponse {
    const skip = Number(req.query.get('$skiptoken') ?? 0) || 0;
    const value = items.slice(skip, skip + this.pageSize);
    const body: Record<string, unknown> = { '@odata.context': `${this.url}/$metadata#${path}`, value };
    if (skip + this.pageSize < items.length) body['@odata.nextLink'] = `${this.url}${path}?$skiptoken=${skip + this.pageSize}`;
    return { body };
  }

  private calendar(req: FakeRequest, path: string, auth: string): FakeResponse | undefined {
    let m = /^(\/me|\/users\/[^/]+)\/events$/.exec(path);
    if (m && req.method === 'POST') {
      const box = this.mailboxOf(m[1], auth);
      if (!('ownerId' in box)) return box;
      const b = req.body as any;
      if (!b || typeof b.subject !== 'string' || !b.subject) return this.problem('subject is required');
      const bad = this.checkTimes(b);
      if (bad) return this.problem(bad);
      if (b.isOnlineMeeting !== true || b.onlineMeetingProvider !== 'teamsForBusiness') return this.problem('isOnlineMeeting: true and onlineMeetingProvider: teamsForBusiness are required for a Teams meeting');
      if (Array.isArray(b.attendees) && b.attendees.length) return this.problem('the app must not invite attendees to the organiser\'s calendar event');
      if (b.body !== undefined && (typeof b.body !== 'object' || typeof b.body.content !== 'string')) return this.problem('body must be an itemBody');
      if (b.transactionId) {
        const same = [...this.events.values()].find((e) => e.ownerId === box.ownerId && e.transactionId === b.transactionId);
        if (same) return { status: 201, body: this.eventJson(same) };
      }
      const id = `AAMk${randomUUID().replace(/-/g, '')}`;
      const meetingId = `MSo${randomUUID().replace(/-/g, '')}`;
      const joinWebUrl = joinUrlFor(meetingId);
      const event: FakeCalendarEvent = {
        id,
        ownerId: box.ownerId,
        subject: b.subject,
        body: b.body ?? { contentType: 'text', content: '' },
        start: b.start,
        end: b.end,
        transactionId: b.transactionId,
        createdWith: box.delegated ? 'delegated' : 'app',
        onlineMeeting: { joinUrl: joinWebUrl },
        meetingId,
      };
      this.events.set(id, event);
      this.meetings.set(meetingId, { id: meetingId, ownerId: box.ownerId, joinWebUrl, reports: [] });
      const answer = this.eventJson(event);
      if (this.withholdJoinUrl) answer.onlineMeeting = null;
      return { status: 201, body: answer };
    }
    m = /^(\/me|\/users\/[^/]+)\/events\/([^/]+)$/.exec(path);
    if (m) {
      const box = this.mailboxOf(m[1], auth);
      if (!('ownerId' in box)) return box;
      const event = this.events.get(decodeURIComponent(m[2]));
      if (!event || event.ownerId !== box.ownerId) return this.error(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
      if (req.method === 'GET') return { body: this.eventJson(event) };
      if (req.method === 'PATCH') {
        const b = req.body as any;
        if (!b || typeof b !== 'object') return this.problem('PATCH body must be an object');
        if (b.attendees !== undefined && (!Array.isArray(b.attendees) || b.attendees.length)) return this.problem('the app must not invite attendees');
        if ((b.start || b.end) && this.checkTimes({ start: b.start ?? event.start, end: b.end ?? event.end })) return this.problem('start/end must be dateTimeTimeZone');
        if (typeof b.subject === 'string') event.subject = b.subject;
        if (b.body) event.body = b.body;
        if (b.start) event.start = b.start;
        if (b.end) event.end = b.end;
        return { body: this.eventJson(event) };
      }
      if (req.method === 'DELETE') {
        this.events.delete(event.id);
        return { status: 204 };
      }
    }
    m = /^\/users\/([^/]+)\/onlineMeetings$/.exec(path);
    if (m && req.method === 'GET') {
      if (!this.accessPolicyGranted) return this.error(403, 'Forbidden', 'No application access policy found for this app.');
      const filter = /^JoinWebUrl eq '((?:[^']|'')*)'$/.exec(req.query.get('$filter') ?? '');
      if (!filter) return this.problem("onlineMeetings needs $filter=JoinWebUrl eq '…'");
      const url = filter[1].replace(/''/g, "'");
      const ownerId = decodeURIComponent(m[1]);
      const found = [...this.meetings.values()].filter((x) => x.ownerId === ownerId && x.joinWebUrl === url);
      return { body: { value: found.map((x) => ({ id: x.id, joinWebUrl: x.joinWebUrl, subject: null })) } };
    }
    m = /^\/users\/([^/]+)\/onlineMeetings\/([^/]+)\/attendanceReports$/.exec(path);
    if (m && req.method === 'GET') {
      if (!this.accessPolicyGranted) return this.error(403, 'Forbidden', 'No application access policy found for this app.');
      const meeting = this.meetings.get(decodeURIComponent(m[2]));
      if (!meeting || meeting.ownerId !== decodeURIComponent(m[1])) return this.error(404, 'NotFound', 'Meeting not found');
      const reports = meeting.reports.map((r) => ({ id: r.id, totalParticipantCount: r.records.length, meetingStartDateTime: r.start, meetingEndDateTime: r.end }));
      return this.page(reports, req, path);
    }
    m = /^\/users\/([^/]+)\/onlineMeetings\/([^/]+)\/attendanceReports\/([^/]+)\/attendanceRecords$/.exec(path);
    if (m && req.method === 'GET') {
      if (!this.accessPolicyGranted) return this.error(403, 'Forbidden', 'No application access policy found for this app.');
      const meeting = this.meetings.get(decodeURIComponent(m[2]));
      const report = meeting?.reports.find((r) => r.id === decodeURIComponent(m![3]));
      if (!meeting || !report) return this.error(404, 'NotFound', 'Report not found');
      const records = report.records.map((r, i) => {
        const join = new Date(report.start);
        const intervals = r.intervals ?? [{ join: join.toISOString(), leave: new Date(join.getTime() + r.seconds * 1000).toISOString() }];
        return {
          id: r.email ?? r.id ?? `anonymous-${i}`,
          emailAddress: r.email ?? null,
          totalAttendanceInSeconds: r.seconds,
          role: r.role ?? 'Attendee',
          identity: { id: r.id ?? '', displayName: r.displayName ?? 'Someone', tenantId: r.tenantId ?? null },
          attendanceIntervals: intervals.map((x) => ({ joinDateTime: x.join, leaveDateTime: x.leave, durationInSeconds: Math.round((Date.parse(x.leave) - Date.parse(x.join)) / 1000) })),
        };
      });
      return this.page(records, req, path);
    }
    return undefined;
  }
}

const joinUrlFor = (meetingId: string) => `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${meetingId.slice(3, 23)}%40thread.v2/0?context=%7b%22Tid%22%3a%22fake%22%7d`;
