import { addLine, finalizeInvoice, markPaid, newInvoice } from './invoice.service.js';
import { invalidRequest, missingReference } from './stripe.errors.js';
import { type RequestMeta, type StripeSandbox } from './stripe.state.js';
import { applyMetadata, type Params } from './stripe-params.util.js';
import {
  type Customer,
  type Price,
  type Subscription,
  type SubscriptionItem,
} from './stripe-object.types.js';
import { addInterval } from './subscription-lifecycle.service.js';
import { emitEvent } from './events.service.js';

export const SUBSCRIPTION_CREATE_PARAMS = [
  'customer',
  'items',
  'metadata',
  'description',
  'collection_method',
  'days_until_due',
  'trial_period_days',
  'trial_end',
  'cancel_at_period_end',
  'default_payment_method',
  'payment_behavior',
  'proration_behavior',
  'currency',
  'off_session',
];

const MAX_ITEMS = 20;

/** A recurring, active price whose currency and interval match the other items of the subscription. */
export function readItemPrice(sandbox: StripeSandbox, item: Params, peers: Price[]): Price {
  const id = item.requiredString('price');
  const price = sandbox.prices.get(id);
  if (!price) throw missingReference('price', id, item.name('price'));
  if (price.type !== 'recurring' || !price.recurring) {
    throw invalidRequest(
      'The price specified is set to `type=one_time` but this field only accepts prices with `type=recurring`.',
      item.name('price'),
    );
  }
  if (!price.active)
    throw invalidRequest(
      'The price specified is inactive. This field only accepts active prices.',
      item.name('price'),
    );
  const other = peers[0];
  if (
    other &&
    (other.currency !== price.currency || other.recurring?.interval !== price.recurring.interval)
  ) {
    throw invalidRequest(
      'Currency and interval fields must match across all plans on this subscription.',
      item.name('price'),
    );
  }
  return price;
}

export function newItem(
  sandbox: StripeSandbox,
  price: Price,
  quantity: number,
  metadata: Record<string, string>,
  periodEnd: number,
): SubscriptionItem {
  const now = sandbox.now();
  return {
    id: sandbox.newId('si', 14),
    object: 'subscription_item',
    created: now,
    price: price.id,
    quantity,
    metadata,
    current_period_start: now,
    current_period_end: periodEnd,
  };
}

function readTrialEnd(params: Params, now: number): number | null {
  const days = params.int('trial_period_days', 0, 730);
  if (days !== undefined && days > 0) return now + days * 86_400;
  const raw = params.string('trial_end');
  if (raw === undefined || raw === null || raw === 'now') return null;
  const end = params.int('trial_end');
  if (end === undefined || end <= now)
    throw invalidRequest('Invalid timestamp: must be an integer Unix timestamp in the future.', 'trial_end');
  return end;
}

function claimCurrency(sandbox: StripeSandbox, customer: Customer, currency: string): void {
  if (customer.currency === null) {
    sandbox.customers.set({ ...customer, currency });
    return;
  }
  if (customer.currency !== currency) {
    throw invalidRequest(
      `You cannot combine currencies on a single customer. This customer has an active subscription, subscription schedule, discount, quote, or invoice item with currency ${customer.currency}.`,
      'currency',
    );
  }
}

