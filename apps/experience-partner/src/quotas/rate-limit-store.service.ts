import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import pg from 'pg';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRedis,
} from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig } from '@concord/platform';
import { LeasedLimiter } from './leased-limiter.util.js';

/**
 * Limiters on the store every replica shares: Redis when `REDIS_URL` is set, else PostgreSQL (the
 * `rate_limit` table of the migrations), taken in leases so that a busy partner costs one store call
 * per lease rather than per request. If the store fails, each replica falls back to counting in
 * memory rather than refusing or waving through every partner.
 */
@Injectable()
export class RateLimitStoreService implements OnModuleDestroy {
  private readonly limiters = new Map<string, LeasedLimiter>();
  private readonly redis: Redis | undefined;
  private readonly pool: pg.Pool | undefined;
  private readonly namespace: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.namespace = config.queueNamespace || 'concord';
    if (config.redisUrl) {
      // The library's advice: no offline queue, so a Redis outage fails fast onto the fallback.
      // Auto-pipelining sends the counters of concurrent requests in one write.
      this.redis = new Redis(config.redisUrl, {
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        enableAutoPipelining: true,
      });
    } else {
      this.pool = new pg.Pool({
        connectionString: config.databaseUrl,
        max: 4,
        application_name: 'rate-limits',
      });
    }
  }

  get kind(): 'redis' | 'postgres' {
    return this.redis ? 'redis' : 'postgres';
  }

  /** One limiter per (purpose, points, window); limiters are cheap and shared by partners alike. */
  limiter(purpose: 'rate' | 'quota', points: number, durationSeconds: number): LeasedLimiter {
    const name = `${purpose}-${points}-${durationSeconds}`;
    let limiter = this.limiters.get(name);
    if (!limiter) {
      const options = { keyPrefix: `${this.namespace}:${name}`, points, duration: durationSeconds };
      const insuranceLimiter = new RateLimiterMemory(options);
      const shared: RateLimiterAbstract = this.redis
        ? new RateLimiterRedis({ ...options, storeClient: this.redis, insuranceLimiter })
        : new RateLimiterPostgres({
            ...options,
            storeClient: this.pool,
            storeType: 'pool',
            tableName: 'rate_limit',
            tableCreated: true,
            insuranceLimiter,
          });
      limiter = new LeasedLimiter(shared, points);
      this.limiters.set(name, limiter);
    }
    return limiter;
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([...this.limiters.values()].map((limiter) => limiter.returnAll()));
    await this.redis?.quit().catch(() => this.redis?.disconnect());
    await this.pool?.end();
  }
}
