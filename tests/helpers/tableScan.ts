// Reads every row of every table a test app owns (its prefix), to prove something is gone.
import { TableClient, TableServiceClient, odata } from '@azure/data-tables';

export async function allRows(connectionString: string, prefix: string): Promise<{ table: string; row: Record<string, unknown> }[]> {
  const service = TableServiceClient.fromConnectionString(connectionString, { allowInsecureConnection: true });
  const out: { table: string; row: Record<string, unknown> }[] = [];
  // Table names sort, so the prefix range is a filter on TableName.
  for await (const t of service.listTables({ queryOptions: { filter: odata`TableName ge ${prefix} and TableName lt ${prefix + '~'}` } })) {
    const name = t.name as string;
    const client = TableClient.fromConnectionString(connectionString, name, { allowInsecureConnection: true });
    for await (const row of client.listEntities()) out.push({ table: name, row: row as Record<string, unknown> });
  }
  return out;
}

/** Rows whose keys or values mention any of `needles` (case-insensitive). */
export async function rowsMentioning(connectionString: string, prefix: string, needles: string[]) {
  const lowered = needles.filter(Boolean).map((n) => n.toLowerCase());
  return (await allRows(connectionString, prefix)).filter(({ row }) => {
    const text = JSON.stringify(row).toLowerCase();
    return lowered.some((n) => text.includes(n));
  });
}

/**
 * Every row of the app's tables by "table/partition/row" (timestamps and ETags left out), to compare
 * before and after. Leaves out the job system's own bookkeeping — scheduler lease and instance
 * heartbeats in `Jobs`, renewed every few seconds by a live process — which is not anyone's data.
 */
export async function snapshotRows(connectionString: string, prefix: string): Promise<Map<string, string>> {
  return new Map(
    (await allRows(connectionString, prefix))
      .filter(({ table, row }) => !(table === `${prefix}Jobs` && (row.partitionKey === 'lease' || row.partitionKey === 'instance')))
      .map(({ table, row }) => {
        const { timestamp: _t, etag: _e, ...rest } = row;
        return [`${table}/${String(rest.partitionKey)}/${String(rest.rowKey)}`, JSON.stringify(rest)];
      }),
  );
}

/**
 * A snapshot once the app has gone quiet: notices queued by a test's setup are delivered moments
 * later (and their records change), so snapshots are taken until two in a row agree.
 */
export async function settledSnapshot(connectionString: string, prefix: string, timeoutMs = 15_000): Promise<Map<string, string>> {
  const deadline = Date.now() + timeoutMs;
  let last = await snapshotRows(connectionString, prefix);
  for (;;) {
    await new Promise((r) => setTimeout(r, 400));
    const next = await snapshotRows(connectionString, prefix);
    if (changedRows(last, next).length === 0 || Date.now() > deadline) return next;
    last = next;
  }
}

/** Keys of rows added, removed or changed between two snapshots. */
export function changedRows(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((k) => before.get(k) !== after.get(k));
}
