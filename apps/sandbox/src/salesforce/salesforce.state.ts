import { LimitsRegistry } from '../shared/limits.registry.js';
import { randomBase62 } from '../shared/random.util.js';
import { type VendorAdmin } from '../shared/vendor-admin.types.js';
import { MonotonicClock } from './salesforce-date.util.js';
import { checksumSuffix } from './salesforce-id.util.js';
import { seedSalesforce } from './salesforce.seed.js';
import { SalesforceStore } from './salesforce.store.js';
import { schemaDrift } from './schema-drift.js';
import { SOBJECT_DEFS } from './sobject.catalog.js';
import { SObjectService } from './sobject.service.js';
import { type QueryCursor } from './query.cursors.js';

export type SalesforceLimitName = 'dailyApiLimit' | 'queryPageSize' | 'sessionTtlSeconds';

export const SALESFORCE_DEFAULT_LIMITS: Record<SalesforceLimitName, number> = {
  dailyApiLimit: 100_000,
  queryPageSize: 2_000,
  sessionTtlSeconds: 7_200,
};

const fixedId = (prefix: string, body: string): string =>
  `${prefix}${body}` + checksumSuffix(`${prefix}${body}`);

export class SalesforceSandbox implements VendorAdmin {
  readonly orgId = fixedId('00D', '8c00000C0ncd');
  readonly userId = fixedId('005', '8c00000C0ncd');
  readonly store = new SalesforceStore();
  readonly service = new SObjectService(this.store, this.userId);
  readonly clock = new MonotonicClock();
  readonly limitsRegistry: LimitsRegistry<SalesforceLimitName>;
  readonly cursors = new Map<string, QueryCursor>();
  private readonly sessions = new Map<string, number>();
  private usage = { day: '', used: 0 };

  constructor(limits: Partial<Record<SalesforceLimitName, number>> = {}) {
    this.limitsRegistry = new LimitsRegistry(
      { ...SALESFORCE_DEFAULT_LIMITS, ...limits },
      { queryPageSize: 1, dailyApiLimit: 0, sessionTtlSeconds: 1 },
    );
  }

  issueToken(): string {
    const token = `${this.orgId.slice(0, 15)}!AQ${randomBase62(94)}`;
    this.sessions.set(token, Date.now() + this.limitsRegistry.get('sessionTtlSeconds') * 1000);
    return token;
  }

  isValidToken(token: string): boolean {
    const expiresAt = this.sessions.get(token);
    if (expiresAt === undefined) return false;
    if (expiresAt > Date.now()) return true;
    this.sessions.delete(token);
    return false;
  }

  expireSessions(): void {
    this.sessions.clear();
  }

  /** Counts one API call against the rolling daily allowance; answers the usage after counting. */
  countApiCall(): { used: number; limit: number } {
    const day = new Date().toISOString().slice(0, 10);
    if (this.usage.day !== day) this.usage = { day, used: 0 };
    this.usage.used += 1;
    return { used: this.usage.used, limit: this.limitsRegistry.get('dailyApiLimit') };
  }

  apiUsage(): { used: number; limit: number } {
    const day = new Date().toISOString().slice(0, 10);
    return {
      used: this.usage.day === day ? this.usage.used : 0,
      limit: this.limitsRegistry.get('dailyApiLimit'),
    };
  }

  reset(seed: boolean): void {
    this.store.clear();
    this.cursors.clear();
    this.sessions.clear();
    this.usage = { day: '', used: 0 };
    this.limitsRegistry.reset();
    schemaDrift.clear();
    if (seed) this.seed();
  }

  seed(): void {
    seedSalesforce(this.service, this.store, this.clock.tick());
  }

  recordTypes(): string[] {
    return SOBJECT_DEFS.map((def) => def.name);
  }

  records(type: string): unknown[] | undefined {
    const def = SOBJECT_DEFS.find((candidate) => candidate.name.toLowerCase() === type.toLowerCase());
    return def ? this.store.rows(def.name, true) : undefined;
  }

  limits(): Record<string, number> {
    return this.limitsRegistry.all();
  }

  updateLimits(patch: unknown): string | undefined {
    return this.limitsRegistry.update(patch);
  }
}
