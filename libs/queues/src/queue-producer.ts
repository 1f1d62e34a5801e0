import { currentCorrelationId } from '@concord/observability';
import { randomUUID } from 'node:crypto';
import { type JobsOptions } from 'bullmq';
import { type JobEnvelope } from './job-contracts.js';
import { type QueueRuntime } from './queue-runtime.js';

/** Enqueues versioned envelopes carrying the caller's correlation ID. */
export class QueueProducer {
  constructor(private readonly runtime: QueueRuntime) {}

  async enqueue<T>(
    queue: string,
    jobName: string,
    data: T,
    options: JobsOptions & { version?: number; correlationId?: string } = {},
  ): Promise<string> {
    const { version, correlationId, ...jobOptions } = options;
    const envelope: JobEnvelope<T> = {
      v: version ?? 1,
      correlationId: correlationId ?? currentCorrelationId() ?? randomUUID(),
      data,
    };
    const job = await this.runtime.queue(queue).add(jobName, envelope, jobOptions);
    return String(job.id);
  }
}
