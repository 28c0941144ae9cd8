// Speaks the Bot Framework protocol to /api/messages the way Teams does: message and invoke
// activities from a person in a 1:1 chat, a group chat or a channel (with an @mention). Replies
// land in the FakeConnector given as the activities' serviceUrl.
import { randomUUID } from 'node:crypto';
import type { FakeConnector } from './fakeConnector.js';

export const TEST_TENANT = '72f988bf-0000-4000-8000-00000000c0de';
export const BOT_ACCOUNT = { id: '28:virtual-cafe-bot', name: 'Virtual Café' };

export type Scope = 'personal' | 'groupChat' | 'channel';

export interface TestPerson {
  id: string;
  name: string;
  tenantId?: string;
  userRole?: 'user' | 'guest';
}

export interface BotResponse {
  status: number;
  body: any;
}

export interface InvokeResult extends BotResponse {
  /** The card returned for an adaptiveCard/action (when the answer is a card). */
  card?: Record<string, unknown>;
}

export class BotClient {
  constructor(
    readonly appUrl: string,
    readonly connector: FakeConnector,
    /** Adds an Authorization header (BOT_ID mode). */
    private readonly token?: () => Promise<string>,
  ) {}

  conversationId(person: TestPerson, scope: Scope): string {
    if (scope === 'personal') return `a:personal-${person.id}`;
    if (scope === 'groupChat') return '19:group-chat-1@thread.v2';
    return '19:virtual-cafe-general@thread.tacv2;messageid=1700000000000';
  }

  activity(person: TestPerson, scope: Scope, fields: Record<string, unknown>): Record<string, unknown> {
    const tenantId = person.tenantId ?? TEST_TENANT;
    const conversation: Record<string, unknown> = { id: this.conversationId(person, scope), conversationType: scope, tenantId };
    const channelData: Record<string, unknown> = { tenant: { id: tenantId } };
    if (scope !== 'personal') conversation.isGroup = true;
    if (scope === 'channel') {
      Object.assign(channelData, {
        teamsChannelId: '19:virtual-cafe-general@thread.tacv2',
        teamsTeamId: '19:virtual-cafe-team@thread.tacv2',
        channel: { id: '19:virtual-cafe-general@thread.tacv2' },
        team: { id: '19:virtual-cafe-team@thread.tacv2' },
      });
    }
    return {
      id: randomUUID(),
      timestamp: new Date().toISOString(),
      serviceUrl: this.connector.url,
      channelId: 'msteams',
      from: { id: `29:${person.id}`, name: person.name, aadObjectId: person.id, ...(person.userRole ? { userRole: person.userRole } : {}) },
      conversation,
      recipient: BOT_ACCOUNT,
      locale: 'en-GB',
      channelData,
      ...fields,
    };
  }

  async post(activity: unknown, headers: Record<string, string> = {}): Promise<BotResponse> {
    const h: Record<string, string> = { 'content-type': 'application/json', ...headers };
    if (this.token && !('authorization' in h)) h.authorization = `Bearer ${await this.token()}`;
    const res = await fetch(`${this.appUrl}/api/messages`, { method: 'POST', headers: h, body: typeof activity === 'string' ? activity : JSON.stringify(activity) });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON */
    }
    return { status: res.status, body };
  }

  /** A chat message; in a channel the text is prefixed with the bot's @mention as Teams does. */
  async message(person: TestPerson, text: string, scope: Scope = 'personal'): Promise<BotResponse> {
    const mention = `<at>${BOT_ACCOUNT.name}</at>`;
    const fields: Record<string, unknown> = { type: 'message', text, textFormat: 'plain' };
    if (scope !== 'personal') {
      fields.text = `${mention} ${text}`;
      fields.entities = [{ type: 'mention', text: mention, mentioned: BOT_ACCOUNT }];
    }
    return this.post(this.activity(person, scope, fields));
  }

  /** A Universal Action (Action.Execute) from a card. */
  async invoke(person: TestPerson, verb: string, data: unknown = {}, scope: Scope = 'personal'): Promise<InvokeResult> {
    const res = await this.post(
      this.activity(person, scope, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' } }),
    );
    const card = res.body?.type === 'application/vnd.microsoft.card.adaptive' ? (res.body.value as Record<string, unknown>) : undefined;
    if (card) this.connector.returnedCards.push(card);
    return { ...res, card };
  }

  /** Cards in a message extension answer go to the root hooks' card checks like any other. */
  private keepCards(body: any): void {
    for (const a of body?.composeExtension?.attachments ?? []) {
      if (a?.contentType === 'application/vnd.microsoft.card.adaptive' && a.content) this.connector.returnedCards.push(a.content);
    }
  }

  /** A message extension search (composeExtension/query) from a chat's compose box, as Teams sends it. */
  async extensionQuery(person: TestPerson, commandId: string, query: unknown, options: { scope?: Scope; skip?: number; count?: number; initialRun?: boolean } = {}): Promise<BotResponse> {
    const parameters = options.initialRun ? [{ name: 'initialRun', value: 'true' }] : [{ name: 'query', value: query }];
    const res = await this.post(
      this.activity(person, options.scope ?? 'groupChat', {
        type: 'invoke',
        name: 'composeExtension/query',
        value: { commandId, parameters, queryOptions: { skip: options.skip ?? 0, count: options.count ?? 25 } },
      }),
    );
    this.keepCards(res.body);
    return res;
  }

  /** A link pasted into a compose box (composeExtension/queryLink). */
  async queryLink(person: TestPerson, url: unknown, scope: Scope = 'groupChat'): Promise<BotResponse> {
    const res = await this.post(this.activity(person, scope, { type: 'invoke', name: 'composeExtension/queryLink', value: { url } }));
    this.keepCards(res.body);
    return res;
  }

  /** A card's typeahead asking for choices (application/search, Data.Query). */
  async search(person: TestPerson, queryText: unknown, dataset: unknown = 'people', queryOptions: Record<string, unknown> = { skip: 0, top: 15 }, scope: Scope = 'personal'): Promise<BotResponse> {
    return this.post(this.activity(person, scope, { type: 'invoke', name: 'application/search', value: { queryText, dataset, queryOptions } }));
  }

  /** Replies the bot sent into this person's conversation since `since` (index into connector.sent). */
  repliesTo(person: TestPerson, scope: Scope = 'personal', since = 0) {
    const id = this.conversationId(person, scope);
    return this.connector.sent.slice(since).filter((s) => s.conversationId === id);
  }

  /** The cards among the replies. */
  cardsTo(person: TestPerson, scope: Scope = 'personal', since = 0): Record<string, unknown>[] {
    return this.repliesTo(person, scope, since).flatMap((s) => (s.activity.attachments ?? []).map((a) => a.content));
  }
}

/** All text in a card (TextBlocks, facts, inputs' labels, action titles), for assertions. */
export function cardText(card: unknown): string {
  const parts: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (typeof v === 'string' && ['text', 'title', 'value', 'label', 'placeholder', 'fallbackText'].includes(k)) parts.push(v);
        else walk(v);
      }
    }
  };
  walk(card);
  return parts.join('\n');
}

/** Every Action.Execute verb a card carries (body and actions, nested). */
export function cardVerbs(card: unknown): string[] {
  const verbs: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'Action.Execute' && typeof o.verb === 'string') verbs.push(o.verb);
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return verbs;
}
