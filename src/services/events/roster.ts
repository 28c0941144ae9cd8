// An event's roster lines as its organisers see them: the booked (in order of booking), the waiting
// (in queue order), then walk-ins (people in the Teams meeting without a place). Contact and work
// details are for organisers and coordinators; a guest's only for coordinators.
import type { StoredRegistration } from '../../domain/events/seats.js';
import type { RosterLine } from '../../contracts/events.js';
import type { PersonDetails } from '../people.js';

export function rosterLines(regs: StoredRegistration[], details: ReadonlyMap<string, PersonDetails>, options: { guestDetails: boolean }): RosterLine[] {
  const booked = regs.filter((r) => r.status === 'booked').sort((a, b) => (a.bookedAt ?? a.joinedAt).getTime() - (b.bookedAt ?? b.joinedAt).getTime());
  const waiting = regs.filter((r) => r.status === 'waitlisted').sort((a, b) => a.ticket - b.ticket);
  const walkIns = regs.filter((r) => r.status === 'walk-in').sort((a, b) => a.joinedAt.getTime() - b.joinedAt.getTime());
  const line = (r: StoredRegistration, position: number | null): RosterLine => {
    // Rows from before the source was kept were marked by an organiser.
    const source = r.attendanceSource ?? (r.attended ? 'organiser' : null);
    const d = details.get(r.userId);
    const shown = d && (!d.guest || options.guestDetails);
    return {
      userId: r.userId,
      name: r.name || d?.name || 'Unknown person',
      status: r.status,
      position,
      joinedAt: r.joinedAt.toISOString(),
      ...(r.bookedAt ? { bookedAt: r.bookedAt.toISOString() } : {}),
      attended: source ? r.attended : null,
      attendedMinutes: r.attendedMinutes ?? null,
      attendanceSource: source,
      ...(shown && d.email ? { email: d.email } : {}),
      ...(shown && d.profession ? { profession: d.profession } : {}),
      ...(shown && d.pcn ? { pcn: d.pcn } : {}),
      ...(shown && d.organisation ? { organisation: d.organisation } : {}),
    };
  };
  return [...booked.map((r) => line(r, null)), ...waiting.map((r, i) => line(r, i + 1)), ...walkIns.map((r) => line(r, null))];
}
