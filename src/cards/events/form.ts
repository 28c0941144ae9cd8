// The event form: create (with an optional weekly/monthly series) or edit. Times are entered as
// UK (Europe/London) wall-clock times; the server stores the instant.
import formTemplate from './form.json' with { type: 'json' };
import { renderCard, noTemplates, safe, type CardJson } from '../render.js';
import { CATEGORIES, CATEGORY_NAMES } from '../../domain/events/event.js';
import { HUB_NAMES, type Hub } from '../../domain/people/hubs.js';
import { PROFESSIONS, PROFESSION_NAMES } from '../../domain/people/professions.js';
import type { EventView } from '../../contracts/events.js';
import { DateTime } from 'luxon';
import { LONDON } from '../../domain/time/london.js';

/** The form's "no channel" choice (a choice needs a value). */
export const NO_CHANNEL = 'none';

export interface EventFormInput {
  /** Hubs the person may organise for. */
  hubs: Hub[];
  channels: { id: string; name: string }[];
  /** Editing this event (else creating). */
  event?: EventView;
  error?: string;
}

export function eventFormCard(input: EventFormInput): CardJson {
  const e = input.event;
  const local = (iso: string | undefined) => (iso ? DateTime.fromISO(iso).setZone(LONDON) : undefined);
  const start = local(e?.start);
  const end = local(e?.end);
  return noTemplates(renderCard(
    formTemplate,
    {
      heading: e ? `Edit: ${safe(e.title)}` : 'Create a PLT event',
      intro: e
        ? 'Change what you need and save. People booked are told if the time or place changes.'
        : 'Times are UK time. Give a venue, make it a Teams meeting (or give your own online link), or both. You can also create events in the Calendar tab or import many from CSV (“import events”).',
      error: input.error ?? '',
      title: safe(e?.title ?? ''),
      description: safe(e?.description ?? ''),
      category: e?.category ?? 'plt',
      hub: e?.hub ?? input.hubs[0] ?? '',
      professions: (e?.professions ?? []).join(','),
      channelId: e?.channelId ?? NO_CHANNEL,
      date: start?.toISODate() ?? '',
      startTime: start?.toFormat('HH:mm') ?? '',
      endTime: end?.toFormat('HH:mm') ?? '',
      location: safe(e?.location ?? ''),
      onlineMeetingUrl: e?.onlineMeetingUrl ?? '',
      teamsMeeting: e?.teamsMeeting ? 'true' : 'false',
      capacity: e?.capacity === null || e?.capacity === undefined ? '' : String(e.capacity),
      categories: CATEGORIES.map((value) => ({ value, title: CATEGORY_NAMES[value] })),
      hubs: input.hubs.map((value) => ({ value, title: HUB_NAMES[value] })),
      professionChoices: PROFESSIONS.map((value) => ({ value, title: PROFESSION_NAMES[value] })),
      channels: [{ value: NO_CHANNEL, title: 'No channel' }, ...input.channels.map((c) => ({ value: c.id, title: safe(c.name) }))],
      creating: !e,
      eventId: e?.id ?? '',
    },
    e ? `Edit ${e.title}` : 'Create a PLT event: title, category, hub, date, times, venue, Teams meeting or link, places.',
  ));
}
