import { LimitsRegistry } from '../shared/limits.registry.js';
import { randomBase62 } from '../shared/random.util.js';
import { type VendorAdmin } from '../shared/vendor-admin.types.js';
import { IdempotencyStore } from './idempotency.store.js';
import { presentObject } from './presenters.js';
import { seedStripe } from './stripe.seed.js';
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

export class StripeSandbox implements VendorAdmin {
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

  emit(
    type: string,
    object: StripeObject,
    request: RequestMeta,
    previous?: Record<string, unknown>,
  ): StripeEvent {
    const event: StripeEvent = {
      id: this.newId('evt'),
      object: 'event',
      api_version: STRIPE_API_VERSION,
      created: this.now(),
      data: { object: presentObject(this, object), ...(previous ? { previous_attributes: previous } : {}) },
      livemode: false,
      pending_webhooks: 0,
      request: { id: request.id, idempotency_key: request.idempotencyKey },
      type,
    };
    this.events.set(event);
    this.webhooks.dispatch(event);
    return event;
  }

  findAny(id: string): StripeObject | undefined {
    const collections: Record<string, Collection<StripeObject>> = {
      cus: this.customers,
      prod: this.products,
      price: this.prices,
      sub: this.subscriptions,
      in: this.invoices,
      ii: this.invoiceItems,
      evt: this.events,
      we: this.webhookEndpoints,
    };
    return collections[id.split('_')[0] ?? '']?.get(id);
  }

  reset(seed: boolean): void {
    for (const collection of this.allCollections()) collection.clear();
    this.idempotency.clear();
    this.deletedIds.clear();
    this.webhooks.stop();
    this.recentRequests = [];
    this.limitsRegistry.reset();
    if (seed) this.seed();
  }

  seed(): void {
    seedStripe(this);
  }

  recordTypes(): string[] {
    return [...Object.keys(this.collectionsByName()), 'webhook_deliveries'];
  }

  records(type: string): unknown[] | undefined {
    if (type === 'webhook_deliveries') return this.webhooks.deliveries();
    return this.collectionsByName()[type]?.newestFirst();
  }

  limits(): Record<string, number> {
    return this.limitsRegistry.all();
  }

  updateLimits(patch: unknown): string | undefined {
    return this.limitsRegistry.update(patch);
  }

  private collectionsByName(): Record<string, Collection<StripeObject>> {
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

  private allCollections(): Collection<StripeObject>[] {
    return Object.values(this.collectionsByName());
  }
}
