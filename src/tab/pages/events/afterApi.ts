// After the event, as the tab uses it (interfaces.md, "After the event"): feedback, the CPD record
// per regulator, certificates, a hub's insights. Types are the server's own (type-only).
import { apiBlob, apiFetch, qs } from '../../api';
import type { FeedbackSaved, FeedbackSummaryJson, MyFeedbackAnswer, SeriesFeedbackJson } from '../../../contracts/feedback';
import type { CpdRecordJson } from '../../../contracts/cpd';
import type { InsightsJson } from '../../../contracts/insights';

export type { CpdEntryJson, CpdPeriodJson, CpdRecordJson } from '../../../contracts/cpd';
export type { FeedbackAnswerJson, FeedbackSummaryJson, SeriesFeedbackJson } from '../../../contracts/feedback';
export type { InsightsJson } from '../../../contracts/insights';
export { CODE_THEMES, CODE_THEME_NAMES, RATING_WORDS, FEEDBACK_LIMITS } from '../../../domain/feedback/feedback';
export { REGULATORS, REGULATOR_NAMES, REGULATOR_SHORT, TARGET_WORDS, PERIOD_NAMES } from '../../../domain/cpd/regulators';

const eventPath = (id: string) => `/api/events/${encodeURIComponent(id)}`;

export interface CpdQuery {
  regulator?: string;
  revalidationDate?: string;
}

export const afterApi = {
  myFeedback: (eventId: string) => apiFetch<MyFeedbackAnswer>(`${eventPath(eventId)}/feedback/me`),
  giveFeedback: (eventId: string, body: Record<string, unknown>) => apiFetch<FeedbackSaved>(`${eventPath(eventId)}/feedback`, { method: 'POST', body }),
  feedbackResults: (eventId: string) => apiFetch<FeedbackSummaryJson>(`${eventPath(eventId)}/feedback`),
  seriesResults: (seriesId: string) => apiFetch<SeriesFeedbackJson>(`/api/series/${encodeURIComponent(seriesId)}/feedback`),
  cpd: (q: CpdQuery) => apiFetch<CpdRecordJson>(`/api/me/cpd${qs({ ...q })}`),
  cpdCsv: (q: CpdQuery) => apiFetch<string>(`/api/me/cpd${qs({ ...q, format: 'csv' })}`, { text: true }),
  cpdPdf: (q: CpdQuery) => apiBlob(`/api/me/cpd${qs({ ...q, format: 'pdf' })}`),
  certificatePdf: (certificateId: string) => apiBlob(`/api/me/certificates/${encodeURIComponent(certificateId)}.pdf`),
  insights: (hub: string, from: string, to: string) => apiFetch<InsightsJson>(`/api/hubs/${encodeURIComponent(hub)}/insights${qs({ from, to })}`),
  insightsCsv: (hub: string, from: string, to: string) => apiFetch<string>(`/api/hubs/${encodeURIComponent(hub)}/insights${qs({ from, to, format: 'csv' })}`, { text: true }),
};

/** 0.6667 → "66.7%"; nothing to divide by → "—". */
export const percent = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);
