/**
 * A least-recently-used cache with a fixed number of entries, for the parse caches keyed by
 * expression text (JSONPath, intrinsics, JSONata). Unbounded maps grew forever in long-lived
 * processes (`serve`, watch mode): about 13 KB per distinct JSONata expression validated (issue 8).
 * A Map keeps insertion order, so the oldest entry is the first key; a hit re-inserts its key.
 *
 * @example
 * const cache = new BoundedCache<string, number>(2);
 * cache.getOrCreate('a', () => 1);
 */
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined && this.entries.size > 1) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as K);
  }

  /** The cached value, or `create()`'s (cached unless it throws). */
  getOrCreate(key: K, create: () => V): V {
    let value = this.get(key);
    if (value === undefined) {
      value = create();
      this.set(key, value);
    }
    return value;
  }
}

/** How many parsed expressions each parse cache keeps. */
export const PARSE_CACHE_CAPACITY = 2000;
