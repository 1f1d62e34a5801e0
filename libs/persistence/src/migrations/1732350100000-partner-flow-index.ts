import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** Partners list their customers newest first; this keeps that read an index scan as flows grow. */
export class PartnerFlowIndex1732350100000 implements MigrationInterface {
  name = 'PartnerFlowIndex1732350100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX flow_partner_created_idx ON flow (partner_id, created_at DESC, id) WHERE partner_id IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS flow_partner_created_idx`);
  }
}
