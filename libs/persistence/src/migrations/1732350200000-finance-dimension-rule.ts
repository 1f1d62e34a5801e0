import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Default finance dimensions of ERP customers, by the CRM territory or segment of the customer
 * (`territory DACH → AREA 10`). Finance maintains the rows; the seed matches the Business Central
 * demo company's dimension values.
 */
export class FinanceDimensionRule1732350200000 implements MigrationInterface {
  name = 'FinanceDimensionRule1732350200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE finance_dimension_rule (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        source text NOT NULL CHECK (source IN ('territory', 'segment')),
        source_value text NOT NULL,
        dimension_code text NOT NULL,
        dimension_value_code text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One value per dimension for each territory or segment; territories compare without case.
    await db.query(
      `CREATE UNIQUE INDEX finance_dimension_rule_key ON finance_dimension_rule (source, lower(source_value), dimension_code)`,
    );
    await db.query(`
      INSERT INTO finance_dimension_rule (source, source_value, dimension_code, dimension_value_code) VALUES
        ('territory', 'DACH', 'AREA', '10'),
        ('territory', 'Nordics', 'AREA', '10'),
        ('territory', 'Benelux', 'AREA', '10'),
        ('territory', 'Southern Europe', 'AREA', '20'),
        ('territory', 'North America', 'AREA', '30'),
        ('segment', 'Enterprise', 'CUSTOMERGROUP', 'LARGE'),
        ('segment', 'Mid-Market', 'CUSTOMERGROUP', 'MEDIUM'),
        ('segment', 'SMB', 'CUSTOMERGROUP', 'SMALL')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS finance_dimension_rule`);
  }
}
