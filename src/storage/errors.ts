// Classifies Azure SDK errors, and turns outages into the domain's `unavailable` error at the
// storage edge. A RestError without a status code is a network failure (storage unreachable);
// 5xx and 408 mean the service is struggling. Everything else (404, 409, 412…) passes unchanged
// for the repositories to read.
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

/** A storage outage as the domain's "unavailable" error (the SDK error kept as its cause); anything else unchanged. */
export function asDomainError(e: unknown): unknown {
  return isStorageUnavailable(e) && !(e instanceof AppError) ? unavailable(undefined, e) : e;
}

const isThenable = (x: unknown): x is PromiseLike<unknown> => !!x && typeof (x as { then?: unknown }).then === 'function';
const isIterator = (x: unknown) => !!x && typeof x === 'object' && (Symbol.asyncIterator in x || typeof (x as { next?: unknown }).next === 'function' || typeof (x as { byPage?: unknown }).byPage === 'function');

/**
 * The storage edge: wraps an Azure SDK client (table, queue or service client) so that every call,
 * and every page of a listing, fails with `asDomainError(e)`. Storage.table() and Storage.queue()
 * hand out only wrapped clients, so nothing above storage ever sees an Azure error for an outage.
 */
export function outagesAsDomainErrors<T extends object>(client: T): T {
  return new Proxy(client, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        let result: unknown;
        try {
          result = (value as (...a: unknown[]) => unknown).apply(target, args);
        } catch (e) {
          throw asDomainError(e);
        }
        if (isThenable(result)) return Promise.resolve(result).catch((e: unknown) => Promise.reject(asDomainError(e)));
        return isIterator(result) ? outagesAsDomainErrors(result as object) : result;
      };
    },
  });
}
