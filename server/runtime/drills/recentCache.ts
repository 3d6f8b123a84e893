// A few answers kept for a little while, so that what is costly to work out (an ended exam's chats
// rebuilt from their logs, for a seat that reloads or rejoins from many sockets) is worked out once.
// Bounded both ways: entries expire after `ttlMs`, and past `maxEntries` the oldest go first.

export class RecentCache<V> {
  /** in the order they were worked out (a Map keeps insertion order): the first is the oldest */
  private readonly entries = new Map<string, { at: number; value: Promise<V> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number,
  ) {}

  /** The value kept for `key`, or `compute()`'s, kept from now on (a failure is not kept: the next call tries again). */
  remember(key: string, compute: () => Promise<V>): Promise<V> {
    const now = this.now();
    const kept = this.entries.get(key);
    if (kept && now - kept.at < this.ttlMs) return kept.value;
    this.entries.delete(key);
    const value = compute();
    this.entries.set(key, { at: now, value });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(oldest);
    }
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}
