import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Counters of the partner rate limits and daily quotas when no Redis is configured. The layout is the
 * one rate-limiter-flexible's PostgreSQL store expects; it is created here so the library never
 * creates tables itself.
 */
export class RateLimit1732350420000 implements MigrationInterface {
  name = 'RateLimit1732350420000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE rate_limit (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      )`);
    await db.query(`CREATE INDEX rate_limit_expire_idx ON rate_limit (expire)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS rate_limit`);
  }
}
