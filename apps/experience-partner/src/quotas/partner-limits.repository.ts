import { Inject, Injectable } from '@nestjs/common';
import { DataSource, RefreshAheadCache } from '@concord/persistence';
import { APP_CONFIG, type AppConfig } from '@concord/platform';

export interface EffectiveLimits {
  points: number;
  windowSeconds: number;
  dailyQuota: number;
}

const CACHE_MS = 5000;

/**
 * A partner's own limits or the defaults. Read on every partner request, so kept for a few seconds
 * (and read again in the background while in use): an administrator's change applies within `CACHE_MS`.
 */
@Injectable()
export class PartnerLimitsRepository {
  private readonly cache = new RefreshAheadCache<EffectiveLimits>({ ttlMs: CACHE_MS });

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  of(partnerId: string): Promise<EffectiveLimits> {
    return this.cache.get(partnerId, async () => ({ value: await this.load(partnerId) }));
  }

  private async load(partnerId: string): Promise<EffectiveLimits> {
    const rows: Array<{ points: number | null; window: number | null; quota: number | null }> =
      await this.dataSource.query(
        `SELECT rate_limit_points AS points, rate_limit_window_seconds AS window, daily_quota AS quota
           FROM partner WHERE id = $1`,
        [partnerId],
      );
    const row = rows[0];
    const defaults = this.config.partnerEdge.rateLimit;
    return {
      points: row?.points ?? defaults.points,
      windowSeconds: row?.window ?? defaults.windowSeconds,
      dailyQuota: row?.quota ?? defaults.dailyQuota,
    };
  }
}
