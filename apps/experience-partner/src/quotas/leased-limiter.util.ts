import { type RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';

export interface LimiterAnswer {
  ok: boolean;
  /** Points left in the window as this replica knows it: the store's count plus its unspent lease. */
  remainingPoints: number;
  msBeforeNext: number;
}

/** A store call's answer: granted, or refused with the library's `RateLimiterRes`. */
type StoreAnswer = { ok: boolean; res: RateLimiterRes };

interface ConsumeOptions {
  customDuration?: number;
}

interface Lease {
  left: number;
  /** The store's remaining points right after this lease was taken. */
  storeRemaining: number;
  expiresAt: number;
  pending?: Promise<LimiterAnswer>;
}

/** A lease takes at most this share of what the store has left, so replicas never starve each other. */
const LEASE_SHARE = 10;
const MAX_LEASE = 100;
/** Expired leases are swept once this many keys are held. */
const SWEEP_AT = 1000;

/**
 * Takes points from the shared store in leases instead of one by one: a replica that consumes a key
 * often takes a tenth of what is left (at most 100 points) in one store call and hands them out
 * locally until they are spent or the window ends. The store's count is never exceeded, because a
 * lease is consumed there first; near the limit the lease is one point, so the last points are
 * counted exactly, as without leases. What a lease costs is that points a replica holds are not
 * usable by another replica until that window ends.
 */
export class LeasedLimiter {
  private readonly leases = new Map<string, Lease>();

  constructor(
    private readonly store: RateLimiterAbstract,
    private readonly points: number,
  ) {}

  consume(key: string, options?: ConsumeOptions): Promise<LimiterAnswer> {
    const now = Date.now();
    const lease = this.live(key, now);
    if (lease && lease.left > 0) {
      lease.left -= 1;
      return Promise.resolve(answerFrom(lease, now));
    }
    if (lease?.pending) {
      const retry = () => this.consume(key, options);
      return lease.pending.then(retry, retry);
    }
    const size = leaseSize(lease ? lease.storeRemaining : this.points);
    const taking = this.lease(key, size, options);
    // Requests that arrive while a lease of several points is on its way wait for it; a one-point
    // lease is the request's own, so requests near the limit go to the store side by side, as before.
    if (size > 1) {
      const entry = lease ?? { left: 0, storeRemaining: this.points, expiresAt: 0 };
      entry.pending = taking;
      this.leases.set(key, entry);
      const settle = () => {
        if (entry.pending === taking) delete entry.pending;
      };
      taking.then(settle, settle);
    }
    return taking;
  }

  /** Returns every unspent point to the store, so a replica that stops takes nothing with it. */
  async returnAll(): Promise<void> {
    const now = Date.now();
    const unspent = [...this.leases].filter(([, lease]) => lease.left > 0 && lease.expiresAt > now);
    this.leases.clear();
    await Promise.all(
      unspent.map(([key, lease]) => this.store.reward(key, lease.left).catch(() => undefined)),
    );
  }

  private live(key: string, now: number): Lease | undefined {
    const lease = this.leases.get(key);
    return lease && (lease.pending || lease.expiresAt > now) ? lease : undefined;
  }

  private async lease(key: string, size: number, options?: ConsumeOptions): Promise<LimiterAnswer> {
    const outcome = await this.take(key, size, options);
    const now = Date.now();
    const granted = outcome.ok ? size - 1 : 0;
    const storeRemaining = outcome.ok ? outcome.res.remainingPoints : 0;
    const expiresAt = now + outcome.res.msBeforeNext;
    let lease = this.leases.get(key);
    if (lease && lease.expiresAt > now) {
      // Answers of the same window can arrive out of order; the store's count only grows within it.
      lease.left += granted;
      lease.storeRemaining = Math.min(lease.storeRemaining, storeRemaining);
    } else if (lease) {
      Object.assign(lease, { left: granted, storeRemaining, expiresAt });
    } else {
      this.sweep(now);
      lease = { left: granted, storeRemaining, expiresAt };
      this.leases.set(key, lease);
    }
    return outcome.ok
      ? answerFrom(lease, now)
      : { ok: false, remainingPoints: 0, msBeforeNext: outcome.res.msBeforeNext };
  }

  /**
   * The store counts points even when it refuses them, so a refused lease of several points is given
   * back and the one point the request needs is asked for alone.
   */
  private async take(key: string, size: number, options?: ConsumeOptions): Promise<StoreAnswer> {
    const first = await attempt(this.store.consume(key, size, options));
    if (first.ok || size === 1) return first;
    await this.store.reward(key, size);
    return attempt(this.store.consume(key, 1, options));
  }

  private sweep(now: number): void {
    if (this.leases.size < SWEEP_AT) return;
    for (const [key, lease] of this.leases)
      if (lease.expiresAt <= now && !lease.pending) this.leases.delete(key);
  }
}

function answerFrom(lease: Lease, now: number): LimiterAnswer {
  return {
    ok: true,
    remainingPoints: lease.storeRemaining + lease.left,
    msBeforeNext: Math.max(0, lease.expiresAt - now),
  };
}

function leaseSize(storeRemaining: number): number {
  return Math.max(1, Math.min(MAX_LEASE, Math.floor(storeRemaining / LEASE_SHARE)));
}

/** The library rejects with a `RateLimiterRes` when over the limit, with an Error for a store fault. */
async function attempt(consumed: Promise<RateLimiterRes>): Promise<StoreAnswer> {
  try {
    return { ok: true, res: await consumed };
  } catch (error) {
    if (error instanceof RateLimiterRes) return { ok: false, res: error };
    throw error;
  }
}
