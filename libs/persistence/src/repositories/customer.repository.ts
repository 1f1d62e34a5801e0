import { type DataSource, type EntityManager } from 'typeorm';
import { CustomerEntity, type FieldProvenance } from '../entities/customer.entity.js';
import { sameJson } from './same-json.util.js';

/** The normalized keys the duplicate check searches; computed by the caller (libs/matching). */
export interface CustomerMatchKeys {
  normalizedName: string;
  taxId: string | null;
  domain: string | null;
  phone: string | null;
}

export interface CustomerWrite {
  id: string;
  /** Top-level canonical fields as supplied by `system`; fields left out keep their stored value. */
  data: Record<string, unknown>;
  system: string;
  sourceVersion?: string | null;
  matchKeys: CustomerMatchKeys;
  partnerId?: string | null;
}

export interface CustomerWriteResult {
  created: boolean;
  version: number;
  changedFields: string[];
}

/** Canonical customers with per-field provenance; every accepted change bumps the version. */
export class CustomerRepository {
  constructor(private readonly dataSource: DataSource) {}

  find(id: string, manager?: EntityManager): Promise<CustomerEntity | null> {
    return (manager ?? this.dataSource.manager).findOne(CustomerEntity, { where: { id } });
  }

  async findMany(ids: readonly string[]): Promise<CustomerEntity[]> {
    if (ids.length === 0) return [];
    return this.dataSource.manager
      .createQueryBuilder(CustomerEntity, 'c')
      .where('c.id IN (:...ids)', { ids: [...ids] })
      .getMany();
  }

  /** Inserts or merges under a row lock; pass the manager of an open transaction, or none. */
  save(write: CustomerWrite, manager?: EntityManager): Promise<CustomerWriteResult> {
    if (manager) return this.saveIn(manager, write);
    return this.dataSource.transaction((tx) => this.saveIn(tx, write));
  }

  async setSyncStatus(id: string, status: string, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager).query(
      `UPDATE customer SET sync_status = $2, updated_at = now() WHERE id = $1`,
      [id, status],
    );
  }

  /** From the first posted invoice on, the billing address belongs to the ERP (DESIGN §5). */
  async markFirstInvoicePosted(id: string, at: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE customer SET first_invoice_posted_at = LEAST(COALESCE(first_invoice_posted_at, $2), $2),
              updated_at = now() WHERE id = $1`,
      [id, at],
    );
  }

  private async saveIn(manager: EntityManager, write: CustomerWrite): Promise<CustomerWriteResult> {
    const at = new Date().toISOString();
    const stamp = (): FieldProvenance => ({
      system: write.system,
      sourceVersion: write.sourceVersion ?? null,
      at,
    });
    const supplied = Object.entries(write.data).filter(([, value]) => value !== undefined);
    const inserted: Array<{ version: number }> = await manager.query(
      `INSERT INTO customer (id, data, provenance, source_versions, partner_id, normalized_name, tax_id, domain, phone)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (id) DO NOTHING RETURNING version`,
      [
        write.id,
        JSON.stringify(Object.fromEntries(supplied)),
        JSON.stringify(Object.fromEntries(supplied.map(([field]) => [field, stamp()]))),
        JSON.stringify(write.sourceVersion ? { [write.system]: write.sourceVersion } : {}),
        write.partnerId ?? null,
        ...matchKeyValues(write.matchKeys),
      ],
    );
    if (inserted[0])
      return { created: true, version: inserted[0].version, changedFields: supplied.map(([f]) => f) };

    const current = await manager.findOne(CustomerEntity, {
      where: { id: write.id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!current) throw new Error(`customer ${write.id} vanished under its row lock`);
    const changed = supplied.filter(([field, value]) => !sameJson(current.data[field], value));
    const sourceVersions = write.sourceVersion
      ? { ...current.sourceVersions, [write.system]: write.sourceVersion }
      : current.sourceVersions;
    const version = changed.length > 0 ? current.version + 1 : current.version;
    await manager.query(
      `UPDATE customer SET data = $2, provenance = $3, source_versions = $4, version = $5,
              partner_id = COALESCE(partner_id, $6), normalized_name = $7, tax_id = $8, domain = $9, phone = $10,
              updated_at = now()
        WHERE id = $1`,
      [
        write.id,
        JSON.stringify({ ...current.data, ...Object.fromEntries(changed) }),
        JSON.stringify({
          ...current.provenance,
          ...Object.fromEntries(changed.map(([field]) => [field, stamp()])),
        }),
        JSON.stringify(sourceVersions),
        version,
        write.partnerId ?? null,
        ...matchKeyValues(write.matchKeys),
      ],
    );
    return { created: false, version, changedFields: changed.map(([field]) => field) };
  }
}

function matchKeyValues(keys: CustomerMatchKeys): [string, string | null, string | null, string | null] {
  return [keys.normalizedName, keys.taxId || null, keys.domain || null, keys.phone || null];
}
