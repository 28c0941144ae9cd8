// The words about an event's Teams meeting: what the organiser is told when Graph could not make,
// change or remove it (kept on the event, shown on its card and page and in the API's
// `meeting.message`), and the lines cards show about the meeting and its attendance report.
import type { MeetingFailureKind, MeetingWork } from '../../domain/events/meeting.js';
import type { EventView, MeetingJson } from '../../contracts/events.js';
import { formatLondonDate, formatLondonTime } from '../../domain/time/london.js';

const ADMIN_STEPS = 'docs/deploy.md, step 5';
const BY_HAND = 'Meanwhile you can paste a meeting link by hand.';

const doing: Record<MeetingWork, string> = {
  create: 'create the Teams meeting',
  link: 'get the Teams meeting’s joining link',
  update: 'update the Teams meeting in the organiser’s calendar',
  delete: 'remove the Teams meeting from the organiser’s calendar',
};

function why(kind: MeetingFailureKind, status?: number): string {
  switch (kind) {
    case 'throttled':
      return `Microsoft Teams is busy just now${status ? ` (${status})` : ''}`;
    case 'timeout':
      return 'Microsoft Teams did not answer in time';
    case 'unavailable':
      return `Microsoft Teams had a problem${status ? ` (${status})` : ''}`;
    default:
      return `Microsoft Teams said no${status ? ` (${status})` : ''}`;
  }
}

const at = (d: Date) => `${formatLondonTime(d)} on ${formatLondonDate(d)}`;

export const meetingWords = {
  /** A try failed and another is due. */
  retrying(work: MeetingWork, kind: MeetingFailureKind, status: number | undefined, retryAt: Date): string {
    return `${why(kind, status)}, so the app could not ${doing[work]} yet. It tries again at ${at(retryAt)} (UK time).${work === 'create' || work === 'link' ? ` ${BY_HAND}` : ''}`;
  },
  /** Graph refused (403/401): only an administrator can change that. */
  forbidden(work: MeetingWork, status?: number): string {
    return (
      `Microsoft Graph refused to let the app ${doing[work]}${status ? ` (${status})` : ''}. An administrator must grant the app the ` +
      `Calendars.ReadWrite application permission, and for attendance OnlineMeetings.Read.All, OnlineMeetingArtifact.Read.All and a Teams ` +
      `application access policy covering the organiser (${ADMIN_STEPS}).${work === 'create' ? ` ${BY_HAND}` : ''}`
    );
  },
  /** Graph found no mailbox (404). */
  notFound(work: MeetingWork): string {
    if (work === 'delete') return 'The Teams meeting was already gone from the organiser’s calendar.';
    return (
      `Microsoft Graph could not find the organiser’s calendar (404), so the app could not ${doing[work]}. The organiser needs an Exchange Online ` +
      `mailbox with Microsoft Teams in this organisation; an administrator can check it (${ADMIN_STEPS}).${work === 'create' ? ` ${BY_HAND}` : ''}`
    );
  },
  /** Any other refusal (a 400, say). */
  refused(work: MeetingWork, status?: number): string {
    return `Microsoft Teams would not let the app ${doing[work]}${status ? ` (${status})` : ''}.${work === 'create' ? ` ${BY_HAND}` : ''}`;
  },
  /** The retries ran out. */
  gaveUp(work: MeetingWork, tries: number, kind: MeetingFailureKind, status?: number): string {
    const last = `${why(kind, status)} on each of ${tries} tries`;
    if (work === 'create' || work === 'link') return `${last}, so there is no Teams meeting. Paste a meeting link by hand, or tick “Teams meeting” and save the event again to try again.`;
    if (work === 'update') return `${last}, so the Teams meeting in the organiser’s calendar still shows the old details. Change it there, or save the event again to try again.`;
    return `${last}, so the Teams meeting is still in the organiser’s calendar. Remove it there.`;
  },
  noOrganiser: 'The event’s organiser is no longer known to the app, so it cannot keep a Teams meeting in their calendar. Paste a meeting link by hand.',
  offline: 'Teams meetings are not set up on this server (Microsoft Graph is off), so no Teams meeting was made. Paste a meeting link by hand.',

  attendanceForbidden: (status?: number) =>
    `Teams’ attendance report could not be read${status ? ` (${status})` : ''}: an administrator must grant the app OnlineMeetings.Read.All and ` +
    `OnlineMeetingArtifact.Read.All and a Teams application access policy covering the organiser (${ADMIN_STEPS}). Mark attendance by hand meanwhile.`,
  attendanceNoMeeting: 'Teams could not find this meeting among the organiser’s meetings, so attendance cannot be read from it. Mark attendance by hand.',
  attendanceNoReport: 'Teams has no attendance report for this meeting yet; the app looks again a day after the event.',
  attendanceRefused: (status?: number) => `Teams would not give the attendance report${status ? ` (${status})` : ''}. Mark attendance by hand.`,
};

/** The line a card shows about the meeting (organisers see what went wrong too). */
export function meetingLine(v: Pick<EventView, 'teamsMeeting' | 'canManage' | 'status'> & { meeting: MeetingJson }): { text: string; color: string } | null {
  if (v.status === 'cancelled') return null;
  const m = v.meeting;
  if (m.status === 'created') return v.canManage && m.message ? { text: `Teams meeting: ${m.message}`, color: 'Warning' } : null;
  if (!v.teamsMeeting) return null;
  if (m.status === 'pending') return { text: v.canManage && m.message ? `Teams meeting being set up. ${m.message}` : 'The Teams meeting is being set up; its joining link follows.', color: 'Accent' };
  if (m.status === 'failed') return v.canManage ? { text: `No Teams meeting yet. ${m.message ?? ''}`.trim(), color: 'Attention' } : null;
  return null;
}

/** What the roster says about Teams' attendance report. */
export function teamsAttendanceLine(t: { readAt?: string; message?: string } | null): string | null {
  if (!t) return null;
  if (t.message) return t.message;
  if (t.readAt) return `Attendance from the Teams meeting, read at ${formatLondonTime(new Date(t.readAt))} on ${formatLondonDate(new Date(t.readAt))}. Your own marks always stand.`;
  return 'Attendance is read from the Teams meeting after the event; your own marks always stand.';
}
