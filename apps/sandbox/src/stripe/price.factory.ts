import { invalidRequest, missingReference } from './stripe.errors.js';
import { type RequestMeta, type StripeSandbox } from './stripe.state.js';
import { applyMetadata, type Params } from './stripe-params.util.js';
import { type Price, type Recurring } from './stripe-object.types.js';
import { emitEvent } from './events.service.js';

export const CURRENCIES = [
  'usd',
  'eur',
  'gbp',
  'chf',
  'cad',
  'aud',
  'jpy',
  'sek',
  'dkk',
  'nok',
  'pln',
  'czk',
  'nzd',
  'sgd',
  'hkd',
  'mxn',
  'brl',
  'inr',
];
const INTERVALS = ['day', 'week', 'month', 'year'] as const;
const MAX_INTERVAL_COUNT: Record<Recurring['interval'], number> = { day: 365, week: 52, month: 12, year: 1 };

export function readCurrency(params: Params, key = 'currency'): string {
  const currency = params.requiredString(key).toLowerCase();
  if (!CURRENCIES.includes(currency))
    throw invalidRequest(`Invalid currency: ${currency}.`, params.name(key));
  return currency;
}

function readRecurring(params: Params | undefined): Recurring | null {
  if (!params) return null;
  params.allowOnly(['interval', 'interval_count', 'usage_type', 'trial_period_days']);
  const interval = params.oneOf('interval', INTERVALS);
  if (!interval)
    throw invalidRequest(
      `Missing required param: ${params.name('interval')}.`,
      params.name('interval'),
      'parameter_missing',
    );
  const count = params.int('interval_count', 1) ?? 1;
  if (count > MAX_INTERVAL_COUNT[interval]) {
    throw invalidRequest(
      'The maximum billing interval is 1 year (1 year, 12 months, 52 weeks, or 365 days).',
      params.name('interval_count'),
    );
  }
  return {
    interval,
    interval_count: count,
    meter: null,
    usage_type: params.oneOf('usage_type', ['licensed', 'metered'] as const) ?? 'licensed',
    trial_period_days: params.int('trial_period_days', 0) ?? null,
  };
}

/** A lookup key names one price at a time; `transfer_lookup_key` moves it from its current holder. */
export function claimLookupKey(
  sandbox: StripeSandbox,
  price: Price,
  key: string | null | undefined,
  transfer: boolean,
): void {
  if (key === undefined) return;
  if (key !== null) {
    const holder = sandbox.prices
      .newestFirst()
      .find((other) => other.lookup_key === key && other.id !== price.id);
    if (holder && !transfer) {
      throw invalidRequest(`A price (\`${holder.id}\`) already uses that lookup key.`, 'lookup_key');
    }
    if (holder) sandbox.prices.set({ ...holder, lookup_key: null });
  }
  price.lookup_key = key;
}

export function createPrice(
  sandbox: StripeSandbox,
  params: Params,
  productId: string | undefined,
  meta: RequestMeta,
): Price {
  const productRef = productId ?? params.string('product');
  const productData = productId ? undefined : params.object('product_data');
  if (!productRef && !productData)
    throw invalidRequest('Missing required param: product.', 'product', 'parameter_missing');
  if (productRef && !sandbox.products.get(productRef))
    throw missingReference('product', productRef, 'product');
  const unitAmount = params.int('unit_amount', 0, 99_999_999);
  const decimal = params.string('unit_amount_decimal');
  if (unitAmount === undefined && (decimal === undefined || decimal === null)) {
    throw invalidRequest('Missing required param: unit_amount.', 'unit_amount', 'parameter_missing');
  }
  const amount = unitAmount ?? Math.round(Number(decimal));
  if (!Number.isFinite(amount) || amount < 0)
    throw invalidRequest(`Invalid decimal: ${String(decimal)}`, 'unit_amount_decimal');
  const currency = readCurrency(params);
  const recurring = readRecurring(params.object('recurring'));
  let product = productRef ?? '';
  if (productData) {
    productData.allowOnly(['name', 'active', 'metadata', 'unit_label', 'statement_descriptor', 'tax_code']);
    product = sandbox.newId('prod', 14);
    const now = sandbox.now();
    const created = {
      id: product,
      object: 'product' as const,
      active: productData.bool('active') ?? true,
      created: now,
      default_price: null,
      description: null,
      images: [],
      livemode: false,
      marketing_features: [],
      metadata: applyMetadata({}, productData.metadata()),
      name: productData.requiredString('name'),
      package_dimensions: null,
      shippable: null,
      statement_descriptor: productData.string('statement_descriptor') ?? null,
      tax_code: productData.string('tax_code') ?? null,
      type: 'service',
      unit_label: productData.string('unit_label') ?? null,
      updated: now,
      url: null,
    };
    sandbox.products.set(created);
    emitEvent(sandbox, 'product.created', created, meta);
  }
  const price: Price = {
    id: sandbox.newId('price'),
    object: 'price',
    active: params.bool('active') ?? true,
    billing_scheme: 'per_unit',
    created: sandbox.now(),
    currency,
    custom_unit_amount: null,
    livemode: false,
    lookup_key: null,
    metadata: applyMetadata({}, params.metadata()),
    nickname: params.string('nickname') ?? null,
    product,
    recurring,
    tax_behavior:
      params.oneOf('tax_behavior', ['inclusive', 'exclusive', 'unspecified'] as const) ?? 'unspecified',
    tiers_mode: null,
    transform_quantity: null,
    type: recurring ? 'recurring' : 'one_time',
    unit_amount: amount,
    unit_amount_decimal: String(amount),
  };
  claimLookupKey(
    sandbox,
    price,
    params.string('lookup_key', 200),
    params.bool('transfer_lookup_key') === true,
  );
  sandbox.prices.set(price);
  emitEvent(sandbox, 'price.created', price, meta);
  return price;
}
