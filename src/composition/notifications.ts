// Wires the notifications area: people's settings and the coordinators' delivery counts, on the
// records and monitor the background work (queues, workers) keeps.
import type { Clock, PersonalDataHolder } from '../domain/ports.js';
import type { DeliveryMonitor, NotificationRecords } from '../domain/notifications/ports.js';
import { NotificationService, notificationsDataHolder } from '../services/notifications.js';

/** What the notifications area offers the edges. */
export interface NotificationsArea {
  /** Notification settings and the coordinators' delivery counts. */
  notifications: NotificationService;
}

export function composeNotifications(d: { records: NotificationRecords; monitor: DeliveryMonitor; clock: Clock }): { area: NotificationsArea; dataHolder: PersonalDataHolder } {
  return { area: { notifications: new NotificationService(d) }, dataHolder: notificationsDataHolder(d.records) };
}
