import { previousAttributes } from './route.helpers.js';
import { type RequestMeta, type StripeSandbox } from './stripe.state.js';
import { type Price, type Subscription, type SubscriptionItem } from './stripe-object.types.js';

export function addInterval(timestamp: number, recurring: NonNullable<Price['recurring']>): number {
  const date = new Date(timestamp * 1000);
  const count = recurring.interval_count;
  switch (recurring.interval) {
    case 'day':
      date.setUTCDate(date.getUTCDate() + count);
      break;
    case 'week':
      date.setUTCDate(date.getUTCDate() + 7 * count);
      break;
    case 'month':
      date.setUTCMonth(date.getUTCMonth() + count);
      break;
    case 'year':
      date.setUTCFullYear(date.getUTCFullYear() + count);
      break;
  }
  return Math.floor(date.getTime() / 1000);
}

export function planOf(price: Price): Record<string, unknown> {
  return {
    id: price.id,
    object: 'plan',
    active: price.active,
    amount: price.unit_amount,
    amount_decimal: price.unit_amount_decimal,
    billing_scheme: price.billing_scheme,
    created: price.created,
    currency: price.currency,
    interval: price.recurring?.interval ?? null,
    interval_count: price.recurring?.interval_count ?? null,
    livemode: false,
    metadata: price.metadata,
    meter: null,
    nickname: price.nickname,
    product: price.product,
    tiers_mode: null,
    transform_usage: null,
    trial_period_days: price.recurring?.trial_period_days ?? null,
    usage_type: price.recurring?.usage_type ?? 'licensed',
  };
}

export function presentItem(
  sandbox: StripeSandbox,
  subscription: Subscription,
  item: SubscriptionItem,
): Record<string, unknown> {
  const price = sandbox.prices.get(item.price);
  return {
    id: item.id,
    object: 'subscription_item',
    billing_thresholds: null,
    created: item.created,
    current_period_end: item.current_period_end,
    current_period_start: item.current_period_start,
    discounts: [],
    metadata: item.metadata,
    plan: price ? planOf(price) : null,
    price: price ? structuredClone(price) : item.price,
    quantity: item.quantity,
    subscription: subscription.id,
    tax_rates: [],
  };
}

/** Subscription items embed their current price and plan, as Stripe answers them. */
export function presentSubscription(
  sandbox: StripeSandbox,
  subscription: Subscription,
): Record<string, unknown> {
  const { items, ...rest } = structuredClone(subscription);
  return {
    ...rest,
    items: {
      object: 'list',
      data: items.map((item) => presentItem(sandbox, subscription, item)),
      has_more: false,
      url: `/v1/subscription_items?subscription=${subscription.id}`,
    },
  };
}

export function saveAndAnnounce(
  sandbox: StripeSandbox,
  before: Subscription,
  after: Subscription,
  meta: RequestMeta,
  type = 'customer.subscription.updated',
): void {
  sandbox.subscriptions.set(after);
  const previous = previousAttributes(
    presentSubscription(sandbox, before),
    presentSubscription(sandbox, after),
  );
  if (type !== 'customer.subscription.updated' || Object.keys(previous).length > 0) {
    sandbox.emit(type, after, meta, type === 'customer.subscription.updated' ? previous : undefined);
  }
}

export function cancelSubscription(
  sandbox: StripeSandbox,
  subscription: Subscription,
  meta: RequestMeta,
  details: { comment?: string | null; feedback?: string | null } = {},
): Subscription {
  const now = sandbox.now();
  const canceled: Subscription = {
    ...structuredClone(subscription),
    status: 'canceled',
    canceled_at: now,
    ended_at: now,
    cancel_at_period_end: false,
    cancellation_details: {
      comment: details.comment ?? null,
      feedback: details.feedback ?? null,
      reason: 'cancellation_requested',
    },
  };
  saveAndAnnounce(sandbox, subscription, canceled, meta, 'customer.subscription.deleted');
  return canceled;
}

/** Paying the first invoice of an incomplete (or a past-due) subscription makes it active. */
export function activateAfterPayment(
  sandbox: StripeSandbox,
  subscriptionId: string,
  meta: RequestMeta,
): void {
  const subscription = sandbox.subscriptions.get(subscriptionId);
  if (!subscription || (subscription.status !== 'incomplete' && subscription.status !== 'past_due')) return;
  saveAndAnnounce(sandbox, subscription, { ...structuredClone(subscription), status: 'active' }, meta);
}
