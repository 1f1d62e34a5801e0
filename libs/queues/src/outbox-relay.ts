import { type OutboxRepository, type PendingOutboxRow } from '@concord/persistence';
import { type Logger } from '@concord/observability';
import { type JobEnvelope } from './job-contracts.js';
import { type QueueRuntime } from './queue-runtime.js';

export interface OutboxRelaySettings {
  batchSize?: number;
  idleDelayMs?: number;
}

/**
 * Moves committed outbox rows into BullMQ. Delivery is at least once; the job ID is derived from the
 * row ID, so a row published twice (crash between enqueue and mark) still yields one job. Rows of
 * one entity go out in commit order: once a row of an entity fails to publish, later rows of that
 * entity wait for the next pass.
 */
export class OutboxRelay {
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly runtime: QueueRuntime,
    private readonly logger: Logger,
    private readonly settings: OutboxRelaySettings = {},
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Shortens the wait when the caller just committed rows. */
  nudge(): void {
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /** One pass; returns how many rows were relayed. */
  async relayOnce(): Promise<number> {
    return this.outbox.relayBatch(this.settings.batchSize ?? 100, (rows) => this.publish(rows));
  }

  private async run(): Promise<void> {
    while (this.running) {
      let relayed = 0;
      try {
        relayed = await this.relayOnce();
      } catch (error) {
        this.logger.error(
          { err: error instanceof Error ? error.message : String(error) },
          'outbox relay pass failed',
        );
      }
      if (relayed === 0 && this.running) await this.sleep(this.settings.idleDelayMs ?? 250);
    }
  }

  private async publish(rows: PendingOutboxRow[]): Promise<string[]> {
    const blockedEntities = new Set<string>();
    const published: string[] = [];
    for (const row of rows) {
      if (blockedEntities.has(row.entityKey)) continue;
      const envelope: JobEnvelope = isEnvelope(row.payload)
        ? row.payload
        : { v: 1, correlationId: row.correlationId, data: row.payload };
      try {
        await this.runtime.queue(row.queue).add(row.jobName, envelope, { jobId: `outbox-${row.id}` });
        published.push(row.id);
      } catch (error) {
        blockedEntities.add(row.entityKey);
        this.logger.warn(
          { outboxId: row.id, err: error instanceof Error ? error.message : String(error) },
          'outbox publish failed',
        );
      }
    }
    return published;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

function isEnvelope(value: unknown): value is JobEnvelope {
  return !!value && typeof value === 'object' && 'v' in value && 'correlationId' in value && 'data' in value;
}
