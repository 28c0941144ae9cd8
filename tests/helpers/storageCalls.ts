// Counts the storage round trips an app makes: a pipeline policy on every TableClient of the app's
// Storage (and a wrapper on its queue clients) records table, operation and partition of each
// request. Benches read the calls made while one request was in flight and say which of them
// belong to the background loops (the scheduler's lease, heartbeats, the due-job poll) rather than
// to the request.
import type { PipelinePolicy, PipelineRequest } from '@azure/core-rest-pipeline';
import type { Storage } from '../../src/storage/storage.js';
import { QUEUES, TABLES, type QueueKey, type TableKey } from '../../src/storage/tables.js';

export interface StorageCall {
  /** Table or queue name without the prefix, e.g. "Events", "queue:jobs". */
  table: string;
  op: 'get' | 'query' | 'insert' | 'upsert' | 'update' | 'merge' | 'delete' | 'batch' | 'queue';
  /** PartitionKey when the request names one (point operations, single-partition queries, batches). */
  partition?: string;
  /** Entities the request touches (a batch counts its sub-requests). */
  entities: number;
  /** Queue calls: the client method (receiveMessages is a worker's poll). */
  method?: string;
  at: number;
}

/**
 * Calls only the background loops make: in Jobs the scheduler lease, heartbeats and the due poll;
 * the queue workers' polls; the facilitation sweep's query (every 10 s); the health probe.
 */
export function isBackground(call: StorageCall): boolean {
  if (call.table.startsWith('queue:')) return call.method === 'receiveMessages';
  if (call.table === TABLES.facilitation && call.op === 'query') return true;
  if (call.table === TABLES.meta && call.partition === 'health') return true;
  if (call.table !== TABLES.jobs) return false;
  const p = call.partition ?? '';
  return p === 'lease' || p === 'instance' || p === 'due' || p.startsWith('due|') || call.op === 'query';
}

const unquote = (s: string) => decodeURIComponent(s).replace(/''/g, "'");

function describe(request: PipelineRequest, tableNames: Map<string, string>): StorageCall | null {
  const url = new URL(request.url);
  const path = decodeURIComponent(url.pathname);
  const m = /\/(\$batch|[A-Za-z0-9]+)(?:\((.*)\))?$/.exec(path);
  if (!m) return null;
  const at = performance.now();
  if (m[1] === '$batch') {
    const body = typeof request.body === 'string' ? request.body : '';
    const pk = /PartitionKey='([^']*(?:''[^']*)*)'/.exec(body) ?? /"PartitionKey":"([^"]*)"/.exec(body);
    const table = /\/([A-Za-z0-9]+)\(/.exec(body)?.[1] ?? /\/([A-Za-z0-9]+) HTTP\/1\.1/.exec(body)?.[1] ?? '';
    const entities = (body.match(/^(?:POST|PUT|MERGE|PATCH|DELETE|GET) /gm) ?? []).length;
    return { table: tableNames.get(table) ?? table, op: 'batch', partition: pk ? unquote(pk[1]) : undefined, entities: Math.max(1, entities), at };
  }
  const table = tableNames.get(m[1]);
  if (!table) return null; // the table service itself (create table)
  const keys = m[2] ? /PartitionKey='(.*)',RowKey='(.*)'/.exec(m[2]) : null;
  const method = request.method.toUpperCase();
  if (keys) {
    const op = method === 'GET' ? 'get' : method === 'DELETE' ? 'delete' : method === 'MERGE' || method === 'PATCH' ? 'merge' : request.headers.get('if-match') ? 'update' : 'upsert';
    return { table, op, partition: unquote(keys[1]), entities: 1, at };
  }
  if (method === 'POST') return { table, op: 'insert', partition: partitionOfBody(request.body), entities: 1, at };
  const filter = url.searchParams.get('$filter') ?? '';
  const pk = /PartitionKey eq '((?:[^']|'')*)'/.exec(filter);
  return { table, op: 'query', partition: pk ? pk[1].replace(/''/g, "'") : undefined, entities: 1, at };
}

function partitionOfBody(body: unknown): string | undefined {
  if (typeof body !== 'string') return undefined;
  try {
    return (JSON.parse(body) as { PartitionKey?: string }).PartitionKey;
  } catch {
    return undefined;
  }
}

export class StorageCalls {
  readonly calls: StorageCall[] = [];

  /** Instruments every table and queue client `storage` hands out (they are cached per name). */
  attach(storage: Storage): this {
    const tableNames = new Map<string, string>();
    for (const key of Object.keys(TABLES) as TableKey[]) tableNames.set(storage.tableName(key), TABLES[key]);
    const policy: PipelinePolicy = {
      name: 'benchStorageCalls',
      sendRequest: async (request, next) => {
        const call = describe(request, tableNames);
        if (call) this.calls.push(call);
        return next(request);
      },
    };
    for (const key of Object.keys(TABLES) as TableKey[]) storage.table(key).pipeline.addPolicy(policy);
    for (const key of Object.keys(QUEUES) as QueueKey[]) {
      const client = storage.queue(key) as unknown as Record<string, unknown>;
      for (const name of ['sendMessage', 'receiveMessages', 'deleteMessage', 'updateMessage', 'getProperties', 'peekMessages']) {
        const original = client[name];
        if (typeof original !== 'function') continue;
        client[name] = (...args: unknown[]) => {
          this.calls.push({ table: `queue:${QUEUES[key]}`, op: 'queue', method: name, entities: 1, at: performance.now() });
          return (original as (...a: unknown[]) => unknown).apply(client, args);
        };
      }
    }
    return this;
  }

  mark(): number {
    return this.calls.length;
  }

  since(mark: number): StorageCall[] {
    return this.calls.slice(mark);
  }
}

/** "2 Roles, 1 Events (get)…" — calls per request averaged over `requests`, split request/background. */
export function summarise(calls: StorageCall[], requests: number): { perRequest: number; background: number; text: string; backgroundText: string } {
  const own = calls.filter((c) => !isBackground(c));
  const bg = calls.filter(isBackground);
  const group = (list: StorageCall[]) => {
    const by = new Map<string, number>();
    for (const c of list) {
      const k = `${c.table} ${c.method ?? c.op}`;
      by.set(k, (by.get(k) ?? 0) + 1);
    }
    return [...by].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${(n / requests).toFixed(2).replace(/\.?0+$/, '')} ${k}`).join(', ') || 'none';
  };
  return { perRequest: own.length / requests, background: bg.length / requests, text: group(own), backgroundText: group(bg) };
}
