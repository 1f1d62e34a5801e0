/** What a load produced: the value, and optionally when it stops being valid however fresh it is. */
export interface Loaded<V> {
  value: V;
  /** Epoch ms after which the value must not be served (an expiring key); bounded by the TTL anyway. */
  validUntil?: number;
}

export interface RefreshAheadOptions {
  /** Longest a loaded value is served. */
  ttlMs: number;
  /** Age at which a request that is served the value also starts reloading it. Default 80 % of `ttlMs`. */
  refreshAfterMs?: number;
  /** Entries kept; the oldest goes first. Default 10 000. */
  maxEntries?: number;
  now?: () => number;
}

interface Entry<V> {
  value: V;
  loadedAt: number;
  until: number;
  refreshing: boolean;
}

/**
 * A read-through cache of database lookups on a request's hot path. A key that is asked for steadily is
 * reloaded in the background before it expires, so no request waits for its lookup; one that expired is
 * loaded once however many requests ask for it meanwhile. Nothing is served past `ttlMs`, so a change in
 * the database (a revoked key) applies within it. `clear()` also voids the loads under way.
 */
export class RefreshAheadCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly loading = new Map<string, Promise<V>>();
  private readonly refreshAfterMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;
  private generation = 0;

  constructor(private readonly options: RefreshAheadOptions) {
    this.refreshAfterMs = options.refreshAfterMs ?? Math.floor(options.ttlMs * 0.8);
    this.maxEntries = options.maxEntries ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  get(key: string, load: () => Promise<Loaded<V>>): Promise<V> {
    const now = this.now();
    const entry = this.entries.get(key);
    if (entry && now < entry.until) {
      if (!entry.refreshing && now - entry.loadedAt >= this.refreshAfterMs) {
        entry.refreshing = true;
        // A failed refresh leaves the entry to expire; the request after that loads it in the open.
        this.load(key, load).catch(() => {
          entry.refreshing = false;
        });
      }
      return Promise.resolve(entry.value);
    }
    return this.loading.get(key) ?? this.load(key, load);
  }

  /** Forgets every entry, and the result of every load under way. */
  clear(): void {
    this.generation += 1;
    this.entries.clear();
    this.loading.clear();
  }

  private load(key: string, load: () => Promise<Loaded<V>>): Promise<V> {
    const generation = this.generation;
    const startedAt = this.now();
    const pending = load()
      .then(({ value, validUntil }) => {
        if (generation === this.generation) this.store(key, value, startedAt, validUntil);
        return value;
      })
      .finally(() => {
        if (this.loading.get(key) === pending) this.loading.delete(key);
      });
    this.loading.set(key, pending);
    return pending;
  }

  private store(key: string, value: V, loadedAt: number, validUntil: number | undefined): void {
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    const until = Math.min(loadedAt + this.options.ttlMs, validUntil ?? Infinity);
    this.entries.set(key, { value, loadedAt, until, refreshing: false });
  }
}
