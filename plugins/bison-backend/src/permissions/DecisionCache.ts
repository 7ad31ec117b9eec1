/**
 * Remembers permission decisions for a few seconds, per user and permission,
 * so that a page that fires many requests asks the permission backend once.
 * A policy change or new group membership takes effect after `ttlMillis`.
 */
export class DecisionCache<T> {
  private readonly entries = new Map<string, { value: T; expires: number }>();

  constructor(
    private readonly ttlMillis: number,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  async get(key: string, load: () => Promise<T>): Promise<T> {
    if (this.ttlMillis <= 0) return load();
    const cached = this.entries.get(key);
    const now = this.now();
    if (cached && cached.expires > now) return cached.value;
    const value = await load();
    if (this.entries.size >= this.maxEntries) {
      // Maps iterate in insertion order: drop the oldest entry.
      this.entries.delete(this.entries.keys().next().value as string);
    }
    this.entries.set(key, { value, expires: now + this.ttlMillis });
    return value;
  }
}
