import pg from 'pg';
import { testDatabaseUrl, uniqueId } from '@concord/testing';

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A database of its own on the test server, for a test whose assertions cover the whole of a shared
 * table (the outbox: every running app's relay drains every row it sees).
 */
export async function createScratchDatabase(): Promise<ScratchDatabase> {
  const name = uniqueId('concord_scratch_').toLowerCase();
  await admin((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(testDatabaseUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}
