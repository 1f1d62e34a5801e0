import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { flattenValidationErrors } from '../../errors/validation-errors.util.js';
import { ProductV1 } from './product.dto.js';

const product = {
  sku: 'CNC-SUP.GOLD_1',
  name: 'Gold support plan',
  type: 'service',
  active: true,
  unitPrice: { amountMinor: 4900, currency: 'EUR' },
  recurring: { interval: 'month', intervalCount: 1 },
  unitOfMeasure: 'EA',
};

async function failures(body: object): Promise<string[]> {
  const errors = await validate(plainToInstance(ProductV1, body), {
    whitelist: true,
    forbidNonWhitelisted: true,
  });
  return flattenValidationErrors(errors).map((detail) => `${detail.path}:${String(detail['constraint'])}`);
}

void describe('ProductV1', () => {
  void it('accepts a recurring service with a price', async () => {
    assert.deepEqual(await failures(product), []);
  });

  void it('accepts a one-off inventory item with only the required fields', async () => {
    assert.deepEqual(await failures({ sku: 'A1', name: 'Widget', type: 'inventory', active: false }), []);
    assert.deepEqual(await failures({ sku: 'B', name: 'Fee', type: 'non_inventory', active: true }), []);
  });

  void it('rejects malformed fields', async () => {
    const cases: Array<[object, string]> = [
      [{ sku: '' }, 'sku:matches'],
      [{ sku: 'A'.repeat(41) }, 'sku:matches'],
      [{ sku: 'GOLD PLAN' }, 'sku:matches'],
      [{ name: ' ' }, 'name:matches'],
      [{ name: 'x'.repeat(101) }, 'name:isLength'],
      [{ description: 'x'.repeat(4001) }, 'description:maxLength'],
      [{ type: 'bundle' }, 'type:isEnum'],
      [{ active: 'yes' }, 'active:isBoolean'],
      [{ unitPrice: { amountMinor: -1, currency: 'EUR' } }, 'unitPrice.amountMinor:min'],
      [{ unitPrice: { amountMinor: 49.5, currency: 'EUR' } }, 'unitPrice.amountMinor:isInt'],
      [{ unitPrice: { amountMinor: 4900, currency: 'EURO' } }, 'unitPrice.currency:isCurrencyCode'],
      [{ recurring: { interval: 'quarter', intervalCount: 1 } }, 'recurring.interval:isEnum'],
      [{ recurring: { interval: 'month', intervalCount: 0 } }, 'recurring.intervalCount:min'],
      [{ recurring: { interval: 'month', intervalCount: 37 } }, 'recurring.intervalCount:max'],
      [{ unitOfMeasure: 'x'.repeat(11) }, 'unitOfMeasure:maxLength'],
      [
        { unitPrice: { amountMinor: 1, currency: 'EUR', taxIncluded: true } },
        'unitPrice.taxIncluded:whitelistValidation',
      ],
    ];
    for (const [override, expected] of cases) {
      assert.deepEqual(await failures({ ...product, ...override }), [expected], JSON.stringify(override));
    }
  });
});
