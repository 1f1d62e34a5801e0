import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Keeps the duplicate check's fuzzy-name lookup an index probe as customers pile up.
 *
 * - The trigram index no longer keeps a pending list: with it, every customer added since the last
 *   vacuum was compared one by one on each search, so during a bulk load each check read the whole
 *   backlog. Inserts now update the index in place, which costs less than those repeated scans.
 * - pg_trgm declares its `%` operator as cheap as `=` (cost 1), but comparing trigram sets costs
 *   microseconds a row, so with a few thousand customers the planner preferred reading every row to
 *   the index. At its real cost it picks the index. A role that does not own the extension keeps the
 *   default.
 */
export class TrigramSearch1732350430000 implements MigrationInterface {
  name = 'TrigramSearch1732350430000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER INDEX customer_name_trgm SET (fastupdate = off)`);
    await db.query(`SELECT gin_clean_pending_list('customer_name_trgm'::regclass)`);
    await db.query(`
      DO $$
      BEGIN
        ALTER FUNCTION similarity_op(text, text) COST 100;
      EXCEPTION WHEN insufficient_privilege THEN
        RAISE NOTICE 'similarity_op(text, text) belongs to another role; its planner cost stays at 1';
      END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER INDEX customer_name_trgm RESET (fastupdate)`);
    await db.query(`
      DO $$
      BEGIN
        ALTER FUNCTION similarity_op(text, text) COST 1;
      EXCEPTION WHEN insufficient_privilege THEN
        NULL;
      END $$`);
  }
}
