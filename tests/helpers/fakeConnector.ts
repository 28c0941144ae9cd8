// A local Bot Connector (REST API v3) that captures what the bot sends. Tests point activities'
// serviceUrl here. It can answer with errors on demand (e.g. 429 with Retry-After) and enforce a
// request rate like Teams' throttling.
import { randomUUID } from 'node:crypto';
import { startFakeServer, type FakeRequest, type FakeResponse, type RunningFake } from './httpServer.js';

export interface CapturedActivity {
  conversationId: string;
  /** The activity the bot sent (type, text, attachments, summary…). */
  activity: Record<string, unknown> & { type?: string; text?: string; attachments?: { contentType: string; content: Record<string, unknown> }[] };
  replyToId?: string;
  method: string;
  authorization?: string;
  at: number;
}

export interface CreatedConversation {
  id: string;
  members: { id: string }[];
  tenantId?: string;
}

export interface MemberInfo {
  id: string;
  name?: string;
  aadObjectId?: string;
  userRole?: 'user' | 'guest' | 'anonymous';
  tenantId?: string;
  email?: string;
  userPrincipalName?: string;
}

export class FakeConnector {
  /** Every connector alive in this run: the root hooks check the cards each one saw after every test. */
  static readonly live = new Set<FakeConnector>();
  readonly sent: CapturedActivity[] = [];
  /** Cards the bot answered invokes with (pushed by BotClient), checked like sent cards. */
  readonly returnedCards: Record<string, unknown>[] = [];
  /** How far the root hooks have checked `sent` and `returnedCards`. */
  checked = { sent: 0, returned: 0 };
  readonly created: CreatedConversation[] = [];
  readonly requests: { method: string; path: string; at: number }[] = [];
  readonly members = new Map<string, MemberInfo>();
  /** Called before the default behaviour; return a response to override (e.g. 429). */
  interceptor?: (req: FakeRequest) => FakeResponse | undefined;
  /** Called when an activity has been accepted (recorded), before the answer goes back. */
  onActivity?: (captured: CapturedActivity, req: FakeRequest) => void;
  private waiters: (() => void)[] = [];
  private server!: RunningFake;
  private rate?: { perSecond: number; windowStart: number; count: number; rejected: number };

  static async start(): Promise<FakeConnector> {
    const c = new FakeConnector();
    c.server = await startFakeServer((req) => c.handle(req));
    FakeConnector.live.add(c);
    return c;
  }

  get url(): string {
    return this.server.url;
  }

  /** Answer 429 (Retry-After: 1) to requests beyond `perSecond` in each one-second window. */
  limitRate(perSecond: number): void {
    this.rate = { perSecond, windowStart: Date.now(), count: 0, rejected: 0 };
  }

  get throttled(): number {
    return this.rate?.rejected ?? 0;
  }

  close(): Promise<void> {
    FakeConnector.live.delete(this);
    return this.server.close();
  }

  reset(): void {
    this.sent.length = 0;
    this.created.length = 0;
    this.requests.length = 0;
  }

  /** Activities sent into one conversation. */
  to(conversationId: string): CapturedActivity[] {
    return this.sent.filter((s) => s.conversationId === conversationId);
  }

  /** Adaptive Cards sent into a conversation (the card JSON). */
  cardsTo(conversationId: string): Record<string, unknown>[] {
    return this.to(conversationId).flatMap((s) => (s.activity.attachments ?? []).filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive').map((a) => a.content));
  }

  async waitFor(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`fake connector: condition not met within ${timeoutMs} ms (captured ${this.sent.length} activities)`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 50);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  private notify() {
    const w = this.waiters;
    this.waiters = [];
    w.forEach((f) => f());
  }

  private handle(req: FakeRequest): FakeResponse | undefined {
    this.requests.push({ method: req.method, path: req.path, at: Date.now() });
    const intercepted = this.interceptor?.(req);
    if (intercepted) return intercepted;
    if (this.rate) {
      const now = Date.now();
      if (now - this.rate.windowStart >= 1000) {
        this.rate.windowStart = now;
        this.rate.count = 0;
      }
      if (++this.rate.count > this.rate.perSecond) {
        this.rate.rejected++;
        return { status: 429, headers: { 'retry-after': '1' }, body: { error: { code: 'Throttled', message: 'Too many requests' } } };
      }
    }
    const auth = typeof req.headers.authorization === 'string' ? req.headers.authorization : undefined;
    let m = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(req.path);
    if (m && (req.method === 'POST' || req.method === 'PUT')) {
      const conversationId = decodeURIComponent(m[1]);
      const activity = (req.body ?? {}) as CapturedActivity['activity'];
      const captured: CapturedActivity = { conversationId, activity, replyToId: m[2] ? decodeURIComponent(m[2]) : undefined, method: req.method, authorization: auth, at: Date.now() };
      this.sent.push(captured);
      this.onActivity?.(captured, req);
      this.notify();
      return { status: 200, body: { id: randomUUID() } };
    }
    if (m && req.method === 'DELETE') return { status: 200, body: {} };
    if (req.path === '/v3/conversations' && req.method === 'POST') {
      const body = (req.body ?? {}) as { members?: { id: string }[]; tenantId?: string; channelData?: { tenant?: { id?: string } } };
      const members = body.members ?? [];
      const id = `a:1${members.map((x) => x.id).join('-')}`;
      this.created.push({ id, members, tenantId: body.tenantId ?? body.channelData?.tenant?.id });
      return { status: 201, body: { id, activityId: randomUUID() } };
    }
    m = /^\/v3\/conversations\/([^/]+)\/members\/([^/]+)$/.exec(req.path);
    if (m && req.method === 'GET') {
      const member = this.members.get(decodeURIComponent(m[2]));
      return member ? { status: 200, body: member } : { status: 404, body: { error: { code: 'MemberNotFoundInConversation', message: 'not found' } } };
    }
    m = /^\/v3\/conversations\/([^/]+)\/(pagedmembers|members)$/.exec(req.path);
    if (m && req.method === 'GET') {
      const members = [...this.members.values()];
      return { status: 200, body: m[2] === 'pagedmembers' ? { members } : members };
    }
    return undefined;
  }
}
