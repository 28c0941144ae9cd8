// Private calendar feed tokens. The person's row holds their current token (so "calendar" can
// show the same link again); the lookup row is keyed by the token's hash. A token counts only
// while both rows agree, so a replaced or revoked token stops working at once.
import { createHash } from 'node:crypto';
import type { TableClient } from '@azure/data-tables';
import type { CalendarFeedToken, CalendarTokenRepository } from '../domain/events/ports.js';
import { deleteIfPresent, getOrNull } from './etag.js';
import { encodeKey } from './keys.js';

const ROW = 'feed';
const userKey = (userId: string) => `u:${encodeKey(userId)}`;
const tokenKey = (token: string) => `t:${createHash('sha256').update(token).digest('hex')}`;

export class TableCalendarTokens implements CalendarTokenRepository {
  constructor(private readonly table: TableClient) {}

  async get(userId: string): Promise<CalendarFeedToken | null> {
    const row = await getOrNull<{ token: string; createdAt: Date }>(this.table, userKey(userId), ROW);
    return row ? { userId, token: row.token, createdAt: new Date(row.createdAt) } : null;
  }

  async issue(userId: string, token: string, now: Date): Promise<CalendarFeedToken> {
    const previous = await this.get(userId);
    // Lookup first: a crash in between leaves an unused lookup row, never a token that cannot be found.
    await this.table.upsertEntity({ partitionKey: tokenKey(token), rowKey: ROW, userId }, 'Replace');
    await this.table.upsertEntity({ partitionKey: userKey(userId), rowKey: ROW, token, createdAt: now }, 'Replace');
    if (previous && previous.token !== token) await deleteIfPresent(this.table, tokenKey(previous.token), ROW);
    return { userId, token, createdAt: now };
  }

  async revoke(userId: string): Promise<void> {
    const current = await this.get(userId);
    await deleteIfPresent(this.table, userKey(userId), ROW);
    if (current) await deleteIfPresent(this.table, tokenKey(current.token), ROW);
  }

  async userFor(token: string): Promise<string | null> {
    const lookup = await getOrNull<{ userId: string }>(this.table, tokenKey(token), ROW);
    if (!lookup) return null;
    const current = await this.get(lookup.userId);
    return current?.token === token ? lookup.userId : null;
  }
}
