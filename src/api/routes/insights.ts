// Hub insights (interfaces.md, "After the event"): that hub's coordinators, over a period, as
// JSON or CSV — both from the one computation.
import type { Server } from 'restify';
import type { Services } from '../../composition/index.js';
import type { Authenticator } from '../auth.js';
import { route } from '../http.js';
import { insightsJson, type InsightsJson } from '../../contracts/insights.js';
import { insightsCsv } from '../../cards/insights/csv.js';
import { invalid } from '../../domain/errors.js';

export function registerInsightsRoutes(server: Server, services: Services, auth: Authenticator): void {
  server.get(
    '/api/hubs/:hub/insights',
    route(services, auth, async ({ actor, params, query }) => {
      const format = query.format ?? 'json';
      if (format !== 'json' && format !== 'csv') throw invalid('format must be json or csv.', { field: 'format' });
      const insights = await services.insights.insights(actor, params.hub, { from: query.from, to: query.to });
      if (format === 'csv') return { text: { contentType: 'text/csv; charset=utf-8', content: insightsCsv(insights), filename: `insights-${insights.hub}.csv` } };
      return { body: insightsJson(insights) satisfies InsightsJson };
    }),
  );
}
