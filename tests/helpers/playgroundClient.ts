// Drives the Microsoft 365 Agents Playground the way its web page does: posts a message or a card
// action as the signed-in user and collects what the bot sent back over the page's WebSocket.
import WebSocket from 'ws';

export interface PlaygroundMessage {
  messageId: string;
  from: { id: string };
  text?: string;
  attachments?: { contentType: string; content: Record<string, unknown> }[];
}

export class PlaygroundClient {
  readonly received: PlaygroundMessage[] = [];
  private ws?: WebSocket;
  config!: { currentUser: { id: string; aadObjectId: string }; personalChat: { id: string } };

  constructor(readonly baseUrl: string) {}

  async connect(): Promise<void> {
    this.config = ((await (await fetch(`${this.baseUrl}/_internal/v1/config`)).json()) as { config: PlaygroundClient['config'] }).config;
    this.ws = new WebSocket(this.baseUrl.replace(/^http/, 'ws') + '/_ws_conversation/v1/conversations/stream');
    this.ws.on('message', (raw) => {
      try {
        const event = JSON.parse(raw.toString()) as { action?: string; message?: PlaygroundMessage };
        if (event.action === 'createMessage' && event.message) this.received.push(event.message);
      } catch {
        /* not ours */
      }
    });
    await new Promise<void>((resolve, reject) => {
      this.ws!.once('open', () => resolve());
      this.ws!.once('error', reject);
    });
  }

  close(): void {
    this.ws?.close();
  }

  /** Sends text in the personal chat; resolves with the bot's first reply after it. */
  async say(text: string, timeoutMs = 10_000): Promise<PlaygroundMessage> {
    const before = this.received.length;
    const res = await fetch(`${this.baseUrl}/_conversation/v1/conversations/${encodeURIComponent(this.config.personalChat.id)}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: { id: this.config.currentUser.id }, text, textFormat: 'plain' }),
    });
    if (!res.ok) throw new Error(`playground refused the message: ${res.status} ${await res.text()}`);
    return this.nextFromBot(before, timeoutMs);
  }

  /** Presses an Action.Execute button on a card the bot sent; answers the playground's invoke response. */
  async execute(onMessageId: string, verb: string, data: Record<string, unknown>): Promise<{ status: number; body: any }> {
    const res = await fetch(`${this.baseUrl}/_conversation/v1/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
        from: { id: this.config.currentUser.id },
        conversation: { id: this.config.personalChat.id },
        replyToId: onMessageId,
      }),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      /* text */
    }
    return { status: res.status, body };
  }

  async nextFromBot(after: number, timeoutMs = 10_000): Promise<PlaygroundMessage> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const reply = this.received.slice(after).find((m) => m.from.id !== this.config.currentUser.id);
      if (reply) return reply;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('no reply from the bot through the playground');
  }
}
