import { setTimeout as sleep } from 'node:timers/promises';
import { Gauge, type Registry } from 'prom-client';

/** Calls left in a target system's quota: the published count, 0 after a 429, free rate tokens otherwise. */
export const EXTERNAL_QUOTA_REMAINING = 'concord_external_quota_remaining';

/** How one target system wants to be called. Every field is optional: an empty spec only reacts to 429s. */
export interface PacingOptions {
  /** Steady rate the system allows, e.g. Stripe's 100 requests a second. */
  ratePerSecond?: number;
  /** Calls that may go at once after an idle spell. Default: one second's worth of the rate. */
  burst?: number;
  /** Calls in flight at once, e.g. Business Central's 100 per principal. */
  maxConcurrent?: number;
  /** Share of a published quota left to the system's other users; below it calls are held. Default 0.1. */
  reserveShare?: number;
  /** How long calls are held once the quota reached the reserve; then calls look again. Default 60 000 ms. */
  quotaHoldMs?: number;
  /** Longest wait for a turn in process; a longer one rejects, so a queue can reschedule. Default 5 000 ms. */
  maxWaitMs?: number;
  /** Pause after a 429 without Retry-After, doubled per consecutive 429. Default 1 000 ms. */
  throttleBaseMs?: number;
  /** Longest such pause. Default 30 000 ms. */
  throttleMaxMs?: number;
}

export interface SchedulerClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const REAL_CLOCK: SchedulerClock = { now: Date.now, sleep: (ms) => sleep(ms) };

/** The system is paced and the wait is longer than a caller should block; retry after `retryAfterMs`. */
export class SchedulerThrottledError extends Error {
  override readonly name = 'SchedulerThrottledError';

  constructor(
    readonly system: string,
    readonly retryAfterMs: number,
    readonly reason: 'quota' | 'throttled' | 'rate',
  ) {
    super(`${system} calls are paced (${reason}); next turn in ${Math.ceil(retryAfterMs)} ms`);
  }
}

/**
 * Paces the outbound calls of one target system from its quota signals: a configured rate (token
 * bucket), a concurrency cap, the published quota (`Sforce-Limit-Info`: calls are held once it reaches
 * the reserve) and 429 answers (a pause for Retry-After, or an exponential one without it). A call waits
 * for its turn when the wait is short and is refused with the wait otherwise.
 */
export class SystemScheduler {
  private readonly gauges = new Set<Gauge>();
  private tokens: number;
  private refilledAt: number;
  private active = 0;
  private readonly queue: Array<() => void> = [];
  private pausedUntil = 0;
  private pauseReason: 'quota' | 'throttled' = 'throttled';
  private throttles = 0;
  private quota: number | undefined;

  constructor(
    readonly system: string,
    private readonly options: PacingOptions = {},
    private readonly clock: SchedulerClock = REAL_CLOCK,
  ) {
    this.tokens = this.burst;
    this.refilledAt = clock.now();
  }

  /** Reports `concord_external_quota_remaining{system}` on this registry too. */
  attach(registry: Registry): this {
    const existing = registry.getSingleMetric(EXTERNAL_QUOTA_REMAINING);
    this.gauges.add(
      existing instanceof Gauge
        ? existing
        : new Gauge({
            name: EXTERNAL_QUOTA_REMAINING,
            help: 'Calls left in the vendor quota, by system',
            labelNames: ['system'],
            registers: [registry],
          }),
    );
    return this;
  }

  /** Runs `task` in its turn; rejects with `SchedulerThrottledError` when the turn is too far away. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.admit();
    await this.slot();
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  /** A published quota reading: `remaining` of `limit` calls left in the vendor's window. */
  observeQuota(remaining: number, limit: number): void {
    this.quota = Math.max(0, remaining);
    const reserve = limit * (this.options.reserveShare ?? 0.1);
    if (limit > 0 && remaining < reserve) {
      this.pause(this.options.quotaHoldMs ?? 60_000, 'quota');
    } else if (this.pauseReason === 'quota') {
      this.pausedUntil = 0;
    }
    this.report();
  }

