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
