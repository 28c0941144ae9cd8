// Activity feed notices through Microsoft Graph (app-only, TeamsActivity.Send): the notification
// worker's sender for kind `activity-feed`. One request per notice, no hidden retries, the same
// claim and journal hooks as chat sends; Graph's answers classified for the worker.
// POST /users/{id}/teamwork/sendActivityNotification with topic { source: text, value, webUrl } (a
// deep link to the event in the tab), activityType (manifest `activities`), previewText and the
// template's parameters. Graph needs the app installed for the person: 403/404 fail for good.
import type { Config } from '../config.js';
import type { OutboundMessage } from '../domain/ports.js';
import { DeliveryError, type PersonalConversation, type ProactiveSender, type SendHooks } from '../domain/notifications/delivery.js';
import { eventDeepLink } from '../domain/notifications/feed.js';
import { GraphUnavailable, type GraphAppClient } from './graphApp.js';

export class GraphActivityFeed implements ProactiveSender {
  constructor(
    private readonly config: Pick<Config, 'teamsAppId' | 'publicUrl' | 'homeTenantId'>,
    private readonly graph: GraphAppClient,
  ) {}

  /** Graph reaches anyone by id: the "conversation" only names the person for pacing. */
  async reach(userId: string): Promise<PersonalConversation> {
    return { tenantId: `graph:${this.config.homeTenantId || 'default'}`, conversationId: `feed:${userId}`, reference: { userId } };
  }

  async deliver(to: PersonalConversation, message: OutboundMessage, hooks: SendHooks, _timeoutMs: number): Promise<void> {
    const feed = message.feed;
    const userId = to.reference.userId;
    if (!feed || typeof userId !== 'string') throw new DeliveryError('rejected', 'not-a-feed-notice');
    await hooks.beforeRequest(to.tenantId, to.conversationId);
    await hooks.beforeSend();
    hooks.onWire?.();
    const webUrl = eventDeepLink({ teamsAppId: this.config.teamsAppId, publicUrl: this.config.publicUrl, eventId: feed.eventId, label: feed.title });
    const templateParameters = [{ name: 'eventTitle', value: feed.title.slice(0, 100) }];
    if (feed.activityType === 'eventReminder') templateParameters.push({ name: 'when', value: (feed.when ?? 'soon').slice(0, 60) });
    let answer;
    try {
      answer = await this.graph.call(
        'POST',
        `/users/${encodeURIComponent(userId)}/teamwork/sendActivityNotification`,
        { topic: { source: 'text', value: feed.title.slice(0, 100), webUrl }, activityType: feed.activityType, previewText: { content: message.text.slice(0, 150) }, templateParameters },
        { maxWaitMs: 0, maxAttempts: 1 },
      );
    } catch (e) {
      if (e instanceof GraphUnavailable) throw new DeliveryError('transient', `graph-${e.reason}`);
      throw e;
    }
    if (answer.status === 204 || answer.status === 200 || answer.status === 202) return;
    // Graph's limits are not the Bot Connector's: back off this notice without pausing every send.
    if (answer.status === 429 || answer.status >= 500) throw new DeliveryError('transient', `graph-http-${answer.status}`);
    if (answer.status === 403 || answer.status === 404) throw new DeliveryError('gone', `graph-http-${answer.status}`);
    throw new DeliveryError('rejected', `graph-http-${answer.status}`);
  }
}
