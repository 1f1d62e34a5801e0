import { Injectable } from '@nestjs/common';
import { type PartnerEventJobV1 } from '@concord/queues';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository.js';
import { WebhookDeliverySchedulerService } from './webhook-delivery-scheduler.service.js';

/**
 * Turns one partner event into one delivery per subscribed endpoint. Safe to run again: deliveries
 * are keyed by (event, endpoint) and their first job by (delivery, step 0).
 */
@Injectable()
export class FanOutPartnerEventUseCase {
  constructor(
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly scheduler: WebhookDeliverySchedulerService,
  ) {}

  async execute(job: PartnerEventJobV1, correlationId: string): Promise<string> {
    const pending = await this.deliveries.fanOut(job, correlationId);
    for (const delivery of pending) {
      await this.scheduler.schedule(delivery.id, delivery.seq, correlationId);
    }
    return `${pending.length} deliveries`;
  }
}
