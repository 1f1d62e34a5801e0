/** The parts of Stripe's wire objects this adapter reads; SDK objects satisfy these shapes. */
export interface StripeAddressWire {
  line1: string | null;
  line2: string | null;
  city: string | null;
  state: string | null;
  postal_code: string | null;
  country: string | null;
}

export interface StripeCustomerWire {
  id: string;
  object: 'customer';
  name?: string | null;
  email: string | null;
  phone?: string | null;
  address?: StripeAddressWire | null;
  currency?: string | null;
  created: number;
  metadata: Record<string, string>;
}

export interface StripeDeletedCustomerWire {
  id: string;
  object: 'customer';
  deleted: true;
}

/** Create and update parameters of a customer; an empty string unsets a field on update. */
export interface StripeCustomerParams {
  name: string;
  email?: string;
  phone?: string;
  address: Partial<Record<keyof StripeAddressWire, string>>;
  metadata: Record<string, string>;
}

/** A webhook or Events API event, reduced to what Concord records. */
export interface StripeEventWire {
  id: string;
  type: string;
  created: number;
  data: { object: { id?: string; object?: string; status?: string } & Record<string, unknown> };
}

/** Metadata keys where the canonical fields Stripe has no column for are kept. */
export const METADATA = {
  concordId: 'concord_id',
  taxId: 'tax_id',
  currency: 'currency',
  country: 'country',
  legalName: 'legal_name',
  website: 'website',
  paymentTermsDays: 'payment_terms_days',
  segment: 'segment',
  territory: 'territory',
} as const;

export type StripeInterval = 'day' | 'week' | 'month' | 'year';

export interface StripeProductWire {
  id: string;
  object: 'product';
  name: string;
  description: string | null;
  active: boolean;
  unit_label?: string | null;
  default_price?: string | { id: string } | null;
  metadata: Record<string, string>;
  created: number;
  updated: number;
}

export interface StripePriceWire {
  id: string;
  object: 'price';
  active: boolean;
  currency: string;
  unit_amount: number | null;
  /** The SDK types `interval` as an open string. */
  recurring: { interval: string; interval_count: number } | null;
  lookup_key: string | null;
  product: string | { id: string };
}

/** Create and update parameters of a product; an empty string unsets a field on update. */
export interface StripeProductParams {
  name: string;
  active: boolean;
  description?: string;
  unit_label?: string;
  metadata: Record<string, string>;
}

/** The price a canonical product asks for, in Stripe's units. */
export interface StripePriceSpec {
  unit_amount: number;
  currency: string;
  recurring?: { interval: StripeInterval; interval_count: number };
}

/** Product metadata keys Concord owns. */
export const PRODUCT_METADATA = { sku: 'sku', type: 'type' } as const;

/** Subscription and subscription item metadata keys Concord owns. */
export const SUBSCRIPTION_METADATA = {
  subscriptionKey: 'concord_subscription_key',
  sku: 'concord_sku',
} as const;

export interface StripeSubscriptionItemWire {
  id: string;
  quantity?: number;
  metadata: Record<string, string>;
  /** Since API version 2025-03-31 the billing period lives on the items. */
  current_period_end?: number;
  price: { id: string; lookup_key: string | null; product: string | { id: string } };
}

export interface StripeSubscriptionWire {
  id: string;
  /** The SDK types `status` as an open string. */
  status: string;
  customer: string | { id: string };
  cancel_at_period_end: boolean;
  created: number;
  metadata: Record<string, string>;
  items: { data: StripeSubscriptionItemWire[] };
}

/** One entry of a subscription update's `items[]`: change, add or remove an item. */
export type StripeItemChange =
  | { id: string; quantity: number; price?: string; metadata?: Record<string, string> }
  | { price: string; quantity: number; metadata: Record<string, string> }
  | { id: string; deleted: true };

export interface StripeInvoiceWire {
  id?: string;
  number: string | null;
  status: string | null;
  currency: string;
  amount_due: number;
  amount_paid: number;
  hosted_invoice_url?: string | null;
  created: number;
  due_date: number | null;
}
