import { type SubscriptionPlan } from '../../subscriptions/billing-subscriptions.port.js';
import {
  type InvoiceRecordDto,
  INVOICE_STATUSES,
  type InvoiceStatus,
} from '../../subscriptions/invoice.dto.js';
import { type SubscriptionRecordDto } from '../../subscriptions/subscription.dto.js';
import { isoFromSeconds } from './stripe.mappers.js';
import { fromStripeAmount } from './stripe-money.util.js';
import {
  type StripeInvoiceWire,
  type StripeItemChange,
  SUBSCRIPTION_METADATA,
  type StripeSubscriptionItemWire,
  type StripeSubscriptionWire,
} from './stripe.types.js';

const DAY_SECONDS = 86_400;
const LOOKUP_PREFIX = 'concord:';
const ENDED = new Set(['canceled', 'incomplete_expired']);

/** Stripe search query that finds the subscription holding a subscription key. */
export function searchBySubscriptionKey(subscriptionKey: string): string {
  return `metadata['${SUBSCRIPTION_METADATA.subscriptionKey}']:'${subscriptionKey.replace(/'/g, "\\'")}'`;
}

export const isEnded = (subscription: { status: string }): boolean => ENDED.has(subscription.status);

export const customerIdOf = (subscription: StripeSubscriptionWire): string =>
  typeof subscription.customer === 'string' ? subscription.customer : subscription.customer.id;

/** The SKU of an item: Concord's item metadata, else the SKU's lookup key on its price. */
export function skuOf(item: StripeSubscriptionItemWire): string {
  const stored = item.metadata[SUBSCRIPTION_METADATA.sku];
  if (stored) return stored;
  const lookupKey = item.price.lookup_key ?? '';
  if (lookupKey.startsWith(LOOKUP_PREFIX)) return lookupKey.slice(LOOKUP_PREFIX.length);
  return typeof item.price.product === 'string' ? item.price.product : item.price.id;
}

/** Stripe subscription → the canonical answer; the period end is the earliest item's (API 2025-03-31+). */
export function toSubscriptionRecord(
  subscriptionKey: string,
  subscription: StripeSubscriptionWire,
  observedAt: Date,
): SubscriptionRecordDto {
  const items = subscription.items.data;
  const ends = items.map((item) => item.current_period_end).filter((end): end is number => end !== undefined);
  return {
    subscriptionKey,
    externalId: subscription.id,
    status: subscription.status,
    cancelAtPeriodEnd: subscription.cancel_at_period_end,
    ...(ends.length > 0 ? { currentPeriodEnd: isoFromSeconds(Math.min(...ends)) } : {}),
    items: items.map((item) => ({
      sku: skuOf(item),
      quantity: item.quantity ?? 1,
      priceExternalId: item.price.id,
    })),
    sourceVersion: observedAt.toISOString(),
  };
}

/** When billing starts: a future start date defers the first charge (as a trial) to that UTC day. */
function startParams(plan: SubscriptionPlan, now: Date): { trial_end?: number; trial_period_days?: number } {
  const trialSeconds = (plan.trialDays ?? 0) * DAY_SECONDS;
  const start = plan.startDate ? Date.parse(`${plan.startDate}T00:00:00Z`) / 1000 : 0;
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (start > nowSeconds) return { trial_end: start + trialSeconds };
  return trialSeconds > 0 ? { trial_period_days: plan.trialDays } : {};
}

export function toSubscriptionCreateParams(subscriptionKey: string, plan: SubscriptionPlan, now: Date) {
  return {
    customer: plan.customerExternalId,
    items: plan.items.map((item) => ({
      price: item.priceExternalId,
      quantity: item.quantity,
      metadata: { [SUBSCRIPTION_METADATA.sku]: item.sku },
    })),
    metadata: { [SUBSCRIPTION_METADATA.subscriptionKey]: subscriptionKey },
    ...(plan.collectionMethod ? { collection_method: plan.collectionMethod } : {}),
    ...(plan.daysUntilDue !== undefined ? { days_until_due: plan.daysUntilDue } : {}),
    ...startParams(plan, now),
  };
}

/**
 * The `items[]` of an update that turns the existing items into the wanted ones: one entry per wanted
 * item, in the request's order (so Stripe's `items[i]` errors point at the request's item i), matched
 * by SKU — a SKU whose price changed keeps its item and switches price — then removals.
 */
export function itemChanges(
  existing: StripeSubscriptionItemWire[],
  wanted: SubscriptionPlan['items'],
): StripeItemChange[] {
  const left = [...existing];
  const take = (match: (item: StripeSubscriptionItemWire) => boolean) => {
    const index = left.findIndex(match);
    return index < 0 ? undefined : left.splice(index, 1)[0];
  };
  const changes: StripeItemChange[] = [];
  let unchanged = true;
  for (const want of wanted) {
    const item =
      take((candidate) => candidate.price.id === want.priceExternalId) ??
      take((candidate) => skuOf(candidate) === want.sku);
    const metadata = { [SUBSCRIPTION_METADATA.sku]: want.sku };
    if (!item) {
      changes.push({ price: want.priceExternalId, quantity: want.quantity, metadata });
      unchanged = false;
      continue;
    }
    const samePrice = item.price.id === want.priceExternalId;
    const same = samePrice && (item.quantity ?? 1) === want.quantity && skuOf(item) === want.sku;
    unchanged &&= same;
    changes.push({
      id: item.id,
      quantity: want.quantity,
      ...(samePrice ? {} : { price: want.priceExternalId }),
      ...(item.metadata[SUBSCRIPTION_METADATA.sku] === want.sku ? {} : { metadata }),
    });
  }
  for (const item of left) changes.push({ id: item.id, deleted: true });
  return unchanged && left.length === 0 ? [] : changes;
}

const STATUSES = new Set<string>(INVOICE_STATUSES);

/** Stripe invoice → canonical invoice, amounts in ISO minor units. */
export function toInvoiceRecord(invoice: StripeInvoiceWire): InvoiceRecordDto {
  const currency = invoice.currency.toUpperCase();
  const status = invoice.status && STATUSES.has(invoice.status) ? (invoice.status as InvoiceStatus) : 'draft';
  return {
    externalId: invoice.id ?? '',
    number: invoice.number,
    status,
    currency,
    amountDueMinor: fromStripeAmount(invoice.amount_due, currency).amountMinor,
    amountPaidMinor: fromStripeAmount(invoice.amount_paid, currency).amountMinor,
    ...(invoice.hosted_invoice_url ? { hostedInvoiceUrl: invoice.hosted_invoice_url } : {}),
    created: isoFromSeconds(invoice.created),
    ...(invoice.due_date ? { dueDate: isoFromSeconds(invoice.due_date) } : {}),
  };
}
