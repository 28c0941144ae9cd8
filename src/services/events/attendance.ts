// Reading an online event's attendance from Teams: ATTENDANCE_AFTER after the end, and again a day
// later (reports can come late), the job "event.attendance.read" finds the meeting by its join URL
// among the organiser's meetings, reads every attendance report and record, decides who attended
// (domain/events/attendance.ts) and records it on the roster — organisers' own marks stand. Both
// reads work from all the reports there are, so the second only adds what the first could not see.
import type { Config } from '../../config.js';
import type { Logger } from '../../logging.js';
import type { Clock } from '../../domain/ports.js';
import type { EventRepository, OnlineMeetings } from '../../domain/events/ports.js';
import type { UserId } from '../../domain/people/person.js';
import { decideAttendance } from '../../domain/events/attendance.js';
import { isRetryable, MeetingCallError } from '../../domain/events/meeting.js';
import { meetingWords } from '../../cards/events/meeting.js';
import type { PeopleService } from '../people.js';
import type { EventsService } from './eventsService.js';
import type { AttendanceRead } from './keys.js';


export interface TeamsAttendanceDeps {
  config: Pick<Config, 'attendanceMinPercent'>;
  clock: Clock;
  logger: Logger;
  graph: OnlineMeetings;
  repo: Pick<EventRepository, 'get' | 'registrations'>;
  people: Pick<PeopleService, 'details' | 'recordEmail'>;
  events: Pick<EventsService, 'recordTeamsAttendance' | 'recordMeeting'>;
}

export interface AttendanceReadResult {
  read: boolean;
  reports: number;
  attended: number;
  unmatched: number;
}

const NOT_READ: AttendanceReadResult = { read: false, reports: 0, attended: 0, unmatched: 0 };

export class TeamsAttendance {
  constructor(private readonly d: TeamsAttendanceDeps) {}

  /**
   * One read. Throws only for what a retry can fix (Graph busy or down, storage), so the job tries
   * again; anything a person must fix is recorded on the event in words instead.
   */
  async read(eventId: string, which: AttendanceRead, setForEnd?: Date): Promise<AttendanceReadResult> {
    const stored = await this.d.repo.get(eventId);
    if (!stored || stored.event.status !== 'scheduled' || !this.d.graph.live) return NOT_READ;
    const e = stored.event;
    // Set for an end the event no longer has: moving it set new reads.
    if (setForEnd && setForEnd.getTime() !== e.end.getTime()) {
      this.d.logger.info({ eventId, which }, 'attendance read skipped: the event moved');
      return NOT_READ;
    }
    if (this.d.clock.now() < e.end) return NOT_READ;
    const ownerId = e.meeting.ownerId || e.organiserId;
    const joinUrl = e.meeting.joinUrl || e.onlineMeetingUrl;
    if (!ownerId || !joinUrl) return NOT_READ;

    const now = () => this.d.clock.now();
    let meetingId = e.meeting.onlineMeetingId;
    let found: Awaited<ReturnType<OnlineMeetings['attendance']>>;
    try {
      meetingId ??= (await this.d.graph.findMeetingId(ownerId, joinUrl)) ?? undefined;
      if (!meetingId) {
        await this.d.events.recordMeeting(eventId, { kind: 'attendance-read', at: now(), message: meetingWords.attendanceNoMeeting });
        return NOT_READ;
      }
      found = await this.d.graph.attendance(ownerId, meetingId);
    } catch (err) {
      if (!(err instanceof MeetingCallError) || isRetryable(err.kind)) throw err;
      const message = err.kind === 'forbidden' || err.kind === 'delegation' ? meetingWords.attendanceForbidden(err.status) : err.kind === 'not-found' ? meetingWords.attendanceNoMeeting : meetingWords.attendanceRefused(err.status);
      this.d.logger.warn({ eventId, which, kind: err.kind, status: err.status }, 'teams attendance could not be read');
      await this.d.events.recordMeeting(eventId, { kind: 'attendance-read', at: now(), onlineMeetingId: meetingId, message });
      return NOT_READ;
    }
    if (found.reports === 0) {
      await this.d.events.recordMeeting(eventId, { kind: 'attendance-read', at: now(), onlineMeetingId: meetingId, message: meetingWords.attendanceNoReport });
      return { ...NOT_READ, read: true };
    }

    const regs = await this.d.repo.registrations(eventId);
    const onRoster = new Set(regs.map((r) => r.userId.toLowerCase()));
    const strangers = [...new Set(found.records.map((r) => r.userId).filter((id): id is string => !!id && !onRoster.has(id.toLowerCase())))];
    const details = await this.d.people.details([...regs.map((r) => r.userId), ...strangers]);
    const roster = regs.map((r) => ({ userId: r.userId, status: r.status, guest: details.get(r.userId)?.guest ?? false, email: details.get(r.userId)?.email }));
    // Walk-ins: people the app knows, in this organisation.
    const knownMembers = new Set(strangers.filter((id) => details.get(id)?.known && !details.get(id)?.guest));
    const { decisions, unmatched } = decideAttendance({
      records: found.records,
      roster,
      knownMembers,
      eventSeconds: (e.end.getTime() - e.start.getTime()) / 1000,
      minPercent: this.d.config.attendanceMinPercent,
    });
    const names: Record<UserId, string> = {};
    for (const d of decisions) if (d.walkIn) names[d.userId] = details.get(d.userId)?.name ?? '';
    const attended = await this.d.events.recordTeamsAttendance(eventId, decisions, names);
    await this.d.events.recordMeeting(eventId, { kind: 'attendance-read', at: now(), onlineMeetingId: meetingId });
    await this.learnEmails(found.records, details);
    this.d.logger.info({ eventId, which, reports: found.reports, records: found.records.length, attended, walkIns: Object.keys(names).length, unmatched }, 'teams attendance read');
    return { read: true, reports: found.reports, attended, unmatched };
  }

  /** A record names someone the app knows by id, with the mailbox the app lacked: keep it. */
  private async learnEmails(records: { userId?: string; email?: string }[], details: Map<UserId, { known: boolean; guest: boolean; email?: string }>): Promise<void> {
    for (const r of records) {
      const d = r.userId ? details.get(r.userId) : undefined;
      if (r.userId && r.email && d?.known && !d.guest && !d.email) await this.d.people.recordEmail(r.userId, r.email).catch(() => false);
    }
  }
}
