import { pino } from 'pino';
import { connectDatabase, OutboxRepository } from '@concord/persistence';
import { OutboxRelay, QueueRuntime } from '@concord/queues';
import { testDatabaseUrl, testRedisUrl } from '@concord/testing';

// A relay in its own process, so a test can SIGKILL it at the worst moment. With
// RELAY_CRASH_AFTER_PUBLISH=1 it enqueues one batch and kills itself before marking the rows relayed.

const queue = process.env.RELAY_QUEUE ?? '';
const dataSource = await connectDatabase({ url: testDatabaseUrl(), appName: 'relay-child', poolSize: 2 });
const runtime = await QueueRuntime.connect({ databaseUrl: testDatabaseUrl(), redisUrl: testRedisUrl() });
const outbox = new OutboxRepository(dataSource);

if (process.env.RELAY_CRASH_AFTER_PUBLISH === '1') {
  await outbox.relayBatch(1000, async (rows) => {
    for (const row of rows) {
      await runtime
        .queue(row.queue)
        .add(
          row.jobName,
          { v: 1, correlationId: row.correlationId, data: row.payload },
          { jobId: `outbox-${row.id}` },
        );
    }
    process.stdout.write('published\n');
    process.kill(process.pid, 'SIGKILL');
    return new Promise<string[]>(() => {});
  });
}

const relay = new OutboxRelay(outbox, runtime, pino({ level: 'silent' }), { idleDelayMs: 50 });
relay.start();
for (;;) {
  const rows: Array<{ count: string }> = await dataSource.query(
    `SELECT count(*) AS count FROM outbox WHERE relayed_at IS NULL AND queue = $1`,
    [queue],
  );
  if (Number(rows[0]?.count) === 0) break;
  await new Promise((resolve) => setTimeout(resolve, 50));
}
await relay.stop();
await runtime.close();
await dataSource.destroy();
process.stdout.write('drained\n');
