import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import {
  connectDatabase,
  type DataSource,
  type EmbeddedPostgres,
  OutboxRepository,
  startEmbeddedPostgres,
  SyncExceptionRepository,
} from '@concord/persistence';
import { freePort, testDatabaseUrl, testRedisUrl, uniqueId, waitFor } from '@concord/testing';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rm } from 'node:fs/promises';
import {
  NonRetryableJobError,
  OutboxRelay,
  QueueProducer,
  QueueRuntime,
  RetryLaterError,
  startQueueWorker,
} from './index.js';

const logger = pino({ level: 'silent' });

interface Backend {
  name: string;
  setUp(): Promise<{ databaseUrl: string; redisUrl?: string; tearDown(): Promise<void> }>;
}

const backends: Backend[] = [
  {
    name: 'redis',
    setUp: async () => ({
      databaseUrl: testDatabaseUrl(),
      redisUrl: testRedisUrl(),
      tearDown: async () => {},
    }),
  },
  { name: 'postgres', setUp: async () => ({ databaseUrl: testDatabaseUrl(), tearDown: async () => {} }) },
  {
    name: 'pglite',
    setUp: async () => {
      const dataDir = join(tmpdir(), uniqueId('pglite'));
      const embedded: EmbeddedPostgres = await startEmbeddedPostgres({ dataDir, port: await freePort() });
      return {
        databaseUrl: embedded.url,
        tearDown: async () => {
          await embedded.stop();
          await rm(dataDir, { recursive: true, force: true });
        },
      };
    },
  },
];

