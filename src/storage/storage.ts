// Table and Queue clients for the configured account: a connection string (Azurite, or a key) or
// the managed identity (DefaultAzureCredential) with the account name. Every client handed out is
// wrapped so an outage surfaces as the domain's "unavailable" error (see storage/errors.ts).
import { TableClient, TableServiceClient, odata } from '@azure/data-tables';
import { QueueClient, QueueServiceClient } from '@azure/storage-queue';
import { DefaultAzureCredential } from '@azure/identity';
import { TABLES, QUEUES, type TableKey, type QueueKey } from './tables.js';
import { isConflict, outagesAsDomainErrors } from './errors.js';

export type StorageConnection = { connectionString: string } | { accountName: string };

// Few quick retries: a person is waiting, and /api/health must notice an outage within a second.
const retryOptions = { maxRetries: 2, retryDelayInMs: 100, maxRetryDelayInMs: 500 };

export class Storage {
  private readonly tableClients = new Map<string, TableClient>();
  private readonly queueClients = new Map<string, QueueClient>();
  private readonly tableService: TableServiceClient;
  private readonly queueService: QueueServiceClient;

  constructor(
    private readonly connection: StorageConnection,
    readonly prefix = '',
  ) {
    if ('connectionString' in connection) {
      const insecure = /DefaultEndpointsProtocol=http;|Endpoint=http:\/\//i.test(connection.connectionString) || /UseDevelopmentStorage=true/i.test(connection.connectionString);
      this.tableService = outagesAsDomainErrors(TableServiceClient.fromConnectionString(connection.connectionString, { allowInsecureConnection: insecure, retryOptions }));
      this.queueService = outagesAsDomainErrors(QueueServiceClient.fromConnectionString(connection.connectionString, { retryOptions: { maxTries: 3, retryDelayInMs: 100, maxRetryDelayInMs: 500 } }));
    } else {
      const credential = new DefaultAzureCredential();
      this.tableService = outagesAsDomainErrors(new TableServiceClient(`https://${connection.accountName}.table.core.windows.net`, credential, { retryOptions }));
      this.queueService = outagesAsDomainErrors(new QueueServiceClient(`https://${connection.accountName}.queue.core.windows.net`, credential));
    }
  }

  tableName(key: TableKey): string {
    return `${this.prefix}${TABLES[key]}`;
  }

  queueName(key: QueueKey): string {
    return `${this.prefix}${(QUEUES as Record<string, string>)[key]}`.toLowerCase();
  }

  table(key: TableKey): TableClient {
    const name = this.tableName(key);
    let client = this.tableClients.get(name);
    if (!client) {
      client = this.createTableClient(name);
      this.tableClients.set(name, client);
    }
    return client;
  }

  queue(key: QueueKey): QueueClient {
    const name = this.queueName(key);
    let client = this.queueClients.get(name);
    if (!client) {
      client = outagesAsDomainErrors(this.queueService.getQueueClient(name));
      this.queueClients.set(name, client);
    }
    return client;
  }

  private createTableClient(name: string): TableClient {
    if ('connectionString' in this.connection) {
      const insecure = /http:\/\//i.test(this.connection.connectionString) || /UseDevelopmentStorage=true/i.test(this.connection.connectionString);
      return outagesAsDomainErrors(TableClient.fromConnectionString(this.connection.connectionString, name, { allowInsecureConnection: insecure, retryOptions }));
    }
    return outagesAsDomainErrors(new TableClient(`https://${this.connection.accountName}.table.core.windows.net`, name, new DefaultAzureCredential(), { retryOptions }));
  }

  /** Creates every table and queue the app uses (idempotent; runs at start-up). */
  async ensure(): Promise<void> {
    await Promise.all(
      (Object.keys(TABLES) as TableKey[]).map(async (key) => {
        try {
          await this.tableService.createTable(this.tableName(key));
        } catch (e) {
          if (!isConflict(e)) throw e;
        }
      }),
    );
    await Promise.all((Object.keys(QUEUES) as QueueKey[]).map((key) => this.queue(key).createIfNotExists()));
  }

  /** One cheap round trip for health checks, bounded by `timeoutMs`. */
  async ping(timeoutMs = 800): Promise<{ ok: boolean; latencyMs: number }> {
    const started = performance.now();
    try {
      const client = this.table('meta');
      const iter = client.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${'health'}` }, abortSignal: AbortSignal.timeout(timeoutMs) }).byPage({ maxPageSize: 1 });
      await iter.next();
      return { ok: true, latencyMs: Math.round(performance.now() - started) };
    } catch {
      return { ok: false, latencyMs: Math.round(performance.now() - started) };
    }
  }
}
