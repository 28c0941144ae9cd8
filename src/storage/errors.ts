// Classifies Azure SDK errors. A RestError without a status code is a network failure (storage
// unreachable); 5xx and 408 mean the service is struggling. Both surface as "unavailable".
import { RestError } from '@azure/data-tables';
import { AppError, unavailable } from '../domain/errors.js';

export const statusOf = (e: unknown): number | undefined =>
  e instanceof RestError || (typeof e === 'object' && e !== null && 'statusCode' in e)
    ? ((e as { statusCode?: number }).statusCode ?? undefined)
    : undefined;

export const isNotFound = (e: unknown) => statusOf(e) === 404;
export const isConflict = (e: unknown) => statusOf(e) === 409;
export const isPreconditionFailed = (e: unknown) => statusOf(e) === 412;

export function isStorageUnavailable(e: unknown): boolean {
  if (e instanceof AppError) return e.kind === 'unavailable';
  const name = (e as { name?: string } | null)?.name;
  if (name === 'AbortError') return true;
  if (!(e instanceof RestError)) {
    const code = (e as { code?: string } | null)?.code;
    return typeof code === 'string' && /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN|UND_ERR_SOCKET)$/.test(code);
  }
  const status = e.statusCode;
  return status === undefined || status === 408 || status >= 500;
}

/** Rethrows storage outages as a domain "unavailable" error; anything else unchanged. */
export function asDomainError(e: unknown): unknown {
  return isStorageUnavailable(e) && !(e instanceof AppError) ? unavailable() : e;
}
