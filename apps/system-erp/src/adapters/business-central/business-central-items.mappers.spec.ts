import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AdapterError, ProductType, RecurringInterval } from '@concord/contracts';
import { classifyBcAnswer, ITEM_PATHS } from './business-central.errors.js';
import { fromBcItem, fromMinorUnits, toBcItem, toMinorUnits } from './business-central-items.mappers.js';
import { type BcItem, type CompanyContext } from './business-central.types.js';

const company: CompanyContext = {
  id: '9c4e1a2b-3d5f-4a6b-8c7d-2e3f4a5b6c71',
  name: 'CRONUS International Ltd.',
  localCurrency: 'GBP',
};

describe('business central item mappers', () => {
  it('converts minor units with the currency digits of ISO 4217', () => {
    assert.equal(fromMinorUnits(4999, 'GBP'), 49.99);
    assert.equal(fromMinorUnits(1500, 'JPY'), 1500);
    assert.equal(fromMinorUnits(12345, 'BHD'), 12.345);
    assert.equal(toMinorUnits(49.99, 'GBP'), 4999);
    assert.equal(toMinorUnits(1500, 'JPY'), 1500);
    assert.equal(toMinorUnits(12.345, 'BHD'), 12345);
    // 1.005 × 100 is 100.4999… as a float; the decimal shift keeps it 100.5 and rounds up.
    assert.equal(toMinorUnits(1.005, 'EUR'), 101);
    assert.equal(toMinorUnits(1000.8, 'EUR'), 100080);
  });

  it('maps a product to an item in the local currency, without recurring or description', () => {
    const item = toBcItem(
      {
        sku: 'CNC-SUP-GOLD',
        name: 'Gold support plan',
        description: 'Not an item property',
        type: ProductType.NonInventory,
        active: false,
        unitPrice: { amountMinor: 4900, currency: 'GBP' },
        recurring: { interval: RecurringInterval.Month, intervalCount: 1 },
        unitOfMeasure: 'MONTH',
      },
      company,
    );
    assert.deepEqual(item, {
      number: 'CNC-SUP-GOLD',
      displayName: 'Gold support plan',
      type: 'Non-Inventory',
      blocked: true,
      unitPrice: 49,
      baseUnitOfMeasureCode: 'MONTH',
    });
    const unpriced = toBcItem({ sku: 'X', name: 'X', type: ProductType.Service, active: true }, company);
    assert.equal(unpriced.unitPrice, 0);
    assert.equal('baseUnitOfMeasureCode' in unpriced, false);
  });

  it('rejects a price in another currency than the local one', () => {
    assert.throws(
      () =>
        toBcItem(
          {
            sku: 'X',
            name: 'X',
            type: ProductType.Service,
            active: true,
            unitPrice: { amountMinor: 100, currency: 'EUR' },
          },
          company,
        ),
      (error: unknown) =>
        error instanceof AdapterError &&
        error.kind === 'Rejected' &&
        error.details[0]?.path === 'unitPrice.currency',
    );
  });

  it('maps an item back to a product record', () => {
    const item: BcItem = {
      id: 'd1000000-0000-0000-0000-000000000001',
      number: '1896-S',
      displayName: 'ATHENS Desk',
      type: 'Inventory',
      itemCategoryCode: 'TABLE',
      blocked: false,
      unitPrice: 1000.8,
      baseUnitOfMeasureCode: 'PCS',
      lastModifiedDateTime: '2026-11-23T10:00:00.000Z',
    };
    assert.deepEqual(fromBcItem(item, company), {
      externalId: `${company.id}:${item.id}`,
      sourceVersion: '2026-11-23T10:00:00.000Z',
      sku: '1896-S',
      name: 'ATHENS Desk',
      type: ProductType.Inventory,
      active: true,
      unitPrice: { amountMinor: 100080, currency: 'GBP' },
      unitOfMeasure: 'PCS',
    });
    const blank = fromBcItem({ ...item, type: 'Service', blocked: true, baseUnitOfMeasureCode: '' }, company);
    assert.equal(blank.type, ProductType.Service);
    assert.equal(blank.active, false);
    assert.equal(blank.unitOfMeasure, undefined);
  });

  it('classifies item validation errors with product paths', () => {
    const answer = (code: string, message: string) => ({ status: 400, body: { error: { code, message } } });
    const context = { operation: 'items.create', paths: ITEM_PATHS };
    const negative = classifyBcAnswer(
      answer('Application_FieldValidationException', 'Unit Price must not be negative.'),
      context,
    );
    assert.equal(negative.kind, 'Rejected');
    assert.deepEqual(
      negative.details.map((detail) => detail.path),
      ['unitPrice.amountMinor'],
    );
    const blank = classifyBcAnswer(
      answer(
        'Application_FieldValidationException',
        'Description must have a value in Item: No.=X1. It cannot be zero or empty.',
      ),
      context,
    );
    assert.deepEqual(
      blank.details.map((detail) => detail.path),
      ['name'],
    );
    const sku = 'S'.repeat(25);
    const tooLong = classifyBcAnswer(
      answer(
        'Application_StringExceededLength',
        `The length of the string is 25, but it must be less than or equal to 20 characters. Value: ${sku}`,
      ),
      { ...context, sent: { number: sku, displayName: 'X' } },
    );
    assert.deepEqual(
      tooLong.details.map((detail) => detail.path),
      ['sku'],
    );
  });
});
