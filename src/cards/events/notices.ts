// What people are told about their bookings without asking: promotion from the waitlist, an
// event cancelled or moved, reminders (the keys that make each once-only: services/events/keys.ts).
import type { OutboundMessage } from '../../domain/ports.js';
import { eventCard, whenText, whereText } from './event.js';
import type { EventView } from '../../contracts/events.js';

export function promotedNotice(v: EventView, inviteUrl?: string): OutboundMessage {
  const text = `Good news: a place came up on “${v.title}” (${whenText(v)}) and you’re now booked. If you can no longer go, please cancel so the next person gets it.`;
  // `feed`: what the activity feed shows, for people who chose it (the worker sends it beside this).
  return { text, card: eventCard(v, { notice: 'A place came up: you’re booked.', inviteUrl }), feed: { activityType: 'placeOffered', eventId: v.id, title: v.title } };
}

export function cancelledNotice(v: EventView, reason?: string): OutboundMessage {
  const text = `“${v.title}” on ${whenText(v)} has been cancelled by the organiser.${reason ? ` Reason: ${reason}` : ''} Sorry for the change.`;
  return { text, card: eventCard(v, { notice: `This event has been cancelled.${reason ? ` Reason: ${reason}` : ''}` }) };
}

export function updatedNotice(v: EventView, inviteUrl?: string): OutboundMessage {
  const text = `“${v.title}” has changed: it is now ${whenText(v)}, ${whereText(v)}. Your place is kept.`;
  return { text, card: eventCard(v, { notice: 'The time or place of this event has changed.', inviteUrl }) };
}

export function reminderNotice(v: EventView, offsetMs: number, inviteUrl?: string): OutboundMessage {
  const soon = offsetMs === 86_400_000 ? 'tomorrow' : `in ${inWords(offsetMs)}`;
  const where = v.onlineMeetingUrl ? `online: ${v.onlineMeetingUrl}` : whereText(v);
  const text = `Reminder: “${v.title}” starts ${soon} — ${whenText(v)}, ${where}.`;
  return { text, card: eventCard(v, { notice: `Reminder: this starts ${soon}.`, inviteUrl }), feed: { activityType: 'eventReminder', eventId: v.id, title: v.title, when: soon } };
}

/** 3600000 → "1 hour", 5400000 → "90 minutes", 172800000 → "2 days". */
export function inWords(ms: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (ms % 86_400_000 === 0) return plural(ms / 86_400_000, 'day');
  if (ms % 3_600_000 === 0) return plural(ms / 3_600_000, 'hour');
  return plural(Math.round(ms / 60_000), 'minute');
}
