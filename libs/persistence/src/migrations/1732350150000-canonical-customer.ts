import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The canonical customer (DESIGN §4): the record Concord agreed on, its version, which system supplied
 * each field and at which source version, and the normalized keys the duplicate check searches.
 */
export class CanonicalCustomer1732350150000 implements MigrationInterface {
  name = 'CanonicalCustomer1732350150000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE customer (
        id uuid PRIMARY KEY,
        version integer NOT NULL DEFAULT 1,
        data jsonb NOT NULL,
        provenance jsonb NOT NULL DEFAULT '{}'::jsonb,
        source_versions jsonb NOT NULL DEFAULT '{}'::jsonb,
        sync_status text NOT NULL DEFAULT 'pending',
        partner_id uuid,
        first_invoice_posted_at timestamptz,
        normalized_name text NOT NULL,
        tax_id text,
        domain text,
        phone text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX customer_name_trgm ON customer USING gin (normalized_name gin_trgm_ops)`);
    for (const column of ['tax_id', 'domain', 'phone']) {
      await db.query(
        `CREATE INDEX customer_${column}_idx ON customer (${column}) WHERE ${column} IS NOT NULL`,
      );
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS customer`);
  }
}
