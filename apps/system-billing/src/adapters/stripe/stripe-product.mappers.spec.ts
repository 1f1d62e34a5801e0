import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type ProductV1, ProductType, RecurringInterval } from '@concord/contracts';
import {
  priceMatches,
  productIdOf,
  toProductRecord,
  toStripePriceSpec,
  toStripeProductParams,
} from './stripe-product.mappers.js';
import { type StripePriceWire, type StripeProductWire } from './stripe.types.js';

const gold: ProductV1 = {
  sku: 'CNC-SUP-GOLD',
  name: 'Gold support plan',
  description: '24/7 support',
  type: ProductType.Service,
  active: true,
  unitPrice: { amountMinor: 4900, currency: 'EUR' },
  recurring: { interval: RecurringInterval.Month, intervalCount: 1 },
  unitOfMeasure: 'EA',
};

const stripeProduct: StripeProductWire = {
  id: 'concord_CNC-SUP-GOLD',
  object: 'product',
  name: 'Gold support plan',
  description: '24/7 support',
  active: true,
  unit_label: 'EA',
  default_price: 'price_1MoBy5LkdIwHu7ixZhnattbh',
  metadata: { sku: 'CNC-SUP-GOLD', type: 'service' },
  created: 1678833149,
  updated: 1700000000,
};

const stripePrice: StripePriceWire = {
  id: 'price_1MoBy5LkdIwHu7ixZhnattbh',
  object: 'price',
  active: true,
  currency: 'eur',
  unit_amount: 4900,
  recurring: { interval: 'month', interval_count: 1 },
  lookup_key: 'concord:CNC-SUP-GOLD',
  product: 'concord_CNC-SUP-GOLD',
};

describe('productIdOf', () => {
  it('derives a Stripe-safe ID one-to-one from the SKU', () => {
    assert.equal(productIdOf('CNC-SUP-GOLD'), 'concord_CNC-SUP-GOLD');
    assert.equal(productIdOf('a.b'), 'concord_a_pb');
    assert.equal(productIdOf('a_b'), 'concord_a__b');
    assert.notEqual(productIdOf('a_p'), productIdOf('a.p'));
  });

  it('stays within 64 characters and keeps long SKUs apart', () => {
    const long = `${'_'.repeat(39)}a`;
    const other = `${'_'.repeat(39)}b`;
    assert.ok(productIdOf(long).length <= 64);
    assert.match(productIdOf(long), /^concord_[A-Za-z0-9_-]+$/);
    assert.notEqual(productIdOf(long), productIdOf(other));
  });
});

describe('product mappers', () => {
  it('canonical → Stripe product parameters, unsetting absent fields only on update', () => {
    assert.deepEqual(toStripeProductParams(gold, 'create'), {
      name: 'Gold support plan',
      active: true,
      description: '24/7 support',
      unit_label: 'EA',
      metadata: { sku: 'CNC-SUP-GOLD', type: 'service' },
    });
    const bare: ProductV1 = { sku: 'X', name: 'X', type: ProductType.Inventory, active: false };
    assert.deepEqual(toStripeProductParams(bare, 'create'), {
      name: 'X',
      active: false,
      metadata: { sku: 'X', type: 'inventory' },
    });
    assert.equal(toStripeProductParams(bare, 'update').description, '');
    assert.equal(toStripeProductParams(bare, 'update').unit_label, '');
  });

  it('canonical price → Stripe price spec, JPY amounts as they are', () => {
    assert.deepEqual(toStripePriceSpec(gold), {
      unit_amount: 4900,
      currency: 'eur',
      recurring: { interval: 'month', interval_count: 1 },
    });
    const yen = { ...gold, unitPrice: { amountMinor: 5000, currency: 'JPY' } };
    delete yen.recurring;
    assert.deepEqual(toStripePriceSpec(yen), { unit_amount: 5000, currency: 'jpy' });
    assert.equal(toStripePriceSpec({ ...gold, unitPrice: undefined }), undefined);
  });

  it('compares prices by amount, currency and cadence', () => {
    const spec = toStripePriceSpec(gold)!;
    assert.equal(priceMatches(stripePrice, spec), true);
    assert.equal(priceMatches({ ...stripePrice, unit_amount: 5900 }, spec), false);
    assert.equal(priceMatches({ ...stripePrice, currency: 'usd' }, spec), false);
    assert.equal(
      priceMatches({ ...stripePrice, recurring: { interval: 'month', interval_count: 3 } }, spec),
      false,
    );
    assert.equal(priceMatches({ ...stripePrice, recurring: null }, spec), false);
  });

  it('Stripe product and price → canonical record, and back to the same canonical fields', () => {
    const record = toProductRecord(stripeProduct, stripePrice, 'CNC-SUP-GOLD');
    assert.deepEqual(record, {
      ...gold,
      externalId: 'concord_CNC-SUP-GOLD',
      priceExternalId: 'price_1MoBy5LkdIwHu7ixZhnattbh',
      sourceVersion: '2023-11-14T22:13:20.000Z',
    });
    const { externalId, priceExternalId, sourceVersion, ...canonical } = record;
    assert.ok(externalId && priceExternalId && sourceVersion);
    assert.deepEqual(toStripeProductParams(canonical, 'update'), toStripeProductParams(gold, 'update'));
  });

  it('a product without price or optional fields maps to a bare record', () => {
    const record = toProductRecord(
      { ...stripeProduct, description: null, unit_label: null, default_price: null },
      undefined,
      'CNC-SUP-GOLD',
    );
    assert.equal(record.unitPrice, undefined);
    assert.equal(record.priceExternalId, undefined);
    assert.equal(record.description, undefined);
    assert.equal(record.unitOfMeasure, undefined);
  });
});
