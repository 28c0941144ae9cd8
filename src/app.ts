// Composition root: storage (embedded Azurite when no connection string), the background work
// (queues, workers), every area's services (src/composition/), the bot and the HTTP server.
// Tests start the whole app in-process through `startApp`, with their own config and fakes.
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import type { Server } from 'restify';
import type { Config } from './config.js';
import { createLogger, type Logger } from './logging.js';
import { systemClock, type Clock, type JobHandler, type JobScheduler, type Notifier } from './domain/ports.js';
import { startAzurite, type EmbeddedAzurite } from './storage/azurite.js';
import { Storage } from './storage/storage.js';
import { TableConversationReferenceStore } from './storage/conversationReferenceStore.js';
import { MetaRepository } from './storage/metaRepository.js';
import { indexEarlierPeople } from './storage/personNameIndex.js';
import { startFacilitationSweep } from './jobs/facilitation.js';
import { allJobHandlers } from './jobs/index.js';
import { BackgroundWork } from './jobs/background.js';
import type { BackgroundTuning } from './jobs/tuning.js';
import { composeServices, type Services } from './composition/index.js';
import { createBotEdge, messagesHandler, type BotEdge } from './teams/adapter.js';
import { VirtualCafeBot } from './teams/bot.js';
import { allCommands } from './teams/commands/index.js';
import { allCardActions } from './teams/actions/index.js';
import { ProactiveMessenger } from './teams/proactive.js';
import { createAuthenticator } from './api/auth.js';
import { createHttpServer } from './api/server.js';
import { seedDemoData } from './seed/seed.js';
import { projectRoot } from './paths.js';

export interface AppOptions {
  logger?: Logger;
  clock?: Clock;
  /** Replace the notifier (tests record notices instead of sending them); the queue worker then stays off. */
  notifier?: (messenger: ProactiveMessenger, logger: Logger) => Notifier;
  /** Wrap the real queued notifier (tests note what was asked and still send through the queue). */
  wrapNotifier?: (queued: Notifier) => Notifier;
  /** Replace the job scheduler (given the handlers by kind). */
  scheduler?: (handlers: Record<string, JobHandler>, logger: Logger) => JobScheduler;
  /** Extra job handlers by kind (tests). */
  jobHandlers?: (services: Services) => Record<string, JobHandler>;
  /** Timings of the queues, workers and leases (tests shorten them). */
  background?: Partial<BackgroundTuning>;
  /** Where the built tab lives; defaults to dist/tab in the project. */
  tabDir?: string;
  /** Microsoft Graph timings for Teams meetings (tests shorten the timeout). */
  graph?: { timeoutMs?: number };
}

export interface RunningApp {
  url: string;
  port: number;
  config: Config;
  services: Services;
  bot: VirtualCafeBot;
  edge: BotEdge;
  server: Server;
  azurite?: EmbeddedAzurite;
  /** Queues, workers and leases behind the notifier and the scheduler. */
  background: BackgroundWork;
  close(): Promise<void>;
}

export async function startApp(config: Config, options: AppOptions = {}): Promise<RunningApp> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const clock = options.clock ?? systemClock;

  let azurite: EmbeddedAzurite | undefined;
  let connection: { connectionString: string } | { accountName: string };
  if (config.storageConnectionString) connection = { connectionString: config.storageConnectionString };
  else if (config.storageAccountName) connection = { accountName: config.storageAccountName };
  else {
    azurite = await startAzurite({ location: config.azuriteLocation });
    logger.info({ ports: azurite.ports, location: config.azuriteLocation }, 'embedded Azurite started');
    connection = { connectionString: azurite.connectionString };
  }

  try {
    const storage = new Storage(connection, config.storagePrefix);
    await storage.ensure();

    const edge = createBotEdge(config, logger);
    const conversations = new TableConversationReferenceStore(storage.table('conversationRefs'));
    const messenger = new ProactiveMessenger(edge, config, conversations);
    // Queued, exactly-once, paced notices and durable jobs are the defaults; tests may substitute either.
    const background = new BackgroundWork({ storage, sender: messenger, clock, logger, tuning: options.background });
    const notifier = options.notifier ? options.notifier(messenger, logger) : (options.wrapNotifier?.(background.notifier) ?? background.notifier);
    // Handlers need the services and the services need the scheduler: fill the map after.
    const jobHandlers: Record<string, JobHandler> = {};
    const scheduler = options.scheduler ? options.scheduler(jobHandlers, logger) : background.scheduler;
    const services = composeServices(
      { config, clock, logger, storage, meta: new MetaRepository(storage.table('meta')), conversations, notifier, scheduler, graph: options.graph },
      { records: background.notificationStore, monitor: background },
    );

    Object.assign(jobHandlers, allJobHandlers(services), options.jobHandlers?.(services));

    if (config.seedDemo && (await seedDemoData(services))) logger.info('demo data seeded');
    // People met before the name index existed become findable. It reads them all once: a small store
    // is done before the app listens (nothing changes under a fresh start), a large one carries on behind.
    const earlierPeople = indexEarlierPeople(storage.table('profiles'), services.peopleNames, services.meta)
      .then((count) => void (count && logger.info({ count }, 'people names indexed')))
      .catch((e: unknown) => logger.warn({ err: e instanceof Error ? e.message : String(e) }, 'people names not indexed yet'));
    await Promise.race([earlierPeople, sleep(5_000, undefined, { ref: false })]);
    await background.start({ notifications: !options.notifier, jobHandlers: options.scheduler ? undefined : jobHandlers });

    const commands = allCommands();
    const bot = new VirtualCafeBot({ services, commands, cardActions: allCardActions(commands) });
    const server = createHttpServer({
      services,
      authenticator: createAuthenticator(config),
      messages: messagesHandler(edge, config, logger, (context) => bot.run(context)),
      tabDir: options.tabDir ?? join(projectRoot(), 'dist', 'tab'),
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const port = (server.address() as { port: number }).port;
    const shownHost = config.host.includes(':') ? `[${config.host}]` : config.host;
    const url = `http://${shownHost}:${port}`;
    // PORT=0 (tests) binds a free port: links the app hands out (calendar feeds) use the real one.
    if (/:0$/.test(config.publicUrl)) config.publicUrl = url;
    logger.info({ url, authMode: config.authMode, anonymousBot: !config.botId }, 'listening');
    const facilitationSweep = startFacilitationSweep(services);

    let closed = false;
    return {
      url,
      port,
      config,
      services,
      bot,
      edge,
      server,
      azurite,
      background,
      async close() {
        if (closed) return;
        closed = true;
        await facilitationSweep.stop();
        await earlierPeople;
        // Stop taking requests, let in-flight ones finish (bounded), then stop storage.
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 5000);
          server.close(() => {
            clearTimeout(timer);
            resolve();
          });
          (server.server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
        });
        (scheduler as { stop?: () => void }).stop?.();
        await background.stop();
        await azurite?.stop();
      },
    };
  } catch (e) {
    await azurite?.stop();
    throw e;
  }
}
