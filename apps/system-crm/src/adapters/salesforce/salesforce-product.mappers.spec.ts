import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ProductType, type ProductV1 } from '@concord/contracts';
import {
  fromProduct,
  planPrice,
  productPathOf,
  toMoney,
  toProductWrite,
  toUnitPrice,
} from './salesforce-product.mappers.js';
import { type SalesforcePriceEntry, type SalesforceProduct } from './salesforce.types.js';

const canonical: ProductV1 = {
  sku: 'CNC-SUP-GOLD',
  name: 'Gold support plan',
  description: '24/7 support',
  type: ProductType.Service,
  active: true,
  unitPrice: { amountMinor: 4900, currency: 'EUR' },
  unitOfMeasure: 'EA',
};

const entry = (id: string, fields: Partial<SalesforcePriceEntry>): SalesforcePriceEntry => ({
  Id: id,
  Product2Id: '01t000000000001AAA',
  UnitPrice: 49,
  CurrencyIsoCode: 'EUR',
  IsActive: true,
  SystemModstamp: '2026-11-23T10:00:00.000+0000',
  ...fields,
});

describe('Salesforce product mapping', () => {
  it('converts minor units with the currency digits of ISO 4217, both ways', () => {
    assert.equal(toUnitPrice({ amountMinor: 4990, currency: 'EUR' }), 49.9);
    assert.equal(toUnitPrice({ amountMinor: 1500, currency: 'JPY' }), 1500);
    assert.equal(toUnitPrice({ amountMinor: 1250, currency: 'BHD' }), 1.25);
    assert.deepEqual(toMoney(49.9, 'EUR'), { amountMinor: 4990, currency: 'EUR' });
    assert.deepEqual(toMoney(1500, 'JPY'), { amountMinor: 1500, currency: 'JPY' });
    assert.deepEqual(toMoney(1.25, 'BHD'), { amountMinor: 1250, currency: 'BHD' });
  });

  it('writes a canonical product as Product2 fields and reads it back with its price', () => {
    const write = toProductWrite(canonical);
    assert.deepEqual(write, {
      Name: 'Gold support plan',
      ProductCode: 'CNC-SUP-GOLD',
      Description: '24/7 support',
      IsActive: true,
      Family: 'Services',
      QuantityUnitOfMeasure: 'Each',
    });
    const stored: SalesforceProduct = {
      Id: '01t000000000001AAA',
      ...write,
      ERP_Item_Number__c: 'CNC-SUP-GOLD',
      CreatedDate: '2026-11-23T10:00:00.000+0000',
      SystemModstamp: '2026-11-23T10:00:01.000+0000',
    };
    assert.deepEqual(fromProduct(stored, [entry('01u000000000001AAA', {})]), {
      ...canonical,
      externalId: '01t000000000001AAA',
      priceExternalId: '01u000000000001AAA',
      sourceVersion: '2026-11-23T10:00:01.000Z',
    });
    const bare = { ...canonical, description: undefined, unitOfMeasure: 'BOX', type: ProductType.Inventory };
    assert.deepEqual(toProductWrite(bare), {
      ...write,
      Description: null,
      Family: 'Hardware',
      QuantityUnitOfMeasure: null,
    });
  });

  it('plans an update in the same currency and a new entry for a new currency', () => {
    const euro = entry('01uEUR', {});
    assert.deepEqual(planPrice([euro], { amountMinor: 5900, currency: 'EUR' }, true), {
      keep: '01uEUR',
      updates: [{ Id: '01uEUR', UnitPrice: 59, IsActive: true }],
    });
    assert.deepEqual(planPrice([euro], { amountMinor: 4900, currency: 'EUR' }, true), {
      keep: '01uEUR',
      updates: [],
    });
    assert.deepEqual(planPrice([euro], { amountMinor: 9000, currency: 'JPY' }, true), {
      create: { UnitPrice: 9000, CurrencyIsoCode: 'JPY', IsActive: true },
      updates: [{ Id: '01uEUR', IsActive: false }],
    });
    assert.deepEqual(planPrice([euro], undefined, true), { updates: [{ Id: '01uEUR', IsActive: false }] });
  });

  it('names rejected Product2 and PricebookEntry fields by their canonical paths', () => {
    assert.equal(productPathOf('ERP_Item_Number__c'), 'sku');
    assert.equal(productPathOf('QuantityUnitOfMeasure'), 'unitOfMeasure');
    assert.equal(productPathOf('CurrencyIsoCode'), 'unitPrice.currency');
    assert.equal(productPathOf('Custom__c'), 'Custom__c');
  });
});
