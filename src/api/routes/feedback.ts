// Feedback after an event (interfaces.md, "After the event"): an attendee answers (201; again
// replaces it) and reads their own answer; the event's organiser and the hub's coordinators see
// the results, per event and per series, with no names or ids.
import type { Server } from 'restify';
import type { Services } from '../../composition/index.js';
import type { Authenticator } from '../auth.js';
import { bodyObject, route } from '../http.js';
import { feedbackAnswerJson, type FeedbackSaved, type FeedbackSummaryJson, type MyFeedbackAnswer, type SeriesFeedbackJson } from '../../contracts/feedback.js';

export function registerFeedbackRoutes(server: Server, services: Services, auth: Authenticator): void {
  const feedback = services.feedback;

  server.post(
    '/api/events/:id/feedback',
    route(services, auth, async ({ actor, params, body }) => {
      const result = await feedback.answer(actor, params.id, bodyObject(body));
      return { status: 201, body: { ...feedbackAnswerJson(result.feedback), replaced: result.replaced } satisfies FeedbackSaved };
    }),
  );

  server.get('/api/events/:id/feedback', route(services, auth, async ({ actor, params }) => ({ body: (await feedback.summary(actor, params.id)) satisfies FeedbackSummaryJson })));

  server.get(
    '/api/events/:id/feedback/me',
    route(services, auth, async ({ actor, params }) => {
      const mine = await feedback.mine(actor, params.id);
      return { body: { feedback: mine ? feedbackAnswerJson(mine) : null } satisfies MyFeedbackAnswer };
    }),
  );

  server.get('/api/series/:seriesId/feedback', route(services, auth, async ({ actor, params }) => ({ body: (await feedback.seriesSummary(actor, params.seriesId)) satisfies SeriesFeedbackJson })));
}
