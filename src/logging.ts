// Structured logs (pino). Log ids and counts, never message text or personal details.
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { app: 'virtual-cafe' },
    redact: { paths: ['req.headers.authorization', 'headers.authorization', '*.token', '*.password'], remove: true },
  });
}

export const silentLogger: Logger = pino({ level: 'silent' });

/**
 * An error as a log field: its name, the start of its message and its code (and the same for its
 * cause, e.g. the network error behind a storage outage). Everyone logs errors through this.
 */
export function errorSummary(e: unknown): { name?: string; message: string; code?: unknown; cause?: { name?: string; message: string; code?: unknown } } {
  if (!(e instanceof Error)) return { message: String(e).slice(0, 300) };
  const summary: ReturnType<typeof errorSummary> = { name: e.name, message: e.message.slice(0, 300), code: (e as { code?: unknown }).code };
  if (e.cause !== undefined) {
    const c = e.cause;
    summary.cause = c instanceof Error ? { name: c.name, message: c.message.slice(0, 300), code: (c as { code?: unknown }).code } : { message: String(c).slice(0, 300) };
  }
  return summary;
}
