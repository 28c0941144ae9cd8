// Who attended an online event, from Teams' attendance reports. Pure: the service reads the reports
// and the roster; this decides.
//
// - A record names a person by its `identity.id` (their Entra object id); a record without one that
//   matches (people from other organisations) is matched by its email address to someone who booked
//   with that address. Guests are matched only that way, and only when they booked.
// - Their time is summed over every report (someone who left and came back, or a meeting that was
//   started twice); at least ATTENDANCE_MIN_PERCENT of the event's length counts as attended.
// - Someone in the meeting who never booked is a walk-in: recorded (and credited, like anyone who
//   attended) when the app knows them and they are not a guest.
// - An organiser's own marking is never overruled (see seats.ts, "teams-attendance"): Teams then
//   only keeps the minutes.
import type { UserId } from '../people/person.js';
import type { RegistrationStatus } from './event.js';

/** One attendance record, as Graph gives it (identity.id, emailAddress, totalAttendanceInSeconds). */
export interface AttendanceRecordIn {
  userId?: string;
  email?: string;
  seconds: number;
}

/** Someone on the event's roster, with what matching needs. */
export interface RosterPerson {
  userId: UserId;
  status: RegistrationStatus;
  guest: boolean;
  email?: string;
}

/** What Teams says about one person. */
export interface AttendanceDecision {
  userId: UserId;
  seconds: number;
  minutes: number;
  attended: boolean;
  /** Not on the roster: a new walk-in row. */
  walkIn: boolean;
}

export interface AttendanceInput {
  records: AttendanceRecordIn[];
  roster: RosterPerson[];
  /** People the app knows who are not guests: who may be recorded as walk-ins. */
  knownMembers: ReadonlySet<UserId>;
  eventSeconds: number;
  minPercent: number;
}

export interface AttendanceResult {
  decisions: AttendanceDecision[];
  /** Records that named nobody the app could credit (unknown people, guests who did not book…). */
  unmatched: number;
}

const norm = (email: string | undefined) => (email ? email.trim().toLowerCase() : '');

export function decideAttendance(input: AttendanceInput): AttendanceResult {
  const byId = new Map(input.roster.filter((p) => !p.guest).map((p) => [p.userId.toLowerCase(), p]));
  const onRoster = new Set(input.roster.map((p) => p.userId.toLowerCase()));
  const byEmail = new Map<string, RosterPerson>();
  for (const p of input.roster) if (norm(p.email)) byEmail.set(norm(p.email), p);

  const seconds = new Map<UserId, number>();
  const walkIns = new Set<UserId>();
  let unmatched = 0;
  for (const r of input.records) {
    const secs = Number.isFinite(r.seconds) && r.seconds > 0 ? r.seconds : 0;
    const id = r.userId?.trim();
    let who: UserId | undefined = id ? byId.get(id.toLowerCase())?.userId : undefined;
    if (!who && norm(r.email)) who = byEmail.get(norm(r.email))?.userId;
    if (!who && id && !onRoster.has(id.toLowerCase()) && input.knownMembers.has(id)) {
      who = id;
      walkIns.add(id);
    }
    if (!who) {
      unmatched++;
      continue;
    }
    seconds.set(who, (seconds.get(who) ?? 0) + secs);
  }

  const needed = (Math.max(1, Math.min(100, input.minPercent)) / 100) * input.eventSeconds;
  const decide = (userId: UserId, walkIn: boolean): AttendanceDecision => {
    const s = seconds.get(userId) ?? 0;
    return { userId, seconds: s, minutes: Math.round(s / 60), attended: s > 0 && s >= needed, walkIn };
  };
  const decisions: AttendanceDecision[] = [];
  // Everyone booked hears from the report (absent from it = not there); others only if they came.
  for (const p of input.roster) if (p.status === 'booked' || seconds.has(p.userId)) decisions.push(decide(p.userId, false));
  for (const id of walkIns) {
    const d = decide(id, true);
    // Someone who looked in for a moment without booking is not recorded at all.
    if (d.attended) decisions.push(d);
  }
  return { decisions, unmatched };
}
