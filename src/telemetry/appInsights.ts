// Optional Application Insights, through the Azure Monitor OpenTelemetry distro. Loaded only when
// APPLICATIONINSIGHTS_CONNECTION_STRING is set (nothing is imported, and nothing leaves the process,
// otherwise). It records incoming requests, outgoing calls and exceptions; the structured pino
// logs go to stdout, which App Service ships to the same Log Analytics workspace.
// Start it before the app's modules are loaded (src/index.ts imports the app afterwards), so the
// HTTP modules are instrumented when the server and the Bot Framework client first require them.
import type { AzureMonitorOpenTelemetryOptions } from '@azure/monitor-opentelemetry';
import { redactUrl, redactUrlPath } from './redact.js';

export interface Telemetry {
  /** Flushes what is buffered and stops exporting. */
  shutdown(): Promise<void>;
}

// Attribute names the HTTP instrumentation uses for URLs (current and older semantic conventions).
const PATH_ATTRIBUTES = ['url.path', 'http.target'];
const FULL_URL_ATTRIBUTES = ['url.full', 'http.url'];

/** The part of an OpenTelemetry span the redaction needs (typed here: the SDK's types are nested in the distro). */
export interface StartingSpan {
  readonly attributes?: Readonly<Record<string, unknown>>;
  setAttribute(key: string, value: string): unknown;
}

type SpanProcessor = NonNullable<AzureMonitorOpenTelemetryOptions['spanProcessors']>[number];

/** Removes query strings and calendar tokens from every span's URL attributes as it starts. */
export class RedactingSpanProcessor {
  onStart(span: StartingSpan): void {
    const attributes = span.attributes ?? {};
    for (const key of PATH_ATTRIBUTES) {
      const value = attributes[key];
      if (typeof value === 'string') span.setAttribute(key, redactUrlPath(value));
    }
    for (const key of FULL_URL_ATTRIBUTES) {
      const value = attributes[key];
      if (typeof value === 'string') span.setAttribute(key, redactUrl(value));
    }
    if ('url.query' in attributes) span.setAttribute('url.query', '');
  }
  onEnd(): void {}
  async forceFlush(): Promise<void> {}
  async shutdown(): Promise<void> {}
}

export async function startAppInsights(connectionString: string): Promise<Telemetry> {
  const { useAzureMonitor, shutdownAzureMonitor } = await import('@azure/monitor-opentelemetry');
  useAzureMonitor({
    azureMonitorExporterOptions: { connectionString },
    spanProcessors: [new RedactingSpanProcessor() as unknown as SpanProcessor],
    // Requests, dependencies and Azure SDK calls only; the app logs through pino to stdout.
    instrumentationOptions: {
      http: { enabled: true },
      azureSdk: { enabled: true },
      mongoDb: { enabled: false },
      mySql: { enabled: false },
      postgreSql: { enabled: false },
      redis: { enabled: false },
      redis4: { enabled: false },
      bunyan: { enabled: false },
      winston: { enabled: false },
      console: { enabled: false },
    },
    browserSdkLoaderOptions: { enabled: false },
  });
  return { shutdown: () => shutdownAzureMonitor() };
}
