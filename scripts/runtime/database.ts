import { join } from 'node:path';
import { Redis } from 'ioredis';
import { connectDatabase, type EmbeddedPostgres, startEmbeddedPostgres } from '@concord/persistence';
import { QueueRuntime } from '@concord/queues';
import { dataDir } from './runtime-file.js';

export interface ResolvedStores {
  databaseUrl: string;
  redisUrl: string | undefined;
  embedded: EmbeddedPostgres | undefined;
  warnings: string[];
}

/**
 * Uses DATABASE_URL when set, otherwise hosts PGlite from the data directory; then migrates the
 * schema and the job store once, before any app starts, so apps never race on migrations.
 */
export async function prepareStores(env: NodeJS.ProcessEnv, embeddedPort: number): Promise<ResolvedStores> {
  const warnings: string[] = [];
  let embedded: EmbeddedPostgres | undefined;
  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: join(dataDir(env), 'pglite'), port: embeddedPort });
    databaseUrl = embedded.url;
  }
  try {
    const dataSource = await connectDatabase({ url: databaseUrl, appName: 'concord-start', poolSize: 2 });
    await dataSource.destroy();
    const queues = await QueueRuntime.connect({ databaseUrl, redisUrl: env.REDIS_URL });
    await queues.close();
    if (env.REDIS_URL) {
      const policy = await redisEvictionPolicy(env.REDIS_URL);
      if (policy !== 'noeviction') {
        warnings.push(
          `Redis maxmemory-policy is "${policy}"; set it to "noeviction" or queued jobs can be evicted`,
        );
      }
    }
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  return { databaseUrl, redisUrl: env.REDIS_URL, embedded, warnings };
}

async function redisEvictionPolicy(url: string): Promise<string> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    const reply = (await redis.config('GET', 'maxmemory-policy')) as string[];
    return reply[1] ?? 'unknown';
  } catch {
    return 'unknown';
  } finally {
    redis.disconnect();
  }
}
