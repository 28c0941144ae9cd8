// Installs the app for one person through Microsoft Graph (app-only, permission
// TeamsAppInstallation.ReadWriteSelfForUser.All): POST /users/{id}/teamwork/installedApps with
// teamsApp@odata.bind to the app's catalogue entry (TEAMS_APP_CATALOG_ID). 201 = installed, 409 =
// it already was. Teams then sends the bot the installation's conversationUpdate, and the bot can
// open the 1:1 chat with the connector's createConversation (proactive.ts).
// https://learn.microsoft.com/microsoftteams/platform/graph-api/proactive-bots-and-messages/graph-proactive-bots-and-messages
// Once per person: the attempt is claimed in Tables before Graph is asked, its outcome recorded;
// someone who removed the app themselves is never installed for again.
import type { Clock } from '../domain/ports.js';
import type { Logger } from '../logging.js';
import type { Config } from '../config.js';
import { DeliveryError } from '../domain/notifications/delivery.js';
import type { AppInstaller, InstallOutcome, InstallRecords } from '../domain/notifications/install.js';
import { GraphUnavailable, type GraphAppClient } from './graphApp.js';

/** How long a claim may wait for its Graph answer before it counts as a lost attempt. */
const INSTALLING_STALE_MS = 10 * 60_000;

export class GraphAppInstaller implements AppInstaller {
  constructor(
    private readonly d: {
      config: Pick<Config, 'teamsAppCatalogId' | 'graphMode'>;
      graph: GraphAppClient;
      records: InstallRecords;
      clock: Clock;
      logger: Logger;
    },
  ) {}

  private async outcomeOnRecord(userId: string): Promise<InstallOutcome> {
    const record = await this.d.records.get(userId);
    // Released between our claim and this read: another worker will (or did) try; look again later.
    if (!record) throw new DeliveryError('transient', 'install-pending');
    if (record.state === 'removed') return 'removed';
    if (record.state === 'installed') return 'installed';
    if (record.state === 'refused') return 'refused';
    // Another worker is installing right now: wait for its answer. A claim left by a worker that
    // died mid-call is not tried again (at most once): the notice fails as already tried.
    if (this.d.clock.now().getTime() - record.at.getTime() < INSTALLING_STALE_MS) throw new DeliveryError('transient', 'install-pending');
    return 'already-tried';
  }

  async ensureInstalled(userId: string): Promise<InstallOutcome> {
    const { config, graph, records, clock, logger } = this.d;
    if (!config.teamsAppCatalogId || config.graphMode !== 'app') return 'off';
    if (!(await records.claim(userId, clock.now()))) return this.outcomeOnRecord(userId);
    let answer;
    try {
      answer = await graph.call(
        'POST',
        `/users/${encodeURIComponent(userId)}/teamwork/installedApps`,
        { 'teamsApp@odata.bind': `${graph.baseUrl}/appCatalogs/teamsApps/${encodeURIComponent(config.teamsAppCatalogId)}` },
        // A notice worker waits for nobody: it retries later rather than sleeping here.
        { maxWaitMs: 0, maxAttempts: 1 },
      );
    } catch (e) {
      await records.release(userId);
      if (e instanceof GraphUnavailable) throw new DeliveryError('transient', `install-${e.reason}`);
      throw e;
    }
    if (answer.status === 201 || answer.status === 200 || answer.status === 409) {
      await records.set({ userId, state: 'installed', by: 'app', at: clock.now() });
      logger.info({ status: answer.status }, 'app installed for a person');
      return 'installed';
    }
    if (answer.status === 429 || answer.status >= 500) {
      // No decision yet: the claim goes and the notice is retried with backoff. (Not 'throttled':
      // that pauses every send of the process, and Graph's limits are not the Bot Connector's.)
      await records.release(userId);
      throw new DeliveryError('transient', `install-http-${answer.status}`);
    }
    const code = String(((answer.body?.error ?? {}) as { code?: unknown }).code ?? '').slice(0, 60);
    await records.set({ userId, state: 'refused', by: 'app', reason: `http-${answer.status}`, at: clock.now() });
    logger.warn({ status: answer.status, code }, 'app install refused');
    return 'refused';
  }
}
