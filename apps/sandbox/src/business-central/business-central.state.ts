import { randomUUID } from 'node:crypto';
import { IndexedStore } from '../shared/indexed.store.js';
import { LimitsRegistry } from '../shared/limits.registry.js';
import { randomBase62 } from '../shared/random.util.js';
import { type BcRecord, type BcValue } from './bc-entity.types.js';

export type BusinessCentralLimitName =
  'pageSize' | 'requestBudget' | 'budgetWindowSeconds' | 'deltaTokenTtlSeconds' | 'tokenTtlSeconds';

export const BUSINESS_CENTRAL_DEFAULT_LIMITS: Record<BusinessCentralLimitName, number> = {
  pageSize: 20_000,
  requestBudget: 6_000,
  budgetWindowSeconds: 300,
  deltaTokenTtlSeconds: 7 * 24 * 3600,
  tokenTtlSeconds: 3_599,
};

export interface Row {
  data: BcRecord;
  version: number;
  seq: number;
}

export interface Tombstone {
  company: string;
  set: string;
  parent: BcValue;
  id: string;
  seq: number;
  at: number;
}

export interface Company {
  id: string;
  systemVersion: string;
  timestamp: number;
  name: string;
  displayName: string;
  businessProfileId: string;
  systemCreatedAt: string;
  systemCreatedBy: string;
  systemModifiedAt: string;
  systemModifiedBy: string;
}

interface Data {
  tables: Map<string, IndexedStore<Row>>;
  tombstones: Tombstone[];
  seq: number;
  counters: Map<string, number>;
}

const emptyData = (): Data => ({ tables: new Map(), tombstones: [], seq: 0, counters: new Map() });

function copyTable(table: IndexedStore<Row>): IndexedStore<Row> {
  const copy = new IndexedStore<Row>();
  for (const [id, row] of table) copy.set(id, { ...row, data: { ...row.data } });
  return copy;
}

/** Per-company tables, change sequence and tombstones, tokens and the request budget. */
export class BusinessCentralSandbox {
  companies: Company[] = [];
  epoch = randomBase62(8);
  readonly limitsRegistry: LimitsRegistry<BusinessCentralLimitName>;
  private data: Data = emptyData();
  private readonly tokens = new Map<string, number>();
  private budget = { windowStart: 0, used: 0 };

  constructor(limits: Partial<Record<BusinessCentralLimitName, number>> = {}) {
    this.limitsRegistry = new LimitsRegistry(
      { ...BUSINESS_CENTRAL_DEFAULT_LIMITS, ...limits },
      { pageSize: 1, requestBudget: 0, budgetWindowSeconds: 1, tokenTtlSeconds: 1 },
    );
  }

  table(company: string, set: string): IndexedStore<Row> {
    const key = `${company}/${set}`;
    let table = this.data.tables.get(key);
    if (!table) {
      table = new IndexedStore();
      this.data.tables.set(key, table);
    }
    return table;
  }

  nextSeq(): number {
    this.data.seq += 1;
    return this.data.seq;
  }

  currentSeq(): number {
    return this.data.seq;
  }

  nextNumber(company: string, set: string, start: number, step: number): number {
    const key = `${company}/${set}`;
    const next = (this.data.counters.get(key) ?? start - step) + step;
    this.data.counters.set(key, next);
    return next;
  }

  addTombstone(tombstone: Omit<Tombstone, 'at'>): void {
    const now = Date.now();
    const ttl = this.limitsRegistry.get('deltaTokenTtlSeconds') * 1000;
    this.data.tombstones = this.data.tombstones.filter((old) => now - old.at <= ttl);
    this.data.tombstones.push({ ...tombstone, at: now });
  }

  tombstonesAfter(company: string, set: string, seq: number): Tombstone[] {
    return this.data.tombstones.filter((t) => t.company === company && t.set === set && t.seq > seq);
  }

  snapshot(): Data {
    return {
      tables: new Map([...this.data.tables].map(([key, table]) => [key, copyTable(table)])),
      tombstones: [...this.data.tombstones],
      seq: this.data.seq,
      counters: new Map(this.data.counters),
    };
  }

  restore(snapshot: Data): void {
    this.data = snapshot;
  }

  issueToken(): string {
    const token = `eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.${randomBase62(120)}`;
    this.tokens.set(token, Date.now() + this.limitsRegistry.get('tokenTtlSeconds') * 1000);
    return token;
  }

  isValidToken(token: string): boolean {
    const expiresAt = this.tokens.get(token);
    return expiresAt !== undefined && expiresAt > Date.now();
  }

  /** One request against the principal's budget per window; false once the budget is spent. */
  spendBudget(): boolean {
    const now = Date.now();
    if (now - this.budget.windowStart >= this.limitsRegistry.get('budgetWindowSeconds') * 1000) {
      this.budget = { windowStart: now, used: 0 };
    }
    if (this.budget.used >= this.limitsRegistry.get('requestBudget')) return false;
    this.budget.used += 1;
    return true;
  }

  /** Forgets all data, tokens and budget use; limits go back to their start-up values. */
  clear(): void {
    this.data = emptyData();
    this.epoch = randomBase62(8);
    this.tokens.clear();
    this.budget = { windowStart: 0, used: 0 };
    this.limitsRegistry.reset();
    this.companies = [];
  }

  newId(): string {
    return randomUUID();
  }
}
