import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@concord/platform';
import { StripeClient } from './stripe.client.js';
import { type BillingEvent, toBillingEvent } from './stripe-event.mappers.js';
import { type StripeEventWire } from './stripe.types.js';

/** Stripe's default signature tolerance: a delivery signed more than 5 minutes ago is refused. */
const TOLERANCE_SECONDS = 300;

export type WebhookVerdict =
  | { kind: 'accepted'; event: BillingEvent }
  | { kind: 'unconfigured' }
  | { kind: 'bad-signature'; reason: string };

/** Checks a Stripe webhook delivery's signature over the raw body and reads the event it carries. */
@Injectable()
export class StripeWebhookVerifier {
  constructor(
    private readonly stripe: StripeClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  verify(rawBody: Buffer | undefined, signature: string | undefined): WebhookVerdict {
    const secret = this.config.stripe.webhookSecret;
    if (!secret) return { kind: 'unconfigured' };
    if (!rawBody || !signature)
      return { kind: 'bad-signature', reason: 'Stripe-Signature header or body missing' };
    try {
      const event = this.stripe.sdk.webhooks.constructEvent(rawBody, signature, secret, TOLERANCE_SECONDS);
      return { kind: 'accepted', event: toBillingEvent(event as unknown as StripeEventWire) };
    } catch (error) {
      return { kind: 'bad-signature', reason: error instanceof Error ? error.message : String(error) };
    }
  }
}
