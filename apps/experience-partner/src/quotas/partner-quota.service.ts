import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@concord/contracts';
import { type LimiterAnswer } from './leased-limiter.util.js';
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
    // The window first: a request it refuses does not count against the daily quota, so only
    // answered requests do.
    const rate = await this.store.limiter('rate', limits.points, limits.windowSeconds).consume(partnerId);
    if (!rate.ok) return rejection(limits.points, rate, ErrorCode.RATE_LIMITED);
    const untilMidnight = secondsUntilUtcMidnight(now);
    const quota = await this.store
      .limiter('quota', limits.dailyQuota, 86_400)
      .consume(`${partnerId}:${utcDay(now)}`, { customDuration: untilMidnight });
    if (!quota.ok) return rejection(limits.dailyQuota, quota, ErrorCode.QUOTA_EXCEEDED, untilMidnight);
    return { headers: headersOf(limits.points, rate) };
  }
}

function secondsOf(res: LimiterAnswer): number {
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}

function headersOf(limit: number, res: LimiterAnswer): Record<string, string> {
  return {
    'ratelimit-limit': String(limit),
    'ratelimit-remaining': String(Math.max(0, res.remainingPoints)),
    'ratelimit-reset': String(secondsOf(res)),
  };
}

function rejection(
  limit: number,
  res: LimiterAnswer,
  code: ErrorCode.RATE_LIMITED | ErrorCode.QUOTA_EXCEEDED,
  resetSeconds = secondsOf(res),
): QuotaDecision {
  return {
    headers: { ...headersOf(limit, res), 'ratelimit-reset': String(resetSeconds) },
    rejected: { code, retryAfterSeconds: resetSeconds },
  };
}
