// Conversation references for proactive messages. One row per person for their 1:1 chat
// (PartitionKey = userId), one per group chat or channel, and the service URL per tenant.
import type { TableClient } from '@azure/data-tables';
import type { ConversationReferenceStore } from '../domain/ports.js';
import { deleteIfPresent, getOrNull } from './etag.js';
import { encodeKey } from './keys.js';

interface RefEntity {
  reference: string;
}

export class TableConversationReferenceStore implements ConversationReferenceStore {
  /** Tenants whose service URL this instance has stored (it is the same for every turn from a tenant). */
  private readonly tenantUrls = new Map<string, string>();

  constructor(private readonly table: TableClient) {}

  private async put(pk: string, rk: string, reference: Record<string, unknown>) {
    await this.table.upsertEntity({ partitionKey: pk, rowKey: rk, reference: JSON.stringify(reference) }, 'Replace');
  }

  private async read(pk: string, rk: string): Promise<Record<string, unknown> | null> {
    const row = await getOrNull<RefEntity>(this.table, pk, rk);
    if (!row) return null;
    try {
      return JSON.parse(row.reference) as Record<string, unknown>;
    } catch {
      return null;
    }
  }

  savePersonal(userId: string, reference: Record<string, unknown>) {
    return this.put(encodeKey(userId), 'personal', reference);
  }

  getPersonal(userId: string) {
    return this.read(encodeKey(userId), 'personal');
  }

  saveConversation(conversationId: string, reference: Record<string, unknown>) {
    return this.put('conversation', encodeKey(conversationId), reference);
  }

  getConversation(conversationId: string) {
    return this.read('conversation', encodeKey(conversationId));
  }

  async saveTenantServiceUrl(tenantId: string, serviceUrl: string) {
    if (this.tenantUrls.get(tenantId) === serviceUrl) return;
    await this.table.upsertEntity({ partitionKey: 'tenant', rowKey: encodeKey(tenantId), serviceUrl }, 'Replace');
    if (this.tenantUrls.size >= 1000) this.tenantUrls.clear();
    this.tenantUrls.set(tenantId, serviceUrl);
  }

  async getTenantServiceUrl(tenantId: string) {
    const row = await getOrNull<{ serviceUrl: string }>(this.table, 'tenant', encodeKey(tenantId));
    return row?.serviceUrl ?? null;
  }

  async deletePersonal(userId: string) {
    await deleteIfPresent(this.table, encodeKey(userId), 'personal');
  }
}
