import { type DataSource } from 'typeorm';

/** Any fixed number: every Concord process agrees on it, so one of them analyzes at a time. */
const STATISTICS_LOCK_KEY = 7_340_212;

/**
 * Keeps the planner's statistics current where nothing else does: an embedded database (PGlite runs
 * no autovacuum workers) or a server with autovacuum off. Without statistics the planner takes a
 * table of 20,000 rows for an empty one and scans an index by its low-cardinality prefix (say every
 * `xref` row of one system) instead of seeking the key. Tables that changed by more than a tenth
 * since their last analysis (and by at least 500 rows) are analyzed; with autovacuum on, nothing is done.
 */
export class StatisticsKeeper {
  private needed: boolean | undefined;

  constructor(private readonly dataSource: DataSource) {}

  /** Analyzes what is due; answers the tables it analyzed. */
  async run(): Promise<string[]> {
    this.needed ??= await this.autovacuumIsOff();
    if (!this.needed) return [];
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      // Through the runner's manager: its query is typed, and it stays on the runner's connection.
      const [lock] = await runner.manager.query<Array<{ locked: boolean }>>(
        'SELECT pg_try_advisory_lock($1) AS locked',
        [STATISTICS_LOCK_KEY],
      );
      if (!lock?.locked) return [];
      try {
        const due = await runner.manager.query<Array<{ schemaname: string; relname: string }>>(
          `SELECT schemaname, relname FROM pg_stat_user_tables
            WHERE n_mod_since_analyze >= GREATEST(500, 0.1 * n_live_tup)`,
        );
        for (const table of due) {
          await runner.query(`ANALYZE ${quoteIdent(table.schemaname)}.${quoteIdent(table.relname)}`);
        }
        return due.map((table) => table.relname);
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [STATISTICS_LOCK_KEY]);
      }
    } finally {
      await runner.release();
    }
  }

  private async autovacuumIsOff(): Promise<boolean> {
    const [row] = await this.dataSource.query<
      Array<{
        setting: string;
      }>
    >(`SELECT current_setting('autovacuum') AS setting`);
    return row?.setting !== 'on';
  }
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
