import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Partner administration: a credential is an API key or an OAuth2 client (same hashing, told apart
 * by `kind`), and a partner may carry its own rate limit and daily quota (NULL: the defaults).
 */
export class PartnerCredentials1732350410000 implements MigrationInterface {
  name = 'PartnerCredentials1732350410000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE api_credential ADD COLUMN kind text NOT NULL DEFAULT 'api_key'
         CHECK (kind IN ('api_key', 'oauth_client'))`,
    );
    await db.query(`ALTER TABLE api_credential ADD COLUMN rotated_from uuid REFERENCES api_credential(id)`);
    await db.query(`ALTER TABLE partner ADD COLUMN rate_limit_points integer CHECK (rate_limit_points > 0)`);
    await db.query(
      `ALTER TABLE partner ADD COLUMN rate_limit_window_seconds integer CHECK (rate_limit_window_seconds > 0)`,
    );
    await db.query(`ALTER TABLE partner ADD COLUMN daily_quota integer CHECK (daily_quota > 0)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const column of ['daily_quota', 'rate_limit_window_seconds', 'rate_limit_points'])
      await db.query(`ALTER TABLE partner DROP COLUMN IF EXISTS ${column}`);
    await db.query(`ALTER TABLE api_credential DROP COLUMN IF EXISTS rotated_from`);
    await db.query(`ALTER TABLE api_credential DROP COLUMN IF EXISTS kind`);
  }
}
