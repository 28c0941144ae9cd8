// What the notification use cases need from storage and from the background work.
import type { UserId } from '../people/person.js';
import type { NotificationStatus } from './delivery.js';
import type { NotificationPreferences } from './preferences.js';

export interface NotificationRecordSummary {
  key: string;
  kind: string;
  status: NotificationStatus;
  text?: string;
  createdAt: Date;
  sentAt?: Date;
  reason?: string;
}

/** A person's notification settings and the notices held for them. */
export interface NotificationRecords {
  getPreferences(userId: UserId): Promise<NotificationPreferences>;
  setPreferences(userId: UserId, changes: Partial<NotificationPreferences>, now: Date): Promise<NotificationPreferences>;
  listForUser(userId: UserId): Promise<NotificationRecordSummary[]>;
  eraseUser(userId: UserId): Promise<void>;
}

/** Counts for the coordinators: never who, never what. */
export interface DeliverySummary {
  /** Notices queued and not yet final (approximate: the queue's own count). */
  pending: number;
  /** In the last 30 days: given up (uninstalled, left, out of tries…). */
  failed: number;
  /** In the last 30 days: a worker died mid-send; treated as delivered, never resent. */
  unconfirmed: number;
  byKind: Record<string, { failed: number; unconfirmed: number }>;
  reasons: Record<string, number>;
  deadLettered: { notifications: number; jobs: number };
  jobs: { scheduled: number; failed: number };
  instances: number;
  since: string;
}

export interface DeliveryMonitor {
  summary(): Promise<DeliverySummary>;
}
