import { IndexedStore, type Probe } from '../shared/indexed.store.js';

export interface StripeObject {
  id: string;
  object: string;
  created: number;
  [key: string]: unknown;
}

export interface Address {
  city: string | null;
  country: string | null;
  line1: string | null;
  line2: string | null;
  postal_code: string | null;
  state: string | null;
}

export interface Customer extends StripeObject {
  object: 'customer';
  name: string | null;
  email: string | null;
  phone: string | null;
  description: string | null;
  address: Address | null;
  currency: string | null;
  invoice_prefix: string;
  next_invoice_sequence: number;
  metadata: Record<string, string>;
}

export interface Product extends StripeObject {
  object: 'product';
  active: boolean;
  name: string;
  default_price: string | null;
  metadata: Record<string, string>;
}

export interface Recurring {
  interval: 'day' | 'week' | 'month' | 'year';
  interval_count: number;
  meter: null;
  usage_type: 'licensed' | 'metered';
  trial_period_days: number | null;
}

export interface Price extends StripeObject {
  object: 'price';
  active: boolean;
  currency: string;
  product: string;
  unit_amount: number | null;
  recurring: Recurring | null;
  type: 'one_time' | 'recurring';
  lookup_key: string | null;
  nickname: string | null;
  metadata: Record<string, string>;
}

export interface SubscriptionItem {
  id: string;
  object: 'subscription_item';
  created: number;
  price: string;
  quantity: number;
  metadata: Record<string, string>;
  current_period_start: number;
  current_period_end: number;
}

export type SubscriptionStatus =
  'incomplete' | 'incomplete_expired' | 'trialing' | 'active' | 'past_due' | 'canceled' | 'unpaid' | 'paused';

export interface Subscription extends StripeObject {
  object: 'subscription';
  customer: string;
  status: SubscriptionStatus;
  currency: string;
  items: SubscriptionItem[];
  latest_invoice: string | null;
  metadata: Record<string, string>;
  collection_method: 'charge_automatically' | 'send_invoice';
  days_until_due: number | null;
  cancel_at_period_end: boolean;
  canceled_at: number | null;
  ended_at: number | null;
  trial_end: number | null;
}

export interface InvoiceLine {
  id: string;
  object: 'line_item';
  amount: number;
  currency: string;
  description: string | null;
  quantity: number;
  price: string | null;
  product: string | null;
  subscription: string | null;
  subscriptionItem: string | null;
  invoiceItem: string | null;
  period: { start: number; end: number };
  metadata: Record<string, string>;
}

export type InvoiceStatus = 'draft' | 'open' | 'paid' | 'uncollectible' | 'void';

export interface Invoice extends StripeObject {
  object: 'invoice';
  customer: string;
  status: InvoiceStatus;
  currency: string;
  subscription: string | null;
  lines: InvoiceLine[];
  metadata: Record<string, string>;
  collection_method: 'charge_automatically' | 'send_invoice';
  amount_paid: number;
  number: string | null;
}

export interface InvoiceItem extends StripeObject {
  object: 'invoiceitem';
  customer: string;
  invoice: string | null;
  amount: number;
  currency: string;
  quantity: number;
  description: string | null;
  metadata: Record<string, string>;
}

export interface WebhookEndpoint extends StripeObject {
  object: 'webhook_endpoint';
  url: string;
  enabled_events: string[];
  status: 'enabled' | 'disabled';
  secret?: string;
  metadata: Record<string, string>;
}

export interface StripeEvent extends StripeObject {
  object: 'event';
  type: string;
  data: { object: Record<string, unknown>; previous_attributes?: Record<string, unknown> };
  pending_webhooks: number;
}

/** Objects in insertion order; lists read them newest first. */
export class Collection<T extends { id: string }> {
  private readonly items = new IndexedStore<T>();

  get(id: string): T | undefined {
    return this.items.get(id);
  }

  set(item: T): T {
    this.items.set(item.id, item);
    return item;
  }

  delete(id: string): boolean {
    return this.items.delete(id);
  }

  newestFirst(): T[] {
    return [...this.items.values()].reverse();
  }

  /** The objects matching any of the probes, newest first, as `newestFirst` would list them. */
  newestMatching(probes: readonly Probe<T>[]): T[] {
    return this.items.matching(probes).reverse();
  }

  clear(): void {
    this.items.clear();
  }
}
