// Microsoft Graph for online events (port OnlineMeetings): the organiser's calendar event with a
// Teams meeting — POST/PATCH/DELETE /users/{id}/events/{id} app-only, or /me/events on the
// organiser's own behalf — and its attendance: onlineMeetings by JoinWebUrl, attendanceReports,
// attendanceRecords (every page). Never a channel meeting: Teams keeps no attendance report for
// those. Each call is tried once; a failure says its kind (MeetingCallError) and the caller's job
// decides whether and when to try again, so a person never waits on Graph's Retry-After here.
import type { TokenCredential } from '@azure/identity';
import type { Config } from '../config.js';
import type { Logger } from '../logging.js';
import type { DelegatedAccess } from '../domain/ports.js';
import type { AttendanceRecordIn } from '../domain/events/attendance.js';
import { MeetingCallError } from '../domain/events/meeting.js';
import { offlineMeetings, type MeetingDetails, type OnlineMeetings } from '../domain/events/ports.js';
import { appGraphCredential, GRAPH_SCOPE } from './graphCredential.js';
import { retryAfterSeconds } from './graphApp.js';

export interface MeetingsGraphOptions {
  /** Longest wait for one Graph answer (a person may be waiting on the first try). */
  timeoutMs?: number;
  credential?: TokenCredential;
}

/** Pages followed at most, per list (a report of a very large meeting has many). */
const MAX_PAGES = 200;

interface Answer {
  status: number;
  body: Record<string, unknown> | null;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
/** Graph's dateTimeTimeZone, in UTC (the PLT event's instants, unambiguous across clock changes). */
const utc = (d: Date) => ({ dateTime: d.toISOString().replace(/Z$/, ''), timeZone: 'UTC' });

export class GraphOnlineMeetings implements OnlineMeetings {
  readonly live = true;
  private readonly credential: TokenCredential;
  private readonly timeoutMs: number;

