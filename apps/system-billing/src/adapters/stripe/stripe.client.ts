import { Inject, Injectable } from '@nestjs/common';
import Stripe from 'stripe';
import { APP_CONFIG, type AppConfig, METRICS_REGISTRY } from '@concord/platform';
import {
  EXTERNAL_CALL_DURATION,
  EXTERNAL_CALLS_TOTAL,
  SchedulerThrottledError,
  schedulerFor,
  type SystemScheduler,
} from '@concord/http';
import { AdapterError } from '@concord/contracts';
import { counter, histogram, type Registry } from '@concord/observability';
import { BILLING_CONFIG, type BillingConfig } from '../../system-billing.config.js';
import { classifyStripeError, STRIPE_SYSTEM } from './stripe.errors.js';
const DURATION_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * `POST /v1/customers/cus_123` → `POST /v1/customers/:id`, so the operation label stays bounded; Concord's
 * own product IDs (`concord_<sku>`) count as IDs too.
 */
export function operationOf(method: string, path: string): string {
  const route = path
    .split('?')[0]!
    .split('/')
    .map((segment) => (/^[a-z]+_[A-Za-z0-9]+$|^concord_[A-Za-z0-9_-]+$/.test(segment) ? ':id' : segment))
    .join('/');
  return `${method.toUpperCase()} ${route}`;
}

/** The SDK's event emitter, typed (its declaration says `any`). */
interface SdkEvents {
  on(event: 'response', handler: (event: Stripe.ResponseEvent) => void): void;
}

/**
 * Stripe counts requests in a sliding one-second window, and a token bucket lets rate + burst through
 * in every such window. Paced at 95% of the limit with a burst of what is left (one request spare), the
 * window never goes over the limit, even right after an idle spell.
 */
export function stripePacing(limitPerSecond: number): { ratePerSecond: number; burst: number } {
  const ratePerSecond = Math.max(1, Math.floor(limitPerSecond * 0.95));
  return { ratePerSecond, burst: Math.max(1, limitPerSecond - ratePerSecond - 1) };
}

/**
 * The official Stripe SDK behind Concord's rate limiter, with Concord's call metrics. The SDK never
 * retries by itself: whether and when to repeat a call is Concord's decision.
 */
@Injectable()
export class StripeClient {
  readonly sdk: Stripe;
  private readonly scheduler: SystemScheduler;
  private readonly calls;
  private readonly duration;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(BILLING_CONFIG) billing: BillingConfig,
    @Inject(METRICS_REGISTRY) registry: Registry,
  ) {
    const url = new URL(config.vendors.stripeUrl);
    const protocol = url.protocol === 'http:' ? 'http' : 'https';
    this.sdk = new Stripe(config.stripe.secretKey, {
      host: url.hostname,
      port: url.port || (protocol === 'http' ? 80 : 443),
      protocol,
      maxNetworkRetries: 0,
      timeout: billing.stripeTimeoutMs,
      telemetry: false,
    });
    this.scheduler = schedulerFor(STRIPE_SYSTEM, stripePacing(billing.stripeMaxRps), registry);
    this.calls = counter(
      registry,
      EXTERNAL_CALLS_TOTAL,
      'Outbound calls to lower layers and vendors, by target system, operation and outcome',
      ['system', 'operation', 'status'],
    );
    this.duration = histogram(
      registry,
      EXTERNAL_CALL_DURATION,
      'Duration of outbound call attempts, by target system and operation',
      ['system', 'operation'],
      DURATION_BUCKETS,
    );
    (this.sdk as unknown as SdkEvents).on('response', (event) => {
      const operation = operationOf(event.method, event.path);
      this.calls.inc({ system: STRIPE_SYSTEM, operation, status: String(event.status) });
      this.duration.observe({ system: STRIPE_SYSTEM, operation }, event.elapsed / 1000);
      if (event.status !== 429) this.scheduler.observeAnswer();
    });
  }

  /** One Stripe call: waits for the limiter, and folds any failure into an `AdapterError`. */
  async call<T>(operation: string, send: (sdk: Stripe) => Promise<T>): Promise<T> {
    try {
      return await this.scheduler.run(() => this.send(operation, send));
    } catch (error) {
      if (!(error instanceof SchedulerThrottledError)) throw error;
      throw new AdapterError({
        kind: 'Throttled',
        system: STRIPE_SYSTEM,
        operation,
        message: error.message,
        retryAfterMs: error.retryAfterMs,
        cause: error,
      });
    }
  }

  private async send<T>(operation: string, send: (sdk: Stripe) => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await send(this.sdk);
    } catch (error) {
      const classified = classifyStripeError(error, operation);
      // The SDK reports answered calls through its `response` event; calls that got no answer are counted here.
      if (classified.vendor?.status === undefined) {
        const status = /timeout/i.test(classified.message) ? 'timeout' : 'network_error';
        this.calls.inc({ system: STRIPE_SYSTEM, operation, status });
        this.duration.observe({ system: STRIPE_SYSTEM, operation }, (performance.now() - started) / 1000);
      }
      if (classified.kind === 'Throttled') this.scheduler.observeThrottle(classified.retryAfterMs);
      throw classified;
    }
  }
}