for (const backend of backends) {
  describe(`queues on ${backend.name}`, () => {
    let env: Awaited<ReturnType<Backend['setUp']>>;
    let dataSource: DataSource;
    let runtime: QueueRuntime;
    let exceptions: SyncExceptionRepository;
    let outbox: OutboxRepository;

    before(async () => {
      env = await backend.setUp();
      dataSource = await connectDatabase({ url: env.databaseUrl, appName: 'queues-test', poolSize: 4 });
      runtime = await QueueRuntime.connect({
        databaseUrl: env.databaseUrl,
        redisUrl: env.redisUrl,
        prefix: 'concord_test',
        retryPolicy: { attempts: 3, backoffMs: 20, jitter: 0.5 },
      });
      exceptions = new SyncExceptionRepository(dataSource);
      outbox = new OutboxRepository(dataSource);
    });

    after(async () => {
      await runtime.close();
      await dataSource.destroy();
      await env.tearDown();
    });

    it('processes 500 jobs, each once, carrying its correlation ID', async () => {
      const queue = uniqueId('bulk');
      const seen = new Map<number, string>();
      startQueueWorker<{ n: number }>(
        {
          queue,
          acceptsVersions: [1],
          domain: 'test',
          handle: async (data, { job }) => {
            seen.set(data.n, job.data.correlationId);
          },
        },
        { runtime, exceptions, logger },
        { concurrency: 16 },
      );
      const producer = new QueueProducer(runtime);
      await Promise.all(
        Array.from({ length: 500 }, (_, n) =>
          producer.enqueue(queue, 'count', { n }, { correlationId: `corr-${n}` }),
        ),
      );
      await waitFor(async () => (seen.size === 500 ? true : undefined), 60_000);
      assert.equal(seen.get(42), 'corr-42');
    });

    it('turns a job that always fails into one sync_exception holding its payload', async () => {
      const queue = uniqueId('fail');
      let calls = 0;
      startQueueWorker<{ customer: string }>(
        {
          queue,
          acceptsVersions: [1],
          domain: 'customer',
          handle: async () => {
            calls += 1;
            throw new Error('ERP unavailable');
          },
        },
        { runtime, exceptions, logger },
      );
      const jobId = await new QueueProducer(runtime).enqueue(
        queue,
        'provision',
        { customer: 'ACME' },
        { correlationId: 'corr-fail' },
      );
      const rows = await waitFor(async () => {
        const found = await exceptions.findByJob(queue, jobId);
        return found.length > 0 ? found : undefined;
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(calls, 3);
      assert.equal((await exceptions.findByJob(queue, jobId)).length, 1);
      assert.equal(rows[0]?.category, 'technical');
      assert.deepEqual(rows[0]?.payload, { v: 1, correlationId: 'corr-fail', data: { customer: 'ACME' } });
      assert.equal(rows[0]?.correlationId, 'corr-fail');
      assert.match(JSON.stringify(rows[0]?.error), /ERP unavailable/);
    });

    it('puts a job asked to wait back for that long without spending its attempts', async () => {
      const queue = uniqueId('later');
      const runs: number[] = [];
      startQueueWorker<{ customer: string }>(
        {
          queue,
          acceptsVersions: [1],
          domain: 'customer',
          handle: async () => {
            runs.push(Date.now());
            // More waits than the job has attempts: none of them may count as one.
            if (runs.length <= 4) throw new RetryLaterError(150, 'throttled');
            return 'done';
          },
        },
        { runtime, exceptions, logger },
      );
      const jobId = await new QueueProducer(runtime).enqueue(
        queue,
        'provision',
        { customer: 'ACME' },
        { correlationId: 'corr-later' },
      );
      const job = await waitFor(async () => {
        const state = await runtime.queue(queue).getJobState(jobId);
        return state === 'completed' ? runtime.queue(queue).getJob(jobId) : undefined;
      });
      assert.equal(runs.length, 5);
      assert.equal(job?.attemptsMade, 1);
      for (let i = 1; i < runs.length; i++)
        assert.ok(runs[i]! - runs[i - 1]! >= 140, `waited before run ${i + 1}`);
      assert.equal((await exceptions.findByJob(queue, jobId)).length, 0);
    });

    it('stops at once on a non-retryable failure and files it under its category', async () => {
      const queue = uniqueId('reject');
      let calls = 0;
      startQueueWorker(
        {
          queue,
          acceptsVersions: [1],
          domain: 'customer',
          handle: async () => {
            calls += 1;
            throw new NonRetryableJobError('rejected-by-target', 'ERP rejected the tax ID', {
              system: 'erp',
            });
          },
        },
        { runtime, exceptions, logger },
      );
      const jobId = await new QueueProducer(runtime).enqueue(queue, 'provision', { customer: 'X' });
      const rows = await waitFor(async () => {
        const found = await exceptions.findByJob(queue, jobId);
        return found.length > 0 ? found : undefined;
      });
      assert.equal(calls, 1);
      assert.equal(rows[0]?.category, 'rejected-by-target');
    });

    it('relays committed outbox rows and never rolled-back ones', async () => {
      const queue = uniqueId('outbox');
      const received: string[] = [];
      startQueueWorker<{ label: string }>(
        {
          queue,
          acceptsVersions: [1],
          domain: 'test',
          handle: async (data) => void received.push(data.label),
        },
        { runtime, exceptions, logger },
      );
      await assert.rejects(
        dataSource.transaction(async (manager) => {
          await outbox.add(manager, [
            { queue, jobName: 'x', entityKey: 'e1', payload: { label: 'rolled-back' }, correlationId: 'c1' },
          ]);
          throw new Error('abort');
        }),
      );
      await dataSource.transaction((manager) =>
        outbox.add(manager, [
          { queue, jobName: 'x', entityKey: 'e1', payload: { label: 'first' }, correlationId: 'c2' },
          { queue, jobName: 'x', entityKey: 'e1', payload: { label: 'second' }, correlationId: 'c3' },
        ]),
      );
      const relay = new OutboxRelay(outbox, runtime, logger, { idleDelayMs: 20 });
      relay.start();
      await waitFor(async () => (received.length >= 2 ? true : undefined));
      await relay.stop();
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.deepEqual(received, ['first', 'second']);
    });

    it('publishes a row once even when the relay dies between enqueue and marking it relayed', async () => {
      const queue = uniqueId('crash');
      const received: string[] = [];
      await dataSource.transaction((manager) =>
        outbox.add(manager, [
          { queue, jobName: 'x', entityKey: 'e9', payload: { label: 'only-once' }, correlationId: 'c9' },
        ]),
      );
      // First pass enqueues, then the transaction that would mark the row aborts, as a killed process would.
      await assert.rejects(
        outbox.relayBatch(100, async (rows) => {
          for (const row of rows.filter((r) => r.queue === queue)) {
            const envelope = { v: 1, correlationId: row.correlationId, data: row.payload };
            await runtime.queue(queue).add(row.jobName, envelope, { jobId: `outbox-${row.id}` });
          }
          throw new Error('killed');
        }),
      );
      startQueueWorker<{ label: string }>(
        {
          queue,
          acceptsVersions: [1],
          domain: 'test',
          handle: async (data) => void received.push(data.label),
        },
        { runtime, exceptions, logger },
      );
      const restarted = new OutboxRelay(outbox, runtime, logger);
      while ((await restarted.relayOnce()) > 0) {
        /* drain */
      }
      await waitFor(async () => (received.length >= 1 ? true : undefined));
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.deepEqual(received, ['only-once']);
    });
  });
}
