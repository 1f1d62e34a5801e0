import { Injectable } from '@nestjs/common';
import { DataSource } from '@concord/persistence';
import { subscriptionUuidOf } from './subscription-key.util.js';

const DOMAIN = 'subscription';
const SYSTEM = 'billing';

/**
 * Which billing subscription holds which subscription key (as its derived UUID). The unique keys of
 * `xref` carry the guarantee: a second link for the same key loses and reads the one that won.
 */
@Injectable()
export class SubscriptionXrefRepository {
  constructor(private readonly dataSource: DataSource) {}

  async externalIdOf(subscriptionKey: string): Promise<string | undefined> {
    const rows: Array<{ external_id: string }> = await this.dataSource.query(
      `SELECT external_id FROM xref WHERE domain = $1 AND system = $2 AND canonical_id = $3`,
      [DOMAIN, SYSTEM, subscriptionUuidOf(subscriptionKey)],
    );
    return rows[0]?.external_id;
  }

  /** Links the pair and answers the external ID now linked to the key (the earlier one on a race). */
  async link(subscriptionKey: string, externalId: string): Promise<string> {
    const inserted: Array<{ external_id: string }> = await this.dataSource.query(
      `INSERT INTO xref (domain, canonical_id, system, external_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING external_id`,
      [DOMAIN, subscriptionUuidOf(subscriptionKey), SYSTEM, externalId],
    );
    if (inserted[0]) return inserted[0].external_id;
    return (await this.externalIdOf(subscriptionKey)) ?? externalId;
  }

  /** Drops a link whose billing subscription no longer exists. */
  async unlink(subscriptionKey: string, externalId: string): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM xref WHERE domain = $1 AND system = $2 AND canonical_id = $3 AND external_id = $4`,
      [DOMAIN, SYSTEM, subscriptionUuidOf(subscriptionKey), externalId],
    );
  }
}
