import { LimitsRegistry } from '../shared/limits.registry.js';
import { randomBase62 } from '../shared/random.util.js';
import { IdempotencyStore } from './idempotency.store.js';
import {
  Collection,
  type Customer,
  type Invoice,
  type InvoiceItem,
  type Price,
  type Product,
  type StripeEvent,
  type StripeObject,
  type Subscription,
  type WebhookEndpoint,
} from './stripe-object.types.js';
import { WebhookDispatcher } from './webhook.dispatcher.js';

export type StripeLimitName = 'ratePerSecond' | 'webhookMaxAttempts' | 'webhookRetryDelayMs';

export const STRIPE_DEFAULT_LIMITS: Record<StripeLimitName, number> = {
  ratePerSecond: 25,
  webhookMaxAttempts: 4,
  webhookRetryDelayMs: 500,
};

export const STRIPE_API_KEY = 'sk_test_concord';
export const STRIPE_API_VERSION = '2026-10-28.endive';

export interface RequestMeta {
  id: string | null;
  idempotencyKey: string | null;
}

/** The account's objects and the state of its idempotency keys, rate window and webhook deliveries. */
export class StripeSandbox {
  readonly customers = new Collection<Customer>();
  readonly products = new Collection<Product>();
  readonly prices = new Collection<Price>();
  readonly subscriptions = new Collection<Subscription>();
  readonly invoices = new Collection<Invoice>();
  readonly invoiceItems = new Collection<InvoiceItem>();
  readonly events = new Collection<StripeEvent>();
  readonly webhookEndpoints = new Collection<WebhookEndpoint>();
  /** Deleted customers and products still answer retrieve with a `deleted: true` stub. */
  readonly deletedIds = new Set<string>();
  readonly idempotency = new IdempotencyStore();
  readonly limitsRegistry: LimitsRegistry<StripeLimitName>;
  readonly webhooks: WebhookDispatcher;
  private recentRequests: number[] = [];

  constructor(limits: Partial<Record<StripeLimitName, number>> = {}) {
    this.limitsRegistry = new LimitsRegistry(
      { ...STRIPE_DEFAULT_LIMITS, ...limits },
      { ratePerSecond: 1, webhookMaxAttempts: 1 },
    );
    this.webhooks = new WebhookDispatcher(this.webhookEndpoints, this.limitsRegistry);
  }

  now(): number {
    return Math.floor(Date.now() / 1000);
  }

  newId(prefix: string, length = 24): string {
    return `${prefix}_${randomBase62(length)}`;
  }

  /** Sliding one-second window, like Stripe's per-account test-mode rate limit. */
  tryAcquireRate(): boolean {
    const now = Date.now();
    this.recentRequests = this.recentRequests.filter((at) => now - at < 1000);
    if (this.recentRequests.length >= this.limitsRegistry.get('ratePerSecond')) return false;
    this.recentRequests.push(now);
    return true;
  }

  collectionsByName(): Record<string, Collection<StripeObject>> {
    return {
      customers: this.customers,
      products: this.products,
      prices: this.prices,
      subscriptions: this.subscriptions,
      invoices: this.invoices,
      invoiceitems: this.invoiceItems,
      events: this.events,
      webhook_endpoints: this.webhookEndpoints,
    };
  }

  findAny(id: string): StripeObject | undefined {
    const byPrefix: Record<string, Collection<StripeObject>> = {
      cus: this.customers,
      prod: this.products,
      price: this.prices,
      sub: this.subscriptions,
      in: this.invoices,
      ii: this.invoiceItems,
      evt: this.events,
      we: this.webhookEndpoints,
    };
    return byPrefix[id.split('_')[0] ?? '']?.get(id);
  }

  /** Forgets every object, key, delivery and counter; limits go back to their start-up values. */
  clear(): void {
    for (const collection of Object.values(this.collectionsByName())) collection.clear();
    this.idempotency.clear();
    this.deletedIds.clear();
    this.webhooks.stop();
    this.recentRequests = [];
    this.limitsRegistry.reset();
  }
}
