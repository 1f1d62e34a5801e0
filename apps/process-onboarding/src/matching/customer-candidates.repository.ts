import { Injectable } from '@nestjs/common';
import { buildCandidateQuery, type MatchRecord } from '@concord/matching';
import { DataSource, type EntityManager } from '@concord/persistence';
import { toMatchRecord } from './customer-match.mapper.js';

export interface StoredCandidate {
  record: MatchRecord;
  /** Exact keys that found it: `taxId`, `domain`, `phone`, `xref`. */
  exactKeys: string[];
}

const CUSTOMER_TABLE = { table: 'customer' } as const;

/** Canonical customers worth scoring against a record: exact tax ID, domain, phone, CRM xref, fuzzy name. */
@Injectable()
export class CustomerCandidatesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(
    record: MatchRecord,
    options: { crmAccountId?: string; excludeIds?: readonly string[] },
    manager?: EntityManager,
  ): Promise<StoredCandidate[]> {
    const runner = manager ?? this.dataSource.manager;
    const query = buildCandidateQuery({
      record,
      layout: CUSTOMER_TABLE,
      ...(options.crmAccountId
        ? { externalRef: { domain: 'customer', system: 'crm', externalId: options.crmAccountId } }
        : {}),
    });
    const hits: Array<{ id: string; exact_keys: string[] }> = await runner.query(query.text, query.values);
    const excluded = new Set(options.excludeIds ?? []);
    const wanted = hits.filter((hit) => !excluded.has(hit.id));
    if (wanted.length === 0) return [];
    const rows: Array<{ id: string; data: Record<string, unknown> }> = await runner.query(
      `SELECT id, data FROM customer WHERE id = ANY($1::uuid[])`,
      [wanted.map((hit) => hit.id)],
    );
    const data = new Map(rows.map((row) => [row.id, row.data]));
    return wanted.flatMap((hit) => {
      const stored = data.get(hit.id);
      return stored ? [{ record: toMatchRecord(hit.id, stored), exactKeys: hit.exact_keys }] : [];
    });
  }
}
