// A small per-instance cache of reads by key, each kept for a TTL (read at call time, so tests and
// benchmarks can change it). Writes through the same repository replace or drop the entry; a read
// that began before a write never lands in the cache afterwards (the generation check).
export class TtlCache<V> {
  private readonly entries = new Map<string, { value: V; at: number }>();
  private generation = 0;

  constructor(
    private readonly ttlMs: () => number,
    private readonly maxEntries = 10_000,
  ) {}

  /** The cached value if still fresh. */
  peek(key: string): V | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (Date.now() - hit.at < this.ttlMs()) return hit.value;
    this.entries.delete(key);
    return undefined;
  }

  /** The cached value, or `load()`'s (cached unless a write happened meanwhile). */
  async read(key: string, load: () => Promise<V>): Promise<V> {
    if (this.ttlMs() <= 0) return load();
    const hit = this.peek(key);
    if (hit !== undefined) return hit;
    const generation = this.generation;
    const startedAt = Date.now();
    const value = await load();
    if (generation === this.generation) this.put(key, value, startedAt);
    return value;
  }

  /** What this instance just wrote. */
  set(key: string, value: V): void {
    this.generation++;
    this.put(key, value, Date.now());
  }

  delete(key: string): void {
    this.generation++;
    this.entries.delete(key);
  }

  /** Drops every entry whose key passes `match` (or all). */
  clear(match?: (key: string) => boolean): void {
    this.generation++;
    if (!match) this.entries.clear();
    else for (const key of [...this.entries.keys()]) if (match(key)) this.entries.delete(key);
  }

  private put(key: string, value: V, at: number): void {
    if (this.ttlMs() <= 0) return;
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { value, at });
  }
}
