import { Injectable } from '@nestjs/common';
import { DataSource } from '@concord/persistence';

const DOMAIN = 'customer';
const SYSTEM = 'billing';

/**
 * Which billing customer is which canonical customer. The unique keys of `xref` carry the guarantee:
 * a second link for the same canonical ID loses and reads the one that won.
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

  /** Links the pair and answers the external ID now linked to the canonical ID (the earlier one on a race). */
  async link(concordId: string, externalId: string): Promise<string> {
    const inserted: Array<{ external_id: string }> = await this.dataSource.query(
      `INSERT INTO xref (domain, canonical_id, system, external_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING external_id`,
      [DOMAIN, concordId, SYSTEM, externalId],
    );
    if (inserted[0]) return inserted[0].external_id;
    return (await this.externalIdOf(concordId)) ?? externalId;
  }

  /** Drops a link whose billing customer no longer exists (deleted in Stripe). */
  async unlink(concordId: string, externalId: string): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM xref WHERE domain = $1 AND system = $2 AND canonical_id = $3 AND external_id = $4`,
      [DOMAIN, SYSTEM, concordId, externalId],
    );
  }
}
