// Who calendar invites name, for events and facilitation alike (RFC 5546: ORGANIZER and ATTENDEE).
// Mailboxes come from sign-in tokens (PersonRecord.email). Someone with none on record gets a
// stable address that can never be delivered to (RFC 2606 `.invalid`) and gives nothing away; an
// organiser with none, the training hub's configured CALENDAR_MAILBOX (else the `.invalid` one).
import { createHash } from 'node:crypto';
import type { Config } from '../config.js';
import type { UserId } from '../domain/people/person.js';
import { UNKNOWN_MAILBOX, type IcsPerson } from '../domain/calendar/ics.js';
import type { Contact } from './people.js';

export const undeliverableMailbox = (userId: UserId): string => `person-${createHash('sha256').update(userId, 'utf8').digest('hex').slice(0, 20)}@people.virtual-cafe.invalid`;

export function attendee(userId: UserId, contact: Contact | undefined, fallbackName = ''): IcsPerson {
  return { name: contact?.name ?? fallbackName, email: contact?.email ?? undeliverableMailbox(userId) };
}

export function organizer(config: Pick<Config, 'calendarMailbox'>, name: string, contact?: Contact): IcsPerson {
  return { name, email: contact?.email ?? (config.calendarMailbox || UNKNOWN_MAILBOX) };
}
