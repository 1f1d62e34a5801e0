import { type StripeSandbox } from './stripe.state.js';
import { type Price, type Subscription, type SubscriptionItem } from './stripe-object.types.js';

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
