import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Where each change-feed consumer stands: the cursor it resumes from (saved only after a batch is
 * committed) and the source version of the last change it consumed, for the event-lag gauge.
 */
export class ChangeConsumer1732350300000 implements MigrationInterface {
  name = 'ChangeConsumer1732350300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE change_consumer (
        name text PRIMARY KEY,
        source_system text NOT NULL,
        cursor text,
        last_source_version timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // For every change of an account it does not know, the CRM trigger asks whether a flow started from it.
    await db.query(`CREATE INDEX flow_crm_account_idx ON flow ((input->>'crmAccountId'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS flow_crm_account_idx`);
    await db.query(`DROP TABLE IF EXISTS change_consumer`);
  }
}