export function createSubscription(sandbox: StripeSandbox, params: Params, meta: RequestMeta): Subscription {
  params.allowOnly(SUBSCRIPTION_CREATE_PARAMS);
  const customerId = params.requiredString('customer');
  const customer = sandbox.customers.get(customerId);
  if (!customer) throw missingReference('customer', customerId, 'customer');
  const itemParams = params.list('items');
  if (!itemParams || itemParams.length === 0)
    throw invalidRequest('Missing required param: items.', 'items', 'parameter_missing');
  if (itemParams.length > MAX_ITEMS)
    throw invalidRequest(`A subscription can have at most ${MAX_ITEMS} items.`, 'items');
  const prices: Price[] = [];
  const lines = itemParams.map((item) => {
    item.allowOnly(['price', 'quantity', 'metadata']);
    const price = readItemPrice(sandbox, item, prices);
    prices.push(price);
    return { price, quantity: item.int('quantity', 0) ?? 1, metadata: applyMetadata({}, item.metadata()) };
  });
  const first = prices[0] as Price;
  const collectionMethod =
    params.oneOf('collection_method', ['charge_automatically', 'send_invoice'] as const) ??
    'charge_automatically';
  const daysUntilDue = params.int('days_until_due', 0, 730) ?? null;
  if (collectionMethod === 'send_invoice' && daysUntilDue === null) {
    throw invalidRequest('Missing required param: days_until_due.', 'days_until_due', 'parameter_missing');
  }
  if (collectionMethod !== 'send_invoice' && daysUntilDue !== null) {
    throw invalidRequest(
      'days_until_due can only be set when collection_method is send_invoice.',
      'days_until_due',
    );
  }
  const behavior = params.oneOf('payment_behavior', [
    'allow_incomplete',
    'default_incomplete',
    'error_if_incomplete',
    'pending_if_incomplete',
  ] as const);
  params.oneOf('proration_behavior', ['create_prorations', 'none', 'always_invoice'] as const);
  claimCurrency(sandbox, customer, first.currency);
  const now = sandbox.now();
  const trialEnd = readTrialEnd(params, now);
  const periodEnd = trialEnd ?? addInterval(now, first.recurring as NonNullable<Price['recurring']>);
  const status = trialEnd ? 'trialing' : behavior === 'default_incomplete' ? 'incomplete' : 'active';
  const subscription: Subscription = {
    id: sandbox.newId('sub'),
    object: 'subscription',
    application: null,
    application_fee_percent: null,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null },
    billing_cycle_anchor: now,
    billing_cycle_anchor_config: null,
    billing_mode: { flexible: null, type: 'classic' },
    billing_schedules: [],
    billing_thresholds: null,
    cancel_at: null,
    cancel_at_period_end: params.bool('cancel_at_period_end') ?? false,
    canceled_at: null,
    cancellation_details: { comment: null, feedback: null, reason: null },
    collection_method: collectionMethod,
    created: now,
    currency: first.currency,
    customer: customer.id,
    customer_account: null,
    days_until_due: daysUntilDue,
    default_payment_method: params.string('default_payment_method') ?? null,
    default_source: null,
    default_tax_rates: [],
    description: params.string('description', 500) ?? null,
    discounts: [],
    ended_at: null,
    invoice_settings: { account_tax_ids: null, issuer: { type: 'self' } },
    items: [],
    latest_invoice: null,
    livemode: false,
    managed_payments: { enabled: false },
    metadata: applyMetadata({}, params.metadata()),
    next_pending_invoice_item_invoice: null,
    on_behalf_of: null,
    pause_collection: null,
    payment_settings: {
      payment_method_options: null,
      payment_method_types: null,
      save_default_payment_method: 'off',
    },
    pending_invoice_item_interval: null,
    pending_setup_intent: null,
    pending_update: null,
    schedule: null,
    start_date: now,
    status,
    test_clock: null,
    transfer_data: null,
    trial_end: trialEnd,
    trial_settings: { end_behavior: { missing_payment_method: 'create_invoice' } },
    trial_start: trialEnd ? now : null,
  };
  subscription.items = lines.map((line) =>
    newItem(sandbox, line.price, line.quantity, line.metadata, periodEnd),
  );
  const invoice = newInvoice(sandbox, customer, {
    billingReason: 'subscription_create',
    collectionMethod,
    currency: first.currency,
    daysUntilDue,
    subscription,
    periodStart: now,
    periodEnd: now,
  });
  subscription.items.forEach((item, index) => {
    const line = lines[index];
    const price = line?.price as Price;
    addLine(invoice, {
      id: sandbox.newId('il'),
      amount: trialEnd ? 0 : (price.unit_amount ?? 0) * item.quantity,
      currency: price.currency,
      description: `${item.quantity} × ${sandbox.products.get(price.product)?.name ?? price.product}${trialEnd ? ' (trial)' : ''}`,
      quantity: item.quantity,
      price: price.id,
      product: price.product,
      subscription: subscription.id,
      subscriptionItem: item.id,
      invoiceItem: null,
      period: { start: now, end: periodEnd },
      metadata: {},
    });
  });
  subscription.latest_invoice = invoice.id;
  sandbox.subscriptions.set(subscription);
  sandbox.invoices.set(invoice);
  emitEvent(sandbox, 'customer.subscription.created', subscription, meta);
  emitEvent(sandbox, 'invoice.created', invoice, meta);
  finalizeInvoice(sandbox, invoice, meta);
  if (status === 'active' && collectionMethod === 'charge_automatically' && invoice.status === 'open') {
    markPaid(sandbox, invoice, meta);
  }
  return sandbox.subscriptions.get(subscription.id) ?? subscription;
}
