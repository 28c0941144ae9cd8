// Delivering one notice to one person, in domain terms: what the Teams edge must provide, and how a
// failed attempt is classified. The edge (src/teams/proactive.ts) maps connector errors to these.
import type { OutboundMessage } from '../ports.js';
import type { UserId } from '../people/person.js';

/**
 * - `throttled`: 429 — try again after `retryAfterMs` (from Retry-After), everyone in the process waits;
 * - `gone`: 403/404 — the person uninstalled the app, left, or never had it: recorded, never retried;
 * - `rejected`: the request itself is wrong (400, 413…): retrying cannot help;
 * - `transient`: 412, 5xx, network failures: retried with exponential backoff and jitter.
 */
export type DeliveryFailureKind = 'throttled' | 'gone' | 'rejected' | 'transient';

export class DeliveryError extends Error {
  constructor(
    readonly kind: DeliveryFailureKind,
    /** Short machine reason for records and logs (never message text or personal data). */
    readonly reason: string,
    readonly retryAfterMs?: number,
  ) {
    super(`delivery ${kind}: ${reason}`);
    this.name = 'DeliveryError';
  }
}

export const isDeliveryError = (e: unknown): e is DeliveryError => e instanceof DeliveryError;

/** Where a person can be reached: opaque to the core, except which tenant's limits apply. */
export interface PersonalConversation {
  tenantId: string;
  /** Identifies the conversation for per-conversation limits. */
  conversationId: string;
  reference: Record<string, unknown>;
}

export interface SendHooks {
  /** Called before every request to the connector (for pacing); may wait. */
  beforeRequest(tenantId: string, conversationId: string): Promise<void>;
  /**
   * Called immediately before the message itself is sent, after everything else is ready, so the
   * caller can record that the send is under way as close to the wire as possible. Throwing
   * cancels the send.
   */
  beforeSend(): Promise<void>;
  /**
   * Called synchronously at the last moment we control: the request is being handed to the HTTP
   * transport. Lets the caller note, crash-safely and cheaply, that this send may now reach Teams.
   * Throwing cancels the send.
   */
  onWire?(): void;
}

/** The Teams edge, as the notification worker needs it. */
export interface ProactiveSender {
  /** Finds (or, when only the user is known, opens) the 1:1 chat; null when there is no way to reach them. Throws DeliveryError. */
  reach(userId: UserId, hooks: Pick<SendHooks, 'beforeRequest'>): Promise<PersonalConversation | null>;
  /** Sends once (no hidden retries). Throws DeliveryError. */
  deliver(to: PersonalConversation, message: OutboundMessage, hooks: SendHooks, timeoutMs: number): Promise<void>;
}

/**
 * A notice's life: `pending` (recorded and queued) → `sending` (claimed by one worker, request under
 * way) → `sent`, or `failed` (gone, rejected or out of tries), or `skipped` (the person turned this
 * kind off). `unconfirmed` means a worker died after claiming it, while its request may already have
 * reached Teams: it is treated as delivered and never sent again (see notificationWorker.ts).
 */
export type NotificationStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'skipped' | 'unconfirmed';

export const FINAL_STATUSES: readonly NotificationStatus[] = ['sent', 'failed', 'skipped', 'unconfirmed'];
export const isFinal = (s: NotificationStatus) => FINAL_STATUSES.includes(s);
