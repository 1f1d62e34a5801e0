import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Partner webhooks: the endpoints a partner registered (the signing secret encrypted, since Concord
 * must sign with it), one delivery per (event, endpoint) and every attempt of it.
 */
export class PartnerWebhooks1732350400000 implements MigrationInterface {
  name = 'PartnerWebhooks1732350400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE webhook_endpoint (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        partner_id uuid NOT NULL REFERENCES partner(id),
        url text NOT NULL,
        event_types text[] NOT NULL,
        secret_ciphertext text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz
      )`);
    await db.query(
      `CREATE INDEX webhook_endpoint_partner_idx ON webhook_endpoint (partner_id, created_at) WHERE deleted_at IS NULL`,
    );
    await db.query(`
      CREATE TABLE webhook_delivery (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id text NOT NULL,
        event_type text NOT NULL,
        partner_id uuid NOT NULL REFERENCES partner(id),
        endpoint_id uuid NOT NULL REFERENCES webhook_endpoint(id),
        payload jsonb NOT NULL,
        status text NOT NULL DEFAULT 'pending'
          CHECK (status IN ('pending', 'retrying', 'delivered', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        round_attempts integer NOT NULL DEFAULT 0,
        schedule_seq integer NOT NULL DEFAULT 0,
        last_response_status integer,
        last_response_excerpt text,
        last_error text,
        last_attempt_at timestamptz,
        next_attempt_at timestamptz,
        delivered_at timestamptz,
        correlation_id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT webhook_delivery_event_endpoint_unique UNIQUE (event_id, endpoint_id)
      )`);
    await db.query(
      `CREATE INDEX webhook_delivery_created_idx ON webhook_delivery (created_at DESC, id DESC)`,
    );
    await db.query(
      `CREATE INDEX webhook_delivery_partner_idx ON webhook_delivery (partner_id, created_at DESC, id DESC)`,
    );
    await db.query(`
      CREATE TABLE webhook_delivery_attempt (
        id bigserial PRIMARY KEY,
        delivery_id uuid NOT NULL REFERENCES webhook_delivery(id) ON DELETE CASCADE,
        attempt integer NOT NULL,
        response_status integer,
        response_excerpt text,
        error text,
        duration_ms integer NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE INDEX webhook_delivery_attempt_delivery_idx ON webhook_delivery_attempt (delivery_id, id)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['webhook_delivery_attempt', 'webhook_delivery', 'webhook_endpoint'])
      await db.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
