// Online events' Teams meetings in the background:
// - "event.meeting.sync": the Graph work for an event's Teams meeting that could not be done while
//   the organiser waited (Graph busy, down or slow), retried with backoff up to a bound
//   (EventsService.syncMeeting reschedules it or gives up, with words for the organiser); also
//   the safety net set before each first try, so a process that dies mid-way loses nothing.
// - "event.attendance.read": Teams' attendance report, ATTENDANCE_AFTER after the end and a day
//   later (TeamsAttendance.read). A throttled or failing Graph throws, and the job worker retries.
// Both are keyed per event (and read), so however many instances run, each runs once at a time.
import type { JobHandler } from '../domain/ports.js';
import type { Services } from '../composition/index.js';

export function meetingSyncJob(services: Services): JobHandler {
  return async (payload, job) => {
    const eventId = typeof payload.eventId === 'string' ? payload.eventId : '';
    if (!eventId) {
      services.logger.warn({ key: job.key }, 'meeting job with a bad payload; dropped');
      return;
    }
    await services.events.syncMeeting(eventId);
  };
}

export function attendanceReadJob(services: Services): JobHandler {
  return async (payload, job) => {
    const eventId = typeof payload.eventId === 'string' ? payload.eventId : '';
    const read = payload.read === 1 || payload.read === 2 ? payload.read : null;
    if (!eventId || !read) {
      services.logger.warn({ key: job.key }, 'attendance job with a bad payload; dropped');
      return;
    }
    const end = typeof payload.end === 'string' ? new Date(payload.end) : undefined;
    await services.teamsAttendance.read(eventId, read, end && !Number.isNaN(end.getTime()) ? end : undefined);
  };
}