  constructor(
    private readonly config: Pick<Config, 'graphBaseUrl' | 'graphClientSecret' | 'graphTenantId' | 'graphClientId' | 'azureAuthorityHost'>,
    private readonly logger: Logger,
    options: MeetingsGraphOptions = {},
  ) {
    this.credential = options.credential ?? appGraphCredential(config);
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  private mailbox(ownerId: string, as?: DelegatedAccess): string {
    return as ? '/me' : `/users/${encodeURIComponent(ownerId)}`;
  }

  private eventBody(d: MeetingDetails, creating: boolean): Record<string, unknown> {
    const body: Record<string, unknown> = { subject: d.subject, body: { contentType: 'text', content: d.body }, start: utc(d.start), end: utc(d.end) };
    if (creating) {
      // No attendees: each booked person gets their own invite from the app, so nobody is re-invited.
      Object.assign(body, { isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness', transactionId: d.transactionId, allowNewTimeProposals: false, responseRequested: false });
    }
    return body;
  }

  async createEvent(ownerId: string, details: MeetingDetails, as?: DelegatedAccess): Promise<{ graphEventId: string; joinUrl?: string }> {
    const res = await this.call('POST', `${this.mailbox(ownerId, as)}/events`, { body: this.eventBody(details, true), as, what: 'create event' });
    const id = str(res.body?.id);
    if (!id) throw new MeetingCallError('unavailable', 'Graph answered without an event id', res.status);
    return { graphEventId: id, joinUrl: joinUrlOf(res.body) };
  }

  async joinUrl(ownerId: string, graphEventId: string, as?: DelegatedAccess): Promise<string | undefined> {
    const res = await this.call('GET', `${this.mailbox(ownerId, as)}/events/${encodeURIComponent(graphEventId)}?$select=id,onlineMeeting`, { as, what: 'read event' });
    return joinUrlOf(res.body);
  }

  async updateEvent(ownerId: string, graphEventId: string, details: MeetingDetails, as?: DelegatedAccess): Promise<void> {
    await this.call('PATCH', `${this.mailbox(ownerId, as)}/events/${encodeURIComponent(graphEventId)}`, { body: this.eventBody(details, false), as, what: 'update event' });
  }

  async deleteEvent(ownerId: string, graphEventId: string, as?: DelegatedAccess): Promise<void> {
    try {
      await this.call('DELETE', `${this.mailbox(ownerId, as)}/events/${encodeURIComponent(graphEventId)}`, { as, what: 'delete event' });
    } catch (e) {
      if (!(e instanceof MeetingCallError && e.kind === 'not-found')) throw e;
    }
  }

  async findMeetingId(ownerId: string, joinUrl: string): Promise<string | null> {
    const filter = encodeURIComponent(`JoinWebUrl eq '${joinUrl.replace(/'/g, "''")}'`);
    const res = await this.call('GET', `/users/${encodeURIComponent(ownerId)}/onlineMeetings?$filter=${filter}`, { what: 'find meeting' });
    const first = Array.isArray(res.body?.value) ? (res.body.value[0] as Record<string, unknown> | undefined) : undefined;
    return str(first?.id) ?? null;
  }

  async attendance(ownerId: string, meetingId: string): Promise<{ reports: number; records: AttendanceRecordIn[] }> {
    const meeting = `/users/${encodeURIComponent(ownerId)}/onlineMeetings/${encodeURIComponent(meetingId)}`;
    const reports = await this.all(`${meeting}/attendanceReports`, 'list attendance reports');
    const records: AttendanceRecordIn[] = [];
    for (const report of reports) {
      const reportId = str(report.id);
      if (!reportId) continue;
      for (const r of await this.all(`${meeting}/attendanceReports/${encodeURIComponent(reportId)}/attendanceRecords`, 'list attendance records')) {
        const identity = (r.identity ?? {}) as Record<string, unknown>;
        const seconds = Number(r.totalAttendanceInSeconds);
        records.push({ userId: str(identity.id), email: str(r.emailAddress), seconds: Number.isFinite(seconds) && seconds > 0 ? seconds : 0 });
      }
    }
    return { reports: reports.length, records };
  }

  /** Every item of a list, following @odata.nextLink — only ever back to GRAPH_BASE_URL. */
  private async all(path: string, what: string): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let next: string | undefined = path;
    for (let page = 0; next && page < MAX_PAGES; page++) {
      const res: Answer = await this.call('GET', next, { what });
      if (Array.isArray(res.body?.value)) items.push(...(res.body.value as Record<string, unknown>[]).filter((x) => x && typeof x === 'object'));
      const link = str(res.body?.['@odata.nextLink']);
      next = link && link.startsWith(`${this.config.graphBaseUrl}/`) ? link : undefined;
      if (link && !next) this.logger.warn({ what }, 'graph nextLink outside GRAPH_BASE_URL ignored');
    }
    return items;
  }

  private async token(as?: DelegatedAccess): Promise<string> {
    try {
      if (as) return await as.token([GRAPH_SCOPE]);
      const token = await this.credential.getToken(GRAPH_SCOPE);
      if (!token?.token) throw new Error('empty token');
      return token.token;
    } catch (e) {
      this.logger.warn({ delegated: !!as, err: e instanceof Error ? e.name : 'error' }, 'graph token failed');
      // On someone's behalf: consent or an expired sign-in (the app-only path may still work).
      throw new MeetingCallError(as ? 'delegation' : 'unavailable', 'The app could not sign in to Microsoft Graph.');
    }
  }

  /** One request; anything but success throws a MeetingCallError of the right kind. */
  private async call(method: string, pathOrUrl: string, options: { body?: unknown; as?: DelegatedAccess; what: string }): Promise<Answer> {
    const token = await this.token(options.as);
    const url = pathOrUrl.startsWith('http') ? pathOrUrl : `${this.config.graphBaseUrl}${pathOrUrl}`;
    let res: Response;
    try {
      res = await fetch(url, {
        method,
        headers: { authorization: `Bearer ${token}`, accept: 'application/json', ...(options.body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (e) {
      const timedOut = e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
      this.logger.warn({ what: options.what, timedOut }, 'graph unreachable');
      throw new MeetingCallError(timedOut ? 'timeout' : 'unavailable', 'Microsoft Graph could not be reached.');
    }
    let body: Record<string, unknown> | null = null;
    try {
      const text = await res.text();
      body = text ? (JSON.parse(text) as Record<string, unknown>) : null;
    } catch (e) {
      if (e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError')) throw new MeetingCallError('timeout', 'Microsoft Graph did not finish answering.');
      body = null;
    }
    if (res.ok) return { status: res.status, body };
    const error = (body?.error ?? {}) as { code?: unknown };
    this.logger.warn({ what: options.what, status: res.status, code: String(error.code ?? '').slice(0, 80) }, 'graph call refused');
    const retryAfter = retryAfterSeconds(res.headers.get('retry-after'));
    if (res.status === 429) throw new MeetingCallError('throttled', 'Microsoft Graph is throttling.', res.status, retryAfter);
    if (res.status >= 500) throw new MeetingCallError('unavailable', 'Microsoft Graph had a problem.', res.status, retryAfter);
    if (res.status === 401 || res.status === 403) throw new MeetingCallError('forbidden', 'Microsoft Graph refused.', res.status);
    if (res.status === 404) throw new MeetingCallError('not-found', 'Microsoft Graph found nothing there.', res.status);
    throw new MeetingCallError('refused', 'Microsoft Graph would not do it.', res.status);
  }
}

function joinUrlOf(body: Record<string, unknown> | null): string | undefined {
  const meeting = body?.onlineMeeting as Record<string, unknown> | null | undefined;
  const url = str(meeting?.joinUrl);
  return url && /^https:\/\//i.test(url) ? url : undefined;
}

/** GRAPH_MODE=app → Graph; off → no Teams meetings. */
export function createOnlineMeetings(config: Config, logger: Logger, options?: MeetingsGraphOptions): OnlineMeetings {
  return config.graphMode === 'app' ? new GraphOnlineMeetings(config, logger, options) : offlineMeetings;
}
