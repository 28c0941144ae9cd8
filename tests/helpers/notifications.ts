// Helpers for notification tests: people the bot can reach (stored 1:1 references pointing at a
// fake connector), and waiting for records to settle.
import type { ConversationReferenceStore } from '../../src/domain/ports.js';
import type { FakeConnector } from './fakeConnector.js';
import { TEST_TENANT } from './botClient.js';

export const personalConversationId = (userId: string) => `a:${userId}`;

/** Stores the 1:1 conversation reference a person's first message to the bot would have left. */
export async function makeReachable(conversations: ConversationReferenceStore, connector: FakeConnector | string, userIds: readonly string[], concurrency = 16): Promise<void> {
  const serviceUrl = typeof connector === 'string' ? connector : connector.url;
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, userIds.length) }, async () => {
      while (next < userIds.length) {
        const userId = userIds[next++];
        await conversations.savePersonal(userId, {
          activityId: undefined,
          user: { id: `29:${userId}`, aadObjectId: userId },
          bot: { id: '28:virtual-cafe-bot', name: 'Virtual Café' },
          conversation: { id: personalConversationId(userId), conversationType: 'personal', tenantId: TEST_TENANT },
          channelId: 'msteams',
          serviceUrl,
        });
      }
    }),
  );
}

/** How many activities each conversation received. */
export function sendsByConversation(connector: FakeConnector): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of connector.sent) counts.set(s.conversationId, (counts.get(s.conversationId) ?? 0) + 1);
  return counts;
}

export async function eventually<T>(probe: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what} not met within ${timeoutMs} ms (last: ${JSON.stringify(value)?.slice(0, 300)})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