  /** The system answered 429 (or its equivalent); `retryAfterMs` when it said how long to wait. */
  observeThrottle(retryAfterMs: number | undefined): void {
    this.throttles += 1;
    const base = this.options.throttleBaseMs ?? 1_000;
    const backoff = Math.min(this.options.throttleMaxMs ?? 30_000, base * 2 ** (this.throttles - 1));
    this.pause(retryAfterMs ?? backoff, 'throttled');
    this.report();
  }

  /** An answer that was not a throttle: the next 429 without Retry-After starts from the base pause again. */
  observeAnswer(): void {
    this.throttles = 0;
  }

  /** Calls left, as the gauge reports it; undefined when nothing is known. */
  remaining(): number | undefined {
    const paused = this.clock.now() < this.pausedUntil;
    if (paused && this.pauseReason === 'throttled') return 0;
    if (this.quota !== undefined) return this.quota;
    if (paused) return 0;
    if (this.options.ratePerSecond === undefined) return undefined;
    this.refill();
    return Math.max(0, Math.floor(this.tokens));
  }

  private get burst(): number {
    return Math.max(1, this.options.burst ?? this.options.ratePerSecond ?? 1);
  }

  private pause(ms: number, reason: 'quota' | 'throttled'): void {
    const until = this.clock.now() + ms;
    if (until > this.pausedUntil) {
      this.pausedUntil = until;
      this.pauseReason = reason;
    }
  }

  private async admit(): Promise<void> {
    const maxWait = this.options.maxWaitMs ?? 5_000;
    const tokenWait = this.takeToken();
    for (let first = true; ; first = false) {
      const pause = Math.max(0, this.pausedUntil - this.clock.now());
      const wait = Math.max(pause, first ? tokenWait : 0);
      if (wait === 0) break;
      if (wait > maxWait) {
        if (first && this.options.ratePerSecond !== undefined) this.tokens += 1;
        this.report();
        throw new SchedulerThrottledError(this.system, wait, pause > 0 ? this.pauseReason : 'rate');
      }
      await this.clock.sleep(wait);
    }
    this.report();
  }

  /** Takes one token, going into debt if need be; answers how long to wait before using it. */
  private takeToken(): number {
    const rate = this.options.ratePerSecond;
    if (rate === undefined) return 0;
    this.refill();
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens / rate) * 1000);
  }

  private refill(): void {
    const rate = this.options.ratePerSecond;
    const now = this.clock.now();
    if (rate !== undefined)
      this.tokens = Math.min(this.burst, this.tokens + ((now - this.refilledAt) / 1000) * rate);
    this.refilledAt = now;
  }

  private slot(): Promise<void> {
    const max = this.options.maxConcurrent;
    if (max === undefined || this.active < max) {
      this.active += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.queue.push(resolve));
  }

  private release(): void {
    const next = this.queue.shift();
    if (next) next();
    else this.active -= 1;
  }

  private report(): void {
    const value = this.remaining();
    for (const gauge of this.gauges) {
      if (value === undefined) gauge.remove({ system: this.system });
      else gauge.set({ system: this.system }, value);
    }
  }
}

const schedulers = new Map<string, SystemScheduler>();

/**
 * The process-wide scheduler of `system`, so every client of one system shares one pace. The first
 * caller's options fix it (like the circuit breakers); `registry` gets the quota gauge.
 */
export function schedulerFor(
  system: string,
  options: PacingOptions = {},
  registry?: Registry,
): SystemScheduler {
  let scheduler = schedulers.get(system);
  if (!scheduler) {
    scheduler = new SystemScheduler(system, options);
    schedulers.set(system, scheduler);
  }
  return registry ? scheduler.attach(registry) : scheduler;
}
