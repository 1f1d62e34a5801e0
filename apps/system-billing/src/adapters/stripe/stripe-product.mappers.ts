import { createHash } from 'node:crypto';
import { type ProductRecordV1, ProductType, type ProductV1, RecurringInterval } from '@concord/contracts';
import { isoFromSeconds, type WriteMode } from './stripe.mappers.js';
import { fromStripeAmount, toStripeAmount } from './stripe-money.util.js';
import {
  PRODUCT_METADATA,
  type StripePriceSpec,
  type StripePriceWire,
  type StripeProductParams,
  type StripeProductWire,
} from './stripe.types.js';

const ID_PREFIX = 'concord_';
const MAX_ID_LENGTH = 64;

/**
 * The Stripe product ID of a SKU: deterministic, so the SKU itself keys the write. Stripe IDs take
 * letters, digits, `_` and `-`; `_` is doubled and `.` becomes `_p`, which keeps the mapping one-to-one.
 * An escaped SKU too long for Stripe keeps a readable head and a hash of the whole SKU.
 */
export function productIdOf(sku: string): string {
  const escaped = sku.replace(/_/g, '__').replace(/\./g, '_p');
  const id = `${ID_PREFIX}${escaped}`;
  if (id.length <= MAX_ID_LENGTH) return id;
  const hash = createHash('sha256').update(sku).digest('hex').slice(0, 32);
  return `${ID_PREFIX}h_${sku.replace(/[^A-Za-z0-9-]/g, '-').slice(0, 20)}_${hash}`;
}

/** The lookup key held by the product's current price; a new price takes it over from the old one. */
export function priceLookupKey(sku: string): string {
  return `concord:${sku}`;
}

/** Canonical product → Stripe product parameters; on update absent optional fields are unset with ''. */
export function toStripeProductParams(product: ProductV1, mode: WriteMode): StripeProductParams {
  const unset = mode === 'update' ? '' : undefined;
  const params: StripeProductParams = {
    name: product.name,
    active: product.active,
    metadata: { [PRODUCT_METADATA.sku]: product.sku, [PRODUCT_METADATA.type]: product.type },
  };
  const description = product.description || unset;
  const unitLabel = product.unitOfMeasure || unset;
  if (description !== undefined) params.description = description;
  if (unitLabel !== undefined) params.unit_label = unitLabel;
  return params;
}

/** The price a canonical product asks for, or undefined when it has none. */
export function toStripePriceSpec(product: ProductV1): StripePriceSpec | undefined {
  if (!product.unitPrice) return undefined;
  const spec: StripePriceSpec = {
    unit_amount: toStripeAmount(product.unitPrice),
    currency: product.unitPrice.currency.toLowerCase(),
  };
  if (product.recurring) {
    spec.recurring = {
      interval: product.recurring.interval,
      interval_count: product.recurring.intervalCount,
    };
  }
  return spec;
}

/** Whether a Stripe price already charges what the spec asks for (prices are immutable in these fields). */
export function priceMatches(price: StripePriceWire, spec: StripePriceSpec): boolean {
  return (
    price.unit_amount === spec.unit_amount &&
    price.currency.toLowerCase() === spec.currency &&
    (price.recurring?.interval ?? null) === (spec.recurring?.interval ?? null) &&
    (price.recurring?.interval_count ?? null) === (spec.recurring?.interval_count ?? null)
  );
}

const PRODUCT_TYPES = new Set<string>(Object.values(ProductType));
const INTERVALS = new Set<string>(Object.values(RecurringInterval));

/** Stripe product and its current price → the canonical record as billing holds it. */
export function toProductRecord(
  product: StripeProductWire,
  price: StripePriceWire | undefined,
  sku: string,
): ProductRecordV1 {
  const type = product.metadata[PRODUCT_METADATA.type] ?? '';
  const record: ProductRecordV1 = {
    sku: product.metadata[PRODUCT_METADATA.sku] || sku,
    name: product.name,
    type: PRODUCT_TYPES.has(type) ? (type as ProductType) : ProductType.Service,
    active: product.active,
    externalId: product.id,
    sourceVersion: isoFromSeconds(product.updated),
  };
  if (product.description) record.description = product.description;
  if (product.unit_label) record.unitOfMeasure = product.unit_label;
  if (price && price.unit_amount !== null) {
    record.priceExternalId = price.id;
    record.unitPrice = fromStripeAmount(price.unit_amount, price.currency);
    const interval = price.recurring?.interval;
    if (price.recurring && interval && INTERVALS.has(interval)) {
      record.recurring = {
        interval: interval as RecurringInterval,
        intervalCount: price.recurring.interval_count,
      };
    }
  }
  return record;
}
