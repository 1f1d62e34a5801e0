import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@concord/platform';
import { type WebhookDeliveryJobV1 } from '@concord/queues';
import { retryDelayMs } from './webhook-backoff.util.js';
import { type DeliveryTarget, WebhookDeliveriesRepository } from './webhook-deliveries.repository.js';
import { WebhookDeliverySchedulerService } from './webhook-delivery-scheduler.service.js';
import { WebhookSecretsService } from './webhook-secrets.service.js';
import { WebhookSenderService } from './webhook-sender.service.js';
import { WebhookMetrics } from './webhook.metrics.js';

/**
 * One attempt of one delivery. A 2xx ends it; anything else schedules the next attempt as a delayed
 * job (exponential backoff with jitter) until the attempts of this round are used up. A job whose
 * schedule step is no longer current (a resend moved the delivery on) does nothing.
 */
@Injectable()
export class DeliverWebhookUseCase {
  constructor(
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly sender: WebhookSenderService,
    private readonly secrets: WebhookSecretsService,
    private readonly scheduler: WebhookDeliverySchedulerService,
    private readonly metrics: WebhookMetrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(job: WebhookDeliveryJobV1): Promise<string> {
    const target = await this.deliveries.target(job.deliveryId);
    if (!target) return 'unknown delivery';
    if (target.status === 'retrying' && target.seq === job.seq + 1) {
      // This attempt was recorded but the process died before its retry was enqueued.
      await this.scheduler.schedule(target.id, target.seq, target.correlationId, target.nextAttemptDelayMs);
      return 'retry re-enqueued';
    }
    if (target.seq !== job.seq || (target.status !== 'pending' && target.status !== 'retrying'))
      return 'superseded';
    if (target.endpointDeleted) {
      await this.deliveries.markEndpointGone(target.id, job.seq);
      return 'endpoint removed';
    }
    return this.attempt(target, job.seq);
  }

  private async attempt(target: DeliveryTarget, seq: number): Promise<string> {
    const { maxAttempts, retryBaseMs } = this.config.partnerEdge.webhook;
    const result = await this.sender.send(
      target.url,
      this.secrets.open(target.secretCiphertext),
      JSON.stringify(target.payload),
      { eventId: target.eventId, deliveryId: target.id, correlationId: target.correlationId },
    );
    const ok = result.responseStatus !== null && result.responseStatus >= 200 && result.responseStatus < 300;
    const exhausted = target.roundAttempts + 1 >= maxAttempts;
    const delayMs = retryDelayMs(target.roundAttempts + 1, retryBaseMs);
    const status = ok ? 'delivered' : exhausted ? 'failed' : 'retrying';
    const recorded = await this.deliveries.recordAttempt(target.id, seq, {
      ...result,
      status,
      ...(status === 'retrying' ? { nextAttemptAt: new Date(Date.now() + delayMs) } : {}),
    });
    if (!recorded) return 'superseded';
    this.metrics.attempt(status);
    if (status === 'retrying')
      await this.scheduler.schedule(target.id, seq + 1, target.correlationId, delayMs);
    return status;
  }
}
