import { Injectable } from '@nestjs/common';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { ErrorCode } from '@concord/contracts';
import { PartnerLimitsRepository } from './partner-limits.repository.js';
import { secondsUntilUtcMidnight, utcDay } from './quota-window.util.js';
import { RateLimitStoreService } from './rate-limit-store.service.js';

export interface QuotaDecision {
  /** `RateLimit-*` headers (IETF draft) for the answer, whatever it is. */
  headers: Record<string, string>;
  rejected?: { code: ErrorCode.RATE_LIMITED | ErrorCode.QUOTA_EXCEEDED; retryAfterSeconds: number };
}

/** Counts one partner request against its window limit, then its daily quota. */
@Injectable()
export class PartnerQuotaService {
  constructor(
    private readonly limits: PartnerLimitsRepository,
    private readonly store: RateLimitStoreService,
  ) {}

  async consume(partnerId: string, now = new Date()): Promise<QuotaDecision> {
    const limits = await this.limits.of(partnerId);
    const untilMidnight = secondsUntilUtcMidnight(now);
    const quotaLimiter = this.store.limiter('quota', limits.dailyQuota, 86_400);
    const quotaKey = `${partnerId}:${utcDay(now)}`;
    // Both counters in one round trip to the store; a request the window refuses is given back to
    // the daily quota, so only answered requests count against it.
    const [rate, quota] = await Promise.all([
      attempt(this.store.limiter('rate', limits.points, limits.windowSeconds).consume(partnerId)),
      attempt(quotaLimiter.consume(quotaKey, 1, { customDuration: untilMidnight })),
    ]);
    if (!rate.ok) {
      if (quota.ok) await quotaLimiter.reward(quotaKey, 1);
      return rejection(limits.points, rate.res, ErrorCode.RATE_LIMITED);
    }
    if (!quota.ok) return rejection(limits.dailyQuota, quota.res, ErrorCode.QUOTA_EXCEEDED, untilMidnight);
    return { headers: headersOf(limits.points, rate.res) };
  }
}

/** The library rejects with a `RateLimiterRes` when over the limit, with an Error for a store fault. */
async function attempt(consumed: Promise<RateLimiterRes>): Promise<{ ok: boolean; res: RateLimiterRes }> {
  try {
    return { ok: true, res: await consumed };
  } catch (error) {
    if (error instanceof RateLimiterRes) return { ok: false, res: error };
    throw error;
  }
}

function secondsOf(res: RateLimiterRes): number {
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}

function headersOf(limit: number, res: RateLimiterRes): Record<string, string> {
  return {
    'ratelimit-limit': String(limit),
    'ratelimit-remaining': String(Math.max(0, res.remainingPoints)),
    'ratelimit-reset': String(secondsOf(res)),
  };
}

function rejection(
  limit: number,
  res: RateLimiterRes,
  code: ErrorCode.RATE_LIMITED | ErrorCode.QUOTA_EXCEEDED,
  resetSeconds = secondsOf(res),
): QuotaDecision {
  return {
    headers: { ...headersOf(limit, res), 'ratelimit-reset': String(resetSeconds) },
    rejected: { code, retryAfterSeconds: resetSeconds },
  };
}
