import { Injectable } from '@nestjs/common';
import { DataSource } from '@concord/persistence';

const DOMAIN = 'customer';
const SYSTEM = 'erp';

export interface CustomerLink {
  concordId: string;
  externalId: string;
}

/**
 * Which ERP customer is which canonical customer. Business Central's customer number keeps only part
 * of the canonical ID, so this table is the only way back from an ERP record to its canonical customer.
 */
@Injectable()
export class CustomerXrefRepository {
  constructor(private readonly dataSource: DataSource) {}

  async externalIdOf(concordId: string): Promise<string | undefined> {
    const rows: Array<{ external_id: string }> = await this.dataSource.query(
      `SELECT external_id FROM xref WHERE domain = $1 AND system = $2 AND canonical_id = $3`,
      [DOMAIN, SYSTEM, concordId],
    );
    return rows[0]?.external_id;
  }

  /** Canonical IDs by external ID, for the external IDs that have one. */
  async concordIdsOf(externalIds: readonly string[]): Promise<Map<string, string>> {
    if (externalIds.length === 0) return new Map();
    const rows: Array<{ canonical_id: string; external_id: string }> = await this.dataSource.query(
      `SELECT canonical_id, external_id FROM xref WHERE domain = $1 AND system = $2 AND external_id = ANY($3)`,
      [DOMAIN, SYSTEM, [...new Set(externalIds)]],
    );
    return new Map(rows.map((row) => [row.external_id, row.canonical_id]));
  }

  /**
   * Records each pair, idempotently; a canonical ID that moved to another ERP record (another company)
   * is re-pointed. Answers the canonical IDs whose ERP record is already linked to another canonical ID.
   */
  async link(links: readonly CustomerLink[]): Promise<Set<string>> {
    if (links.length === 0) return new Set();
    const concordIds = links.map((link) => link.concordId);
    const externalIds = links.map((link) => link.externalId);
    await this.dataSource.query(
      `INSERT INTO xref (domain, canonical_id, system, external_id)
       SELECT $1, pair.canonical_id, $2, pair.external_id
         FROM unnest($3::uuid[], $4::text[]) AS pair (canonical_id, external_id)
       ON CONFLICT DO NOTHING`,
      [DOMAIN, SYSTEM, concordIds, externalIds],
    );
    await this.dataSource.query(
      `UPDATE xref SET external_id = pair.external_id, updated_at = now()
         FROM unnest($3::uuid[], $4::text[]) AS pair (canonical_id, external_id)
        WHERE xref.domain = $1 AND xref.system = $2 AND xref.canonical_id = pair.canonical_id
          AND xref.external_id <> pair.external_id
          AND NOT EXISTS (
            SELECT 1 FROM xref other
             WHERE other.domain = $1 AND other.system = $2 AND other.external_id = pair.external_id)`,
      [DOMAIN, SYSTEM, concordIds, externalIds],
    );
    const owners = await this.concordIdsOf(externalIds);
    return new Set(
      links
        .filter((link) => owners.get(link.externalId) !== link.concordId.toLowerCase())
        .map((link) => link.concordId),
    );
  }
}
