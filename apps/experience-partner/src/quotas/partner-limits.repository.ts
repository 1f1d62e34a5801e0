import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from '@concord/persistence';
import { APP_CONFIG, type AppConfig } from '@concord/platform';

export interface EffectiveLimits {
  points: number;
  windowSeconds: number;
  dailyQuota: number;
}

const CACHE_MS = 5000;

/**
 * A partner's own limits or the defaults. Read on every partner request, so kept for a few seconds:
 * an administrator's change applies within `CACHE_MS`.
 */
@Injectable()
export class PartnerLimitsRepository {
  private readonly cache = new Map<string, { limits: EffectiveLimits; until: number }>();

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async of(partnerId: string): Promise<EffectiveLimits> {
    const now = Date.now();
    const cached = this.cache.get(partnerId);
    if (cached && cached.until > now) return cached.limits;
    const rows: Array<{ points: number | null; window: number | null; quota: number | null }> =
      await this.dataSource.query(
        `SELECT rate_limit_points AS points, rate_limit_window_seconds AS window, daily_quota AS quota
           FROM partner WHERE id = $1`,
        [partnerId],
      );
    const row = rows[0];
    const defaults = this.config.partnerEdge.rateLimit;
    const limits: EffectiveLimits = {
      points: row?.points ?? defaults.points,
      windowSeconds: row?.window ?? defaults.windowSeconds,
      dailyQuota: row?.quota ?? defaults.dailyQuota,
    };
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(partnerId, { limits, until: now + CACHE_MS });
    return limits;
  }
}
