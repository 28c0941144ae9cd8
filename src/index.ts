// `npm start`: read configuration, start telemetry (when configured), start the app, stop cleanly
// on SIGTERM/SIGINT.
import { ConfigError, loadConfig } from './config.js';
import type { Telemetry } from './telemetry/appInsights.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(e.message + '\n');
      process.exit(1);
    }
    throw e;
  }
  // Telemetry first: the app's HTTP and Bot Framework modules must be loaded after it to be
  // instrumented, hence the dynamic imports. Without a connection string nothing is loaded.
  let telemetry: Telemetry | undefined;
  if (config.appInsightsConnectionString) {
    const { startAppInsights } = await import('./telemetry/appInsights.js');
    telemetry = await startAppInsights(config.appInsightsConnectionString);
  }
  const { startApp } = await import('./app.js');
  const app = await startApp(config);
  if (telemetry) app.services.logger.info('Application Insights telemetry on');
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.services.logger.info({ signal }, 'shutting down');
    await app.close();
    await telemetry?.shutdown().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch(async (e: unknown) => {
  // One line for whoever starts it: the error, and what lay behind it (e.g. storage refusing
  // connections). Loaded here, not above: telemetry must load before the app's modules.
  const { errorSummary } = await import('./logging.js');
  const { message, cause } = errorSummary(e);
  process.stderr.write(`${message}${cause ? ` (${[cause.code, cause.message].filter(Boolean).join(': ')})` : ''}\n`);
  process.exit(1);
});
