import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { freePort, testDatabaseUrl } from '@concord/testing';
import { type DataSource } from 'typeorm';
import { connectDatabase } from './data-source.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { queryPrepared } from './prepared-query.js';

const SQUARE = {
  name: 'prepared_query_probe',
  text: 'SELECT $1::int * $1::int AS square, $2::text AS label',
};

/** Many reads at once, so several pooled connections each run the statement, several times. */
async function squaresAt(dataSource: DataSource): Promise<number[]> {
  const answers = await Promise.all(
    Array.from({ length: 24 }, (_, i) =>
      queryPrepared<{ square: number; label: string }>(dataSource, SQUARE, [i, `n${i}`]),
    ),
  );
  return answers.map(([row], i) => {
    assert.equal(row?.label, `n${i}`);
    return row?.square ?? -1;
  });
}

const expected = Array.from({ length: 24 }, (_, i) => i * i);

describe('prepared reads', () => {
  const cleanups: Array<() => Promise<void>> = [];
  after(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('prepare once per connection on PostgreSQL and answer each call with its own values', async () => {
    const dataSource = await connectDatabase({
      url: testDatabaseUrl(),
      appName: 'prepared-test',
      poolSize: 4,
    });
    cleanups.push(() => dataSource.destroy());
    assert.deepEqual(await squaresAt(dataSource), expected);
    assert.deepEqual(await squaresAt(dataSource), expected);
    const prepared = await dataSource.query<Array<{ name: string }>>(
      `SELECT name FROM pg_prepared_statements WHERE name = $1`,
      [SQUARE.name],
    );
    // Twenty-four reads at once open every connection of the pool; this query runs on one of them.
    assert.deepEqual(prepared, [{ name: SQUARE.name }]);
  });

  it('run unprepared on the embedded server, whose connections share one session', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'concord-prepared-'));
    const embedded = await startEmbeddedPostgres({ dataDir, port: await freePort() });
    cleanups.push(async () => {
      await embedded.stop();
      await rm(dataDir, { recursive: true, force: true });
    });
    const dataSource = await connectDatabase({ url: embedded.url, appName: 'prepared-test', poolSize: 4 });
    cleanups.push(() => dataSource.destroy());
    assert.deepEqual(await squaresAt(dataSource), expected);
    assert.deepEqual(await squaresAt(dataSource), expected);
    const prepared = await dataSource.query<Array<{ name: string }>>(
      `SELECT name FROM pg_prepared_statements`,
    );
    assert.deepEqual(prepared, [], 'nothing is left prepared in the shared session');
  });
});
