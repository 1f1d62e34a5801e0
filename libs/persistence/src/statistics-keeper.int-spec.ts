import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { testDatabaseUrl, uniqueId } from '@concord/testing';
import { type DataSource } from 'typeorm';
import { connectDatabase } from './data-source.js';
import { StatisticsKeeper } from './statistics-keeper.js';

describe('statistics keeper', () => {
  let dataSource: DataSource;
  const table = uniqueId('stats_probe')
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_');

  before(async () => {
    dataSource = await connectDatabase({ url: testDatabaseUrl(), appName: 'statistics-test', poolSize: 2 });
    await dataSource.query(`CREATE TABLE "${table}" (id int PRIMARY KEY, kind text NOT NULL)`);
  });
  after(async () => {
    await dataSource.query(`DROP TABLE IF EXISTS "${table}"`);
    await dataSource.destroy();
  });

  const lastAnalyzed = async (): Promise<Date | null> => {
    const [row] = await dataSource.query<Array<{ at: Date | null }>>(
      `SELECT GREATEST(last_analyze, last_autoanalyze) AS at FROM pg_stat_user_tables WHERE relname = $1`,
      [table],
    );
    return row?.at ?? null;
  };

  it('analyzes a table that changed a lot since its last analysis, only where autovacuum does not', async () => {
    const [setting] = await dataSource.query<
      Array<{
        value: string;
      }>
    >(`SELECT current_setting('autovacuum') AS value`);
    await dataSource.query(
      `INSERT INTO "${table}" SELECT n, CASE WHEN n % 2 = 0 THEN 'even' ELSE 'odd' END FROM generate_series(1, 2000) n`,
    );
    // The counters reach pg_stat_user_tables once the inserting session reports them.
    await dataSource.query('SELECT pg_stat_force_next_flush()').catch(() => undefined);
    const keeper = new StatisticsKeeper(dataSource);
    const analyzed = await keeper.run();
    if (setting?.value === 'on') {
      assert.deepEqual(analyzed, [], 'autovacuum keeps the statistics; the keeper leaves them alone');
      return;
    }
    assert.ok(analyzed.includes(table), `${table} analyzed (got ${analyzed.join(', ')})`);
    assert.ok((await lastAnalyzed()) !== null);
    const [estimate] = await dataSource.query<Array<{ rows: number }>>(
      `SELECT reltuples::int AS rows FROM pg_class WHERE relname = $1`,
      [table],
    );
    assert.equal(estimate?.rows, 2000);
    assert.deepEqual(
      (await keeper.run()).filter((name) => name === table),
      [],
      'nothing changed since: not analyzed again',
    );
  });
});
