import { Injectable } from '@nestjs/common';
import { DataSource, updateRows } from '@concord/persistence';

export interface WebhookEndpointRow {
  id: string;
  url: string;
  eventTypes: string[];
  secretCiphertext: string;
  createdAt: Date;
}

const COLUMNS = `id, url, event_types AS "eventTypes", secret_ciphertext AS "secretCiphertext",
  created_at AS "createdAt"`;

/** A partner's webhook endpoints; every read and write names the partner, so none sees another's. */
@Injectable()
export class WebhookEndpointsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(
    partnerId: string,
    endpoint: { url: string; eventTypes: string[]; secretCiphertext: string },
  ): Promise<string> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `INSERT INTO webhook_endpoint (partner_id, url, event_types, secret_ciphertext)
       VALUES ($1, $2, $3, $4) RETURNING id`,
      [partnerId, endpoint.url, endpoint.eventTypes, endpoint.secretCiphertext],
    );
    const row = rows[0];
    if (!row) throw new Error('webhook_endpoint insert returned no row');
    return row.id;
  }

  async find(partnerId: string, id: string): Promise<WebhookEndpointRow | undefined> {
    const rows: WebhookEndpointRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM webhook_endpoint WHERE partner_id = $1 AND id = $2 AND deleted_at IS NULL`,
      [partnerId, id],
    );
    return rows[0];
  }

  list(partnerId: string): Promise<WebhookEndpointRow[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM webhook_endpoint WHERE partner_id = $1 AND deleted_at IS NULL
        ORDER BY created_at, id`,
      [partnerId],
    );
  }

  /** Soft delete: deliveries already recorded keep pointing at the endpoint they went to. */
  async delete(partnerId: string, id: string): Promise<boolean> {
    const rows = await updateRows(
      this.dataSource,
      `UPDATE webhook_endpoint SET deleted_at = now()
        WHERE partner_id = $1 AND id = $2 AND deleted_at IS NULL RETURNING id`,
      [partnerId, id],
    );
    return rows.length > 0;
  }
}
