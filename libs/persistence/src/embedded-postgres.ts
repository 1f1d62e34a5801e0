import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** Schema of BullMQ's PostgreSQL backend; Concord's own tables stay in `public`. */
export const JOB_STORE_SCHEMA = 'concord_jobs';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresSettings {
  dataDir: string;
  host?: string;
  port?: number;
  /** Every app holds a pool; the multiplexer serves them all from one PGlite instance. */
  maxConnections?: number;
}

/**
 * Hosts PGlite (with pg_trgm) behind its socket server so every app connects through `pg` exactly as
 * it would to a PostgreSQL server. The socket server keeps an open transaction on one connection.
 */
export async function startEmbeddedPostgres(settings: EmbeddedPostgresSettings): Promise<EmbeddedPostgres> {
  await mkdir(settings.dataDir, { recursive: true });
  const db = await PGlite.create(settings.dataDir, { extensions: { pg_trgm } });
  // PGlite serves every socket connection from one backend session, so per-connection startup
  // options (BullMQ pins search_path that way) never apply; the shared session must resolve both.
  await db.exec(`SET search_path TO public, ${JOB_STORE_SCHEMA}`);
  await db.exec(`ALTER DATABASE postgres SET search_path TO public, ${JOB_STORE_SCHEMA}`);
  const host = settings.host ?? '127.0.0.1';
  const port = settings.port === 0 ? await freeLoopbackPort(host) : (settings.port ?? 5433);
  const server = new PGLiteSocketServer({ db, host, port, maxConnections: settings.maxConnections ?? 200 });
  try {
    await server.start();
  } catch (error) {
    await db.close();
    throw new Error(
      `embedded PostgreSQL could not listen on ${host}:${port}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return {
    url: `postgres://postgres@${host}:${port}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

function freeLoopbackPort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, host, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
