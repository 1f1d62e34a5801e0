import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { type Worker } from 'bullmq';
import { type Logger } from '@concord/observability';
import { SyncExceptionRepository } from '@concord/persistence';
import { LOGGER, QueueNames } from '@concord/platform';
import {
  NonRetryableJobError,
  PARTNER_EVENT_TYPES,
  type PartnerEventJobV1,
  QueueName,
  QueueRuntime,
  startQueueWorker,
  type WebhookDeliveryJobV1,
} from '@concord/queues';
import { DeliverWebhookUseCase } from './deliver-webhook.usecase.js';
import { FanOutPartnerEventUseCase } from './fan-out-partner-event.usecase.js';

/** Consumes partner events (fan-out) and webhook deliveries for the lifetime of the partner edge. */
@Injectable()
export class PartnerEventsWorker implements OnModuleInit, OnModuleDestroy {
  private readonly workers: Worker[] = [];

  constructor(
    private readonly runtime: QueueRuntime,
    private readonly exceptions: SyncExceptionRepository,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly queueNames: QueueNames,
    private readonly fanOut: FanOutPartnerEventUseCase,
    private readonly deliver: DeliverWebhookUseCase,
  ) {}

  onModuleInit(): void {
    const deps = { runtime: this.runtime, exceptions: this.exceptions, logger: this.logger };
    this.workers.push(
      startQueueWorker<unknown>(
        {
          queue: this.queueNames.of(QueueName.PartnerEvents),
          acceptsVersions: [1],
          domain: 'partner-event',
          handle: (data, { job }) => this.fanOut.execute(parseEvent(data), job.data.correlationId),
        },
        deps,
      ),
      startQueueWorker<unknown>(
        {
          queue: this.queueNames.of(QueueName.WebhookDeliveries),
          acceptsVersions: [1],
          domain: 'partner-event',
          handle: (data) => this.deliver.execute(parseDelivery(data)),
        },
        deps,
        { concurrency: 16 },
      ),
    );
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.close()));
  }
}

function parseEvent(data: unknown): PartnerEventJobV1 {
  const candidate = (data ?? {}) as Partial<PartnerEventJobV1>;
  const event = candidate.event;
  if (
    typeof candidate.partnerId !== 'string' ||
    !event ||
    typeof event.id !== 'string' ||
    !(PARTNER_EVENT_TYPES as readonly string[]).includes(event.type)
  )
    throw new NonRetryableJobError('technical', 'partner event job needs a partnerId and a known event', {
      data: candidate,
    });
  return candidate as PartnerEventJobV1;
}

function parseDelivery(data: unknown): WebhookDeliveryJobV1 {
  const candidate = (data ?? {}) as Partial<WebhookDeliveryJobV1>;
  if (typeof candidate.deliveryId !== 'string' || !Number.isInteger(candidate.seq))
    throw new NonRetryableJobError('technical', 'webhook delivery job needs a deliveryId and a seq', {
      data: candidate,
    });
  return { deliveryId: candidate.deliveryId, seq: candidate.seq ?? 0 };
}
