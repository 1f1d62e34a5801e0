import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Client-side rate limiter: `ratePerSecond` tokens a second with a small burst. Callers reserve a
 * token and wait for it, so Concord slows down before Stripe starts answering 429.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = burst;
    this.last = now();
  }

  /** Takes one token, going into debt if need be; answers how many milliseconds to wait before using it. */
  reserve(): number {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.ratePerSecond);
    this.last = now;
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens / this.ratePerSecond) * 1000);
  }

  /** Whole tokens available right now (never negative). */
  available(): number {
    return Math.max(0, Math.floor(this.tokens));
  }

  async acquire(): Promise<void> {
    const wait = this.reserve();
    if (wait > 0) await sleep(wait);
  }
}

/**
 * Stripe counts requests in a sliding one-second window; a burst of `rate / 4` keeps any such window
 * at most 1.25 × rate even right after an idle spell.
 */
export function burstFor(ratePerSecond: number): number {
  return Math.max(1, Math.ceil(ratePerSecond / 4));
}
