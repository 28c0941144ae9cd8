// The request form a channel lead fills in: channel, date, times (UK), format, topic, notes and
// whether they would like someone who knows the channel (layout: form.json).
import formTemplate from './form.json' with { type: 'json' };
import { renderCard, type CardJson } from '../render.js';
import { markForm } from '../forms.js';
import { Verbs } from '../verbs.js';
import { FORMAT_NAMES, FORMATS } from '../../domain/facilitation/facilitator.js';
import { toLondonIso } from '../../domain/time/london.js';

export interface RequestFormInput {
  channels: { id: string; name: string }[];
  channelId?: string;
  /** Earliest date the picker offers (YYYY-MM-DD, today in London). */
  minDate: string;
  formats: { value: string; title: string }[];
  error?: string;
  /** Values to show again after an error. */
  values?: Partial<Record<'date' | 'startTime' | 'endTime' | 'format' | 'topic' | 'notes' | 'continuity', string>>;
}

export function facilitationRequestFormCard(input: RequestFormInput): CardJson {
  const v = input.values ?? {};
  return markForm(renderCard(
    formTemplate,
    {
      channels: input.channels,
      channelId: input.channelId ?? (input.channels.length === 1 ? input.channels[0].id : ''),
      minDate: input.minDate,
      formats: input.formats,
      error: input.error ?? '',
      date: v.date ?? '',
      startTime: v.startTime ?? '',
      endTime: v.endTime ?? '',
      format: v.format ?? 'observe',
      topic: v.topic ?? '',
      notes: v.notes ?? '',
      continuity: v.continuity === 'true' ? 'true' : 'false',
    },
    'Request a facilitator: choose the channel, date, start and end time, format, topic and notes.',
  ), Verbs.facilitationRequest);
}

export function requestFormCard(channels: readonly { id: string; name: string }[], now: Date, preselect?: string, error?: string, values?: Record<string, unknown>) {
  const text = (k: string) => (typeof values?.[k] === 'string' ? (values[k] as string).slice(0, 2000) : undefined);
  return facilitationRequestFormCard({
    channels: channels.map((c) => ({ id: c.id, name: c.name })),
    channelId: preselect,
    minDate: toLondonIso(now).slice(0, 10),
    formats: FORMATS.map((f) => ({ value: f, title: FORMAT_NAMES[f] })),
    error,
    values: values ? { date: text('date'), startTime: text('startTime'), endTime: text('endTime'), format: text('format'), topic: text('topic'), notes: text('notes'), continuity: text('continuity') } : undefined,
  });
}
