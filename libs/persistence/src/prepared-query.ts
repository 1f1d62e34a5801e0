import { type Pool, type QueryResultRow } from 'pg';
import { type DataSource } from 'typeorm';
import { type PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';

/** A read the hot paths run often enough that parsing and planning it each time is most of its cost. */
export interface PreparedStatement {
  /** Unique per statement text; the statement is prepared under this name on each connection. */
  name: string;
  text: string;
}

// Servers that put every client connection on one session (the embedded one): a name one connection
// prepared would clash with the same name from another, and nothing would ever deallocate them.
const sharedSessions = new WeakSet<DataSource>();

/** Notes, from the server's `version()`, whether it multiplexes connections onto one session. */
export async function detectSharedSession(dataSource: DataSource): Promise<void> {
  const [row]: Array<{ version: string }> = await dataSource.query('SELECT version() AS version');
  if (row?.version.includes('PGlite')) sharedSessions.add(dataSource);
}

function poolOf(dataSource: DataSource): Pool {
  // TypeORM types its pg pool as `any`; it is the pg Pool the driver was created with.
  return (dataSource.driver as PostgresDriver).master as Pool;
}

/**
 * Runs a read outside any transaction as a named prepared statement: each pooled connection parses
 * and plans it once and then only binds and executes it, which on a single-row lookup is most of
 * PostgreSQL's work. Statements whose plan depends on which parameters are set should be separate
 * statements, since the plan is reused for every set of values.
 */
export async function queryPrepared<T extends QueryResultRow>(
  dataSource: DataSource,
  statement: PreparedStatement,
  values: unknown[],
): Promise<T[]> {
  if (sharedSessions.has(dataSource)) return dataSource.query<T[]>(statement.text, values);
  const result = await poolOf(dataSource).query<T>({ name: statement.name, text: statement.text, values });
  return result.rows;
}
