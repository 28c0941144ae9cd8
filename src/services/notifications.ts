// Notification use cases: a person's settings (which optional kinds they receive), the
// coordinators' delivery counts, the area's personal data, and a helper for fan-outs.
import type { Clock, Notifier, OutboundMessage, PersonalDataHolder } from '../domain/ports.js';
import type { Actor, UserId } from '../domain/people/person.js';
import type { DeliveryMonitor, DeliverySummary, NotificationRecords } from '../domain/notifications/ports.js';
import { readPreferenceChanges, type OptionalKind } from '../domain/notifications/preferences.js';
import { preferencesView, type PreferencesView } from '../contracts/notifications.js';
import { requireRole } from '../domain/people/authorisation.js';
import { invalid } from '../domain/errors.js';
import { runLimited } from '../domain/async.js';

export class NotificationService {
  constructor(
    private readonly deps: {
      records: NotificationRecords;
      monitor: DeliveryMonitor;
      clock: Clock;
    },
  ) {}

  async preferences(actor: Actor): Promise<PreferencesView> {
    return preferencesView(await this.deps.records.getPreferences(actor.id));
  }

  /** Saves the changes a card or the tab sent (each optional kind on/off); bad input changes nothing. */
  async savePreferences(actor: Actor, input: Record<string, unknown>): Promise<PreferencesView> {
    const changes = readPreferenceChanges(input);
    if (!Object.keys(changes).length) {
      if (input.facilitation !== undefined) return this.preferences(actor);
      throw invalid('Say which notifications to turn on or off: reminder, booking, feedback or channel.');
    }
    return preferencesView(await this.deps.records.setPreferences(actor.id, changes, this.deps.clock.now()));
  }

  async setPreference(actor: Actor, kind: OptionalKind, on: boolean): Promise<PreferencesView> {
    return preferencesView(await this.deps.records.setPreferences(actor.id, { [kind]: on }, this.deps.clock.now()));
  }

  /** Pending and failed counts (coordinators of any hub). */
  async deliverySummary(actor: Actor): Promise<DeliverySummary> {
    requireRole(actor, 'coordinator', undefined, 'see notification delivery');
    return this.deps.monitor.summary();
  }
}

/** "My data" / "forget me" for this area: notification settings and the notices held. */
export function notificationsDataHolder(records: NotificationRecords): PersonalDataHolder {
  return {
    area: 'notifications',
    async export(userId) {
      const [preferences, notices] = await Promise.all([records.getPreferences(userId), records.listForUser(userId)]);
      return {
        settings: preferencesView(preferences).settings,
        notices: notices.map((n) => ({ kind: n.kind, status: n.status, text: n.text, createdAt: n.createdAt, sentAt: n.sentAt, reason: n.reason })),
      };
    },
    erase: (userId) => records.eraseUser(userId),
  };
}

/**
 * Notifies many people (a reminder fan-out, everyone booked on a cancelled event) with a little
 * concurrency. Each notify() is durable when it returns, so if this throws halfway the caller's
 * job simply runs again: keys already recorded are not sent twice and the rest go out. Keep the
 * concurrency low: notices are recorded far faster than Teams lets them out, and a flood of writes
 * only slows the sends that share the storage account.
 */
export async function notifyEach(
  notifier: Notifier,
  recipients: readonly UserId[],
  build: (userId: UserId) => { message: OutboundMessage; key: string },
  kind: string,
  concurrency = 4,
): Promise<void> {
  await runLimited(recipients, concurrency, async (userId) => {
    const { message, key } = build(userId);
    await notifier.notify(userId, message, key, kind);
  });
}
