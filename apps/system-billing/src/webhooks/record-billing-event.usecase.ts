import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@concord/contracts';
import { ConcordException } from '@concord/governance';
import { currentCorrelationId } from '@concord/observability';
import { StripeWebhookVerifier } from '../adapters/stripe/stripe-webhook.service.js';
import { BillingEventRepository } from './billing-event.repository.js';
import { type WebhookAckDto } from './webhook-ack.dto.js';

/** Verifies a billing webhook delivery and records its event once in the inbox. */
@Injectable()
export class RecordBillingEventUseCase {
  constructor(
    private readonly verifier: StripeWebhookVerifier,
    private readonly events: BillingEventRepository,
  ) {}

  async execute(rawBody: Buffer | undefined, signature: string | undefined): Promise<WebhookAckDto> {
    const verdict = this.verifier.verify(rawBody, signature);
    switch (verdict.kind) {
      case 'unconfigured':
        throw new ConcordException(
          ErrorCode.UPSTREAM_UNAVAILABLE,
          'Stripe webhooks are not configured here: set STRIPE_WEBHOOK_SECRET',
        );
      case 'bad-signature':
        throw new ConcordException(ErrorCode.VALIDATION_FAILED, 'Webhook signature check failed', [
          { path: 'headers.stripe-signature', message: verdict.reason },
        ]);
      case 'accepted': {
        const recorded = await this.events.record(verdict.event, currentCorrelationId() ?? 'unknown');
        return { received: true, duplicate: !recorded };
      }
    }
  }
}
