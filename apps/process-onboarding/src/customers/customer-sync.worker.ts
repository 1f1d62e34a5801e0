import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { type Worker } from 'bullmq';
import { type Logger } from '@concord/observability';
import { SyncExceptionRepository } from '@concord/persistence';
import { LOGGER, QueueNames } from '@concord/platform';
import { NonRetryableJobError, QueueName, QueueRuntime, startQueueWorker } from '@concord/queues';
import { type CustomerSyncJobData } from './customer-sync.jobs.js';
import { PropagateCustomerUseCase } from './propagate-customer.usecase.js';

/** Consumes the customer-sync queue: canonical changes pushed to the other systems, with retries. */
@Injectable()
export class CustomerSyncWorker implements OnModuleInit, OnModuleDestroy {
  private worker: Worker | undefined;

  constructor(
    private readonly runtime: QueueRuntime,
    private readonly exceptions: SyncExceptionRepository,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly propagate: PropagateCustomerUseCase,
    private readonly queueNames: QueueNames,
  ) {}

  onModuleInit(): void {
    this.worker = startQueueWorker<unknown>(
      {
        queue: this.queueNames.of(QueueName.CustomerSync),
        acceptsVersions: [1],
        domain: 'customer',
        handle: (data) => this.propagate.execute(parseJob(data)),
      },
      { runtime: this.runtime, exceptions: this.exceptions, logger: this.logger },
      { concurrency: 4 },
    );
  }

  async onModuleDestroy(): Promise<void> {
    await this.worker?.close();
  }
}

function parseJob(data: unknown): CustomerSyncJobData {
  const candidate = (data ?? {}) as Partial<CustomerSyncJobData>;
  if (
    typeof candidate.concordId !== 'string' ||
    typeof candidate.version !== 'number' ||
    !Array.isArray(candidate.fields) ||
    typeof candidate.source !== 'string'
  ) {
    throw new NonRetryableJobError(
      'technical',
      'customer sync job needs concordId, version, fields, source',
      {
        data: candidate,
      },
    );
  }
  return candidate as CustomerSyncJobData;
}
