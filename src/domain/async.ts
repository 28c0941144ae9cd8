// Small pure helpers for running work concurrently within limits.

/**
 * Runs `work` over `items`, at most `limit` at a time (bounded fan-out to storage or Teams);
 * results keep the items' order. The one helper for this: use it rather than another loop.
 */
export async function runLimited<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
