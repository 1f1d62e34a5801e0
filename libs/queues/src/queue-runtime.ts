import {
  Queue,
  Worker,
  createPostgresBackend,
  runMigrations,
  withBackend,
  type Processor,
  type WorkerOptions,
} from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import { JOB_STORE_SCHEMA } from '@concord/persistence';
import { defaultJobOptions, type RetryPolicy } from './job-options.js';

export type QueueBackendKind = 'redis' | 'postgres';

export interface QueueRuntimeSettings {
  /** Redis when set; otherwise BullMQ's PostgreSQL backend on `databaseUrl`. */
  redisUrl?: string | undefined;
  databaseUrl: string;
  retryPolicy?: RetryPolicy;
  /** Redis key prefix, so deployments can share one Redis without seeing each other's jobs. */
  prefix?: string;
  /** PostgreSQL schema of the job store. */
  schema?: string;
}

export interface QueueRuntimeWorkerOptions {
  concurrency?: number;
  lockDurationMs?: number;
}

type AnyQueue = Queue;
type AnyWorker = Worker;

/**
 * One connection to the job store and the BullMQ classes bound to it. Redis and PostgreSQL are both
 * official BullMQ backends; callers never see which one is in use.
 */
export class QueueRuntime {
  private readonly queues = new Map<string, AnyQueue>();
  private readonly workers = new Set<AnyWorker>();

  private constructor(
    readonly kind: QueueBackendKind,
    private readonly makeQueue: (name: string) => AnyQueue,
    private readonly makeWorker: (
      name: string,
      processor: Processor,
      options: QueueRuntimeWorkerOptions,
    ) => AnyWorker,
    readonly ping: () => Promise<void>,
    private readonly closeConnection: () => Promise<void>,
  ) {}

  static async connect(settings: QueueRuntimeSettings): Promise<QueueRuntime> {
    const jobDefaults = defaultJobOptions(settings.retryPolicy);
    if (settings.redisUrl)
      return QueueRuntime.connectRedis(settings.redisUrl, settings.prefix ?? 'concord', jobDefaults);
    return QueueRuntime.connectPostgres(
      settings.databaseUrl,
      settings.schema ?? JOB_STORE_SCHEMA,
      jobDefaults,
    );
  }

  private static async connectRedis(
    url: string,
    prefix: string,
    jobDefaults: ReturnType<typeof defaultJobOptions>,
  ) {
    // BullMQ requires maxRetriesPerRequest null on connections used by workers.
    const connection = new Redis(url, {
      maxRetriesPerRequest: null,
      lazyConnect: true,
      connectTimeout: 5000,
    });
    try {
      await connection.connect();
      await connection.ping();
    } catch (error) {
      connection.disconnect();
      throw new QueueStoreUnreachableError(`Redis at ${url}`, error);
    }
    return new QueueRuntime(
      'redis',
      (name) => new Queue(name, { connection, prefix, defaultJobOptions: jobDefaults }),
      (name, processor, options) => new Worker(name, processor, workerOptions(connection, prefix, options)),
      async () => {
        await connection.ping();
      },
      async () => {
        await connection.quit().catch(() => connection.disconnect());
      },
    );
  }

  private static async connectPostgres(
    url: string,
    schema: string,
    jobDefaults: ReturnType<typeof defaultJobOptions>,
  ) {
    const pool = new pg.Pool({ connectionString: url, max: 20, application_name: 'concord-queues' });
    try {
      const client = await pool.connect();
      try {
        await runMigrations(client, schema, { skipVersionCheck: true });
      } finally {
        client.release();
      }
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw new QueueStoreUnreachableError(`PostgreSQL job store`, error);
    }
    const { Queue: PgQueue, Worker: PgWorker } = withBackend(createPostgresBackend);
    const connection = { connectionString: url, schema, max: 4, skipVersionCheck: true };
    return new QueueRuntime(
      'postgres',
      (name) => new PgQueue(name, { connection, defaultJobOptions: jobDefaults }) as unknown as AnyQueue,
      (name, processor, options) =>
        new PgWorker(name, processor, { connection, ...workerTuning(options) }) as unknown as AnyWorker,
      async () => {
        await pool.query('SELECT 1');
      },
      () => pool.end(),
    );
  }

  /** The producer side of a queue; one instance per name per process. */
  queue(name: string): AnyQueue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = this.makeQueue(name);
      this.queues.set(name, queue);
    }
    return queue;
  }

  queueNames(): string[] {
    return [...this.queues.keys()];
  }

  worker(name: string, processor: Processor, options: QueueRuntimeWorkerOptions = {}): AnyWorker {
    const worker = this.makeWorker(name, processor, options);
    this.workers.add(worker);
    return worker;
  }

  /** Graceful: workers finish the jobs they hold before the connection closes. */
  async close(): Promise<void> {
    await Promise.all([...this.workers].map((worker) => worker.close()));
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    this.workers.clear();
    this.queues.clear();
    await this.closeConnection();
  }
}

function workerTuning(options: QueueRuntimeWorkerOptions): Omit<WorkerOptions, 'connection'> {
  return {
    concurrency: options.concurrency ?? 8,
    lockDuration: options.lockDurationMs ?? 30_000,
    maxStalledCount: 3,
  };
}

function workerOptions(connection: Redis, prefix: string, options: QueueRuntimeWorkerOptions): WorkerOptions {
  return { connection, prefix, ...workerTuning(options) };
}

export class QueueStoreUnreachableError extends Error {
  constructor(what: string, cause: unknown) {
    super(`${what} is not reachable: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'QueueStoreUnreachableError';
  }
}
