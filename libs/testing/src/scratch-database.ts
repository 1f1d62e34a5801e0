import pg from 'pg';
import { testDatabaseUrl, uniqueId } from './test-env.js';

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

async function admin<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A database of its own on the server of `serverUrl` (the test server by default), for a run whose
 * figures or assertions cover whole tables: nothing an earlier run left behind is matched or counted.
 */
export async function createScratchDatabase(
  prefix = 'concord_scratch_',
  serverUrl = testDatabaseUrl(),
): Promise<ScratchDatabase> {
  const name = uniqueId(prefix)
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_');
  await admin(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      admin(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}
