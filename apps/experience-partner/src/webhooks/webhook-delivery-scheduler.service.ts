import { Injectable } from '@nestjs/common';
import { QueueNames } from '@concord/platform';
import {
  QueueName,
  QueueProducer,
  WEBHOOK_DELIVERY_JOB,
  webhookDeliveryJobId,
  type WebhookDeliveryJobV1,
} from '@concord/queues';

/** Enqueues the job of one schedule step of a delivery; the job ID makes a repeat a no-op. */
@Injectable()
export class WebhookDeliverySchedulerService {
  constructor(
    private readonly producer: QueueProducer,
    private readonly queueNames: QueueNames,
  ) {}

  async schedule(deliveryId: string, seq: number, correlationId: string, delayMs = 0): Promise<void> {
    await this.producer.enqueue(
      this.queueNames.of(QueueName.WebhookDeliveries),
      WEBHOOK_DELIVERY_JOB,
      { deliveryId, seq } satisfies WebhookDeliveryJobV1,
      { jobId: webhookDeliveryJobId(deliveryId, seq), delay: Math.max(0, delayMs), correlationId },
    );
  }
}
