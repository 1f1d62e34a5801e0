import { AdapterError } from '@concord/contracts';
import { QUOTA_RETRY_AFTER_MS, SYSTEM } from './salesforce.errors.js';

/** Below this share of the daily allowance Concord stops calling, keeping the rest for the org's users. */
const RESERVE_SHARE = 0.1;

/**
 * Tracks the org's API allowance from `Sforce-Limit-Info` and refuses calls while it runs low. After
 * each pause one call goes through again, which is how a recovered allowance is noticed.
 */
export class SalesforceQuota {
  private pausedUntil = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** Records the usage the last answer reported; answers the calls left. */
  observe(usage: { used: number; limit: number }): number {
    const remaining = Math.max(0, usage.limit - usage.used);
    if (usage.limit > 0 && remaining < usage.limit * RESERVE_SHARE) {
      this.pausedUntil = this.now() + QUOTA_RETRY_AFTER_MS;
    } else {
      this.pausedUntil = 0;
    }
    return remaining;
  }

  /** Throws Throttled while the reserve is protected. */
  assertAvailable(operation: string): void {
    const wait = this.pausedUntil - this.now();
    if (wait <= 0) return;
    throw new AdapterError({
      kind: 'Throttled',
      system: SYSTEM,
      operation,
      message: 'Salesforce API allowance is below its 10% reserve; calls are paused',
      retryAfterMs: wait,
    });
  }
}
