import { Inject, Injectable } from '@nestjs/common';
import { type Counter } from 'prom-client';
import { counter, type Registry } from '@concord/observability';
import { METRICS_REGISTRY } from '@concord/platform';

/** `concord_webhook_attempts_total{outcome}`: delivered, retrying (a retry is scheduled) or failed. */
@Injectable()
export class WebhookMetrics {
  private readonly attempts: Counter;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    this.attempts = counter(
      registry,
      'concord_webhook_attempts_total',
      'Webhook delivery attempts by outcome',
      ['outcome'],
    );
  }

  attempt(outcome: 'delivered' | 'retrying' | 'failed'): void {
    this.attempts.inc({ outcome });
  }
}
