import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import {
  connectDatabase,
  type DataSource,
  OutboxRepository,
  SyncExceptionRepository,
} from '@concord/persistence';
import { QueueRuntime, startQueueWorker } from '@concord/queues';
import {
  createScratchDatabase,
  type ScratchDatabase,
  testRedisUrl,
  uniqueId,
  waitFor,
} from '@concord/testing';

const childScript = fileURLToPath(new URL('../support/relay-child.js', import.meta.url));

function runRelayProcess(
  databaseUrl: string,
  queue: string,
  crashAfterPublish: boolean,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript], {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        RELAY_QUEUE: queue,
        RELAY_CRASH_AFTER_PUBLISH: crashAfterPublish ? '1' : '0',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal, output }));
  });
}

// Its own database: a relay drains every outbox row it sees, so another test's app would relay these.
describe('outbox relay survives being killed', () => {
  let database: ScratchDatabase;
  let dataSource: DataSource;
  let runtime: QueueRuntime;
  let outbox: OutboxRepository;

  before(async () => {
    database = await createScratchDatabase();
    dataSource = await connectDatabase({ url: database.url, appName: 'outbox-e2e', poolSize: 4 });
    runtime = await QueueRuntime.connect({ databaseUrl: database.url, redisUrl: testRedisUrl() });
    outbox = new OutboxRepository(dataSource);
  });

  after(async () => {
    await runtime.close();
    await dataSource.destroy();
    await database.drop();
  });

  it('turns every committed row into exactly one job, in order, across a SIGKILL between enqueue and mark', async () => {
    const queue = uniqueId('relay');
    await dataSource.transaction((manager) =>
      outbox.add(
        manager,
        ['created', 'updated', 'synced'].map((step) => ({
          queue,
          jobName: 'customer.changed',
          entityKey: 'customer-1',
          payload: { step },
          correlationId: `c-${step}`,
        })),
      ),
    );
    await assert.rejects(
      dataSource.transaction(async (manager) => {
        await outbox.add(manager, [
          {
            queue,
            jobName: 'customer.changed',
            entityKey: 'customer-1',
            payload: { step: 'rolled-back' },
            correlationId: 'c-x',
          },
        ]);
        throw new Error('rollback');
      }),
    );

    const crashed = await runRelayProcess(database.url, queue, true);
    assert.equal(crashed.signal, 'SIGKILL');
    assert.match(crashed.output, /published/);
    const pending: Array<{ count: string }> = await dataSource.query(
      `SELECT count(*) AS count FROM outbox WHERE queue = $1 AND relayed_at IS NULL`,
      [queue],
    );
    assert.equal(Number(pending[0]?.count), 3, 'the killed relay marked nothing');

    const restarted = await runRelayProcess(database.url, queue, false);
    assert.equal(restarted.code, 0);
    assert.match(restarted.output, /drained/);

    const received: string[] = [];
    startQueueWorker<{ step: string }>(
      {
        queue,
        acceptsVersions: [1],
        domain: 'customer',
        handle: async (data) => void received.push(data.step),
      },
      { runtime, exceptions: new SyncExceptionRepository(dataSource), logger: pino({ level: 'silent' }) },
      { concurrency: 1 },
    );
    await waitFor(async () => (received.length >= 3 ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.deepEqual(received, ['created', 'updated', 'synced']);
    const counts = await runtime.queue(queue).getJobCounts('completed', 'waiting', 'active', 'failed');
    assert.equal(counts.completed, 3);
  });

  it('relays rows committed while no relay was running once one starts', async () => {
    const queue = uniqueId('late');
    await dataSource.transaction((manager) =>
      outbox.add(manager, [
        {
          queue,
          jobName: 'product.changed',
          entityKey: 'p-1',
          payload: { sku: 'A' },
          correlationId: 'c-late',
        },
      ]),
    );
    const relayed = await runRelayProcess(database.url, queue, false);
    assert.equal(relayed.code, 0);
    const job = await runtime.queue(queue).getJobs(['waiting', 'active', 'completed']);
    assert.equal(job.length, 1);
    assert.deepEqual(job[0]?.data, { v: 1, correlationId: 'c-late', data: { sku: 'A' } });
  });
});
