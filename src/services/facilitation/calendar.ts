// "Add to calendar" for a facilitated session: one iCalendar document per person and request,
// behind an unguessable token. The same UID throughout; SEQUENCE follows the request, so a
// withdrawal or cancellation replaces what the calendar holds (METHOD:CANCEL). RFC 5546: the lead
// runs the session (ORGANIZER), the copy's owner is the ATTENDEE; mailboxes as for event invites.
import { buildCalendar, type IcsMethod } from '../../domain/calendar/ics.js';
import { attendee, organizer } from '../calendarAddresses.js';
import { FORMAT_NAMES } from '../../domain/facilitation/facilitator.js';
import type { FacilitationDeps } from './deps.js';
import { nameOf } from '../../contracts/facilitation.js';

export async function facilitationCalendar(deps: Pick<FacilitationDeps, 'store' | 'channels' | 'people' | 'config'>, token: string): Promise<string | null> {
  const ref = await deps.store.calendarToken(token);
  if (!ref) return null;
  const stored = await deps.store.get(ref.requestId);
  if (!stored) return null;
  const r = stored.request;
  if (!r.calendarTokens.some((t) => t.token === token && t.userId === ref.userId)) return null;
  const s = deps;
  const [channel, names, contacts] = await Promise.all([
    s.channels.get(r.channelId),
    s.people.names([r.leadId, r.facilitatorId ?? ''].filter(Boolean)),
    s.people.contacts([r.leadId, ref.userId].filter(Boolean)),
  ]);
  const channelName = channel?.name ?? 'Virtual Café';
  const isLead = ref.userId === r.leadId;

  let method: IcsMethod = 'REQUEST';
  let status: 'CONFIRMED' | 'TENTATIVE' = 'CONFIRMED';
  if (r.status === 'cancelled') method = 'CANCEL';
  else if (!isLead && !(r.status === 'confirmed' && r.facilitatorId === ref.userId)) method = 'CANCEL';
  else if (isLead && r.status !== 'confirmed') status = 'TENTATIVE';

  const facilitator = r.status === 'confirmed' ? nameOf(names, r.facilitatorId) : 'to be confirmed';
  const summary = isLead ? `${channelName} session — facilitator: ${facilitator}` : `Facilitating: ${channelName} session`;
  const description = [
    `Format: ${FORMAT_NAMES[r.format]}`,
    r.topic ? `Topic: ${r.topic}` : '',
    isLead ? `Facilitator: ${facilitator}` : `Lead: ${nameOf(names, r.leadId, 'a former member')}`,
    !isLead && r.notes ? `Notes: ${r.notes}` : '',
    'Arranged through the Kent & Medway Virtual Café.',
  ]
    .filter(Boolean)
    .join('\n');
  return buildCalendar(
    [
      {
        uid: `facilitation-${r.id}@virtual-cafe`,
        sequence: r.sequence,
        start: r.start,
        end: r.end,
        summary,
        description,
        status,
        stamp: r.updatedAt,
        categories: ['Facilitation'],
        organizer: organizer(s.config, contacts.get(r.leadId)?.name ?? 'Virtual Café', contacts.get(r.leadId)),
        attendees: [attendee(ref.userId, contacts.get(ref.userId))],
      },
    ],
    { method },
  );
}
