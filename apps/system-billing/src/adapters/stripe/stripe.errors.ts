import { AdapterError, type ErrorDetail } from '@concord/contracts';

export const STRIPE_SYSTEM = 'stripe';
/** Stripe sends no Retry-After on 429; its limits are per second, so one second is the natural wait. */
export const THROTTLE_WAIT_MS = 1000;

/** The fields of a Stripe SDK error the classifier reads (the SDK's `StripeError` has them all). */
interface StripeErrorLike {
  type?: string;
  rawType?: string;
  code?: string;
  param?: string;
  message?: string;
  statusCode?: number;
  raw?: unknown;
}

/** Stripe parameter names (`address[postal_code]` or `address.postal_code`) → canonical field paths. */
const CANONICAL_PATHS: Record<string, string> = {
  name: 'name',
  email: 'email',
  phone: 'phone',
  address: 'address',
  'address.line1': 'address.line1',
  'address.line2': 'address.line2',
  'address.city': 'address.city',
  'address.state': 'address.region',
  'address.postal_code': 'address.postalCode',
  'address.country': 'country',
  'metadata.tax_id': 'taxId',
  'metadata.currency': 'currency',
  'metadata.country': 'country',
  'metadata.legal_name': 'legalName',
  'metadata.website': 'website',
  'metadata.payment_terms_days': 'paymentTermsDays',
  'metadata.segment': 'segment',
  'metadata.territory': 'territory',
  metadata: 'metadata',
};

/** Product and price parameter names → canonical product field paths. */
const PRODUCT_PATHS: Record<string, string> = {
  id: 'sku',
  name: 'name',
  description: 'description',
  active: 'active',
  unit_label: 'unitOfMeasure',
  'metadata.sku': 'sku',
  'metadata.type': 'type',
  lookup_key: 'sku',
  unit_amount: 'unitPrice.amountMinor',
  unit_amount_decimal: 'unitPrice.amountMinor',
  currency: 'unitPrice.currency',
  recurring: 'recurring',
  'recurring.interval': 'recurring.interval',
  'recurring.interval_count': 'recurring.intervalCount',
  metadata: 'metadata',
};

/** Subscription parameter names → canonical subscription request paths (items by their index). */
const SUBSCRIPTION_PATHS: Record<string, string> = {
  customer: 'customerConcordId',
  items: 'items',
  collection_method: 'collectionMethod',
  days_until_due: 'daysUntilDue',
  trial_period_days: 'trialDays',
  trial_end: 'startDate',
  currency: 'items',
};
const ITEM_FIELDS: Record<string, string> = { price: 'sku', quantity: 'quantity', id: 'sku' };

const isProductOperation = (operation: string): boolean => /^(products|prices)\./.test(operation);
const isSubscriptionOperation = (operation: string): boolean => /^subscriptions\./.test(operation);

function subscriptionPath(dotted: string): string {
  const item = /^items\.(\d+)(?:\.(\w+))?/.exec(dotted);
  if (item) return `items[${item[1]}]${item[2] ? `.${ITEM_FIELDS[item[2]] ?? item[2]}` : ''}`;
  return SUBSCRIPTION_PATHS[dotted] ?? dotted;
}

export function canonicalPath(param: string, operation = ''): string {
  const dotted = param.replace(/\[([^\]]*)\]/g, '.$1');
  if (isSubscriptionOperation(operation)) return subscriptionPath(dotted);
  const paths = isProductOperation(operation) ? PRODUCT_PATHS : CANONICAL_PATHS;
  return paths[dotted] ?? dotted;
}

function isStripeErrorLike(error: unknown): error is Error & StripeErrorLike {
  return error instanceof Error && typeof (error as StripeErrorLike).type === 'string';
}

/** Folds anything the Stripe SDK throws into the adapter's closed set of error kinds. */
export function classifyStripeError(error: unknown, operation: string): AdapterError {
  if (error instanceof AdapterError) return error;
  if (!isStripeErrorLike(error)) {
    return new AdapterError({
      kind: 'Unknown',
      system: STRIPE_SYSTEM,
      operation,
      message: error instanceof Error ? error.message : String(error),
      cause: error,
    });
  }
  const status = error.statusCode;
  const base = {
    system: STRIPE_SYSTEM,
    operation,
    message: error.message ?? 'Stripe call failed',
    vendor: { ...(status !== undefined ? { status } : {}), ...(error.code ? { code: error.code } : {}) },
    cause: error,
  };
  if (error.type === 'StripeConnectionError' || status === undefined) {
    return new AdapterError({ ...base, kind: 'Temporary', retryAfterMs: THROTTLE_WAIT_MS });
  }
  if (error.type === 'StripeRateLimitError' || status === 429 || error.code === 'rate_limit') {
    return new AdapterError({ ...base, kind: 'Throttled', retryAfterMs: THROTTLE_WAIT_MS });
  }
  if (error.type === 'StripeAuthenticationError' || error.type === 'StripePermissionError') {
    return new AdapterError({ ...base, kind: 'AuthFailed' });
  }
  if (status === 401 || status === 403) return new AdapterError({ ...base, kind: 'AuthFailed' });
  if (error.type === 'StripeIdempotencyError' || error.rawType === 'idempotency_error') {
    return new AdapterError({ ...base, kind: 'Conflict' });
  }
  // Another request holds the object's lock: waiting and repeating is what Stripe advises.
  if (error.code === 'lock_timeout') {
    return new AdapterError({ ...base, kind: 'Temporary', retryAfterMs: THROTTLE_WAIT_MS });
  }
  if (status >= 500 || error.type === 'StripeAPIError') {
    return new AdapterError({ ...base, kind: 'Temporary', retryAfterMs: THROTTLE_WAIT_MS });
  }
  if (status === 404) return new AdapterError({ ...base, kind: 'NotFound' });
  if (status === 409) return new AdapterError({ ...base, kind: 'Conflict' });
  if (status === 400 || status === 402) {
    const details: ErrorDetail[] = error.param
      ? [{ path: canonicalPath(error.param, operation), message: base.message }]
      : [];
    return new AdapterError({ ...base, kind: 'Rejected', details });
  }
  return new AdapterError({ ...base, kind: 'Unknown' });
}
