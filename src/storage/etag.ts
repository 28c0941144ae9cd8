// Optimistic concurrency helpers. Every read-then-write goes through one of these so a concurrent
// writer (another request, another server instance) is detected by the ETag and the change retried.
import type { TableClient, TableEntity, TableEntityResult } from '@azure/data-tables';
import { isConflict, isNotFound, isPreconditionFailed } from './errors.js';
import { conflict } from '../domain/errors.js';

export type Stored<E extends object> = TableEntityResult<E>;

export async function getOrNull<E extends object>(client: TableClient, pk: string, rk: string): Promise<Stored<E> | null> {
  try {
    return await client.getEntity<E>(pk, rk);
  } catch (e) {
    if (isNotFound(e)) return null;
    throw e;
  }
}

export interface MutateOptions {
  maxAttempts?: number;
}

/**
 * Reads one entity, lets `change` compute the next version (or `undefined` for "no change", or
 * `null` to delete), and writes it guarded by the ETag read. Conflicts retry with a fresh read.
 * Returns the value written (or the unchanged current value).
 */
export async function mutateEntity<E extends object>(
  client: TableClient,
  pk: string,
  rk: string,
  change: (current: Stored<E> | null) => E | null | undefined,
  options: MutateOptions = {},
): Promise<E | Stored<E> | null> {
  const maxAttempts = options.maxAttempts ?? 20;
  for (let attempt = 1; ; attempt++) {
    const current = await getOrNull<E>(client, pk, rk);
    const next = change(current);
    if (next === undefined) return current;
    try {
      if (next === null) {
        if (current) await client.deleteEntity(pk, rk, { etag: current.etag });
      } else if (current) {
        await client.updateEntity({ ...next, partitionKey: pk, rowKey: rk } as TableEntity<E>, 'Replace', { etag: current.etag });
      } else {
        await client.createEntity({ ...next, partitionKey: pk, rowKey: rk } as TableEntity<E>);
      }
      return next;
    } catch (e) {
      const raced = isPreconditionFailed(e) || isConflict(e) || (next === null && isNotFound(e));
      if (!raced) throw e;
      if (attempt >= maxAttempts) throw conflict('Too many people changed this at once. Please try again.');
      await jitter(attempt);
    }
  }
}

/** Inserts; answers false (not an error) when the row already exists. */
export async function insertIfAbsent<E extends object>(client: TableClient, entity: TableEntity<E>): Promise<boolean> {
  try {
    await client.createEntity(entity);
    return true;
  } catch (e) {
    if (isConflict(e)) return false;
    throw e;
  }
}

/** Deletes; answers false when the row was already gone. */
export async function deleteIfPresent(client: TableClient, pk: string, rk: string): Promise<boolean> {
  try {
    await client.deleteEntity(pk, rk);
    return true;
  } catch (e) {
    if (isNotFound(e)) return false;
    throw e;
  }
}

/** Collects a query into an array (callers keep queries to one partition). */
export async function listAll<E extends object>(iter: AsyncIterable<E>, limit = 10_000): Promise<E[]> {
  const out: E[] = [];
  for await (const item of iter) {
    out.push(item);
    if (out.length >= limit) break;
  }
  return out;
}

function jitter(attempt: number): Promise<void> {
  const ms = Math.min(200, 5 * 2 ** Math.min(attempt, 6)) * Math.random();
  return new Promise((r) => setTimeout(r, ms));
}
