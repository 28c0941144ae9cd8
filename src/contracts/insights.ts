// A hub's insights as the API answers them (interfaces.md, "After the event"): exactly the
// computation's figures (src/domain/insights/insights.ts); the tab and the CSV show the same.
// Imports domain only; the tab imports these type-only.
import type { Insights } from '../domain/insights/insights.js';

/** GET /api/hubs/{hub}/insights */
export type InsightsJson = Omit<Insights, 'hub' | 'from' | 'to'>;

export function insightsJson(i: Insights): InsightsJson {
  return {
    events: i.events,
    placesOffered: i.placesOffered,
    booked: i.booked,
    fillRate: i.fillRate,
    waitlisted: i.waitlisted,
    attended: i.attended,
    noShowRate: i.noShowRate,
    feedbackReturnRate: i.feedbackReturnRate,
    ratingMean: i.ratingMean,
    cpdHoursByProfession: i.cpdHoursByProfession,
    channels: i.channels,
    facilitation: i.facilitation,
  };
}
