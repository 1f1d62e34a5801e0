import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AdapterError } from '@concord/contracts';
import { fromStripeAmount, toStripeAmount } from './stripe-money.util.js';

describe('Stripe amounts', () => {
  it('passes ISO minor units through where Stripe uses the same unit (EUR 2, JPY 0, BHD 3 digits)', () => {
    assert.equal(toStripeAmount({ amountMinor: 4900, currency: 'EUR' }), 4900);
    assert.equal(toStripeAmount({ amountMinor: 5000, currency: 'JPY' }), 5000);
    assert.equal(toStripeAmount({ amountMinor: 12340, currency: 'BHD' }), 12340);
    assert.deepEqual(fromStripeAmount(5000, 'jpy'), { amountMinor: 5000, currency: 'JPY' });
    assert.deepEqual(fromStripeAmount(4900, 'eur'), { amountMinor: 4900, currency: 'EUR' });
  });

  it('scales ISK up to the hundredths Stripe expects and back', () => {
    assert.equal(toStripeAmount({ amountMinor: 5, currency: 'ISK' }), 500);
    assert.deepEqual(fromStripeAmount(500, 'isk'), { amountMinor: 5, currency: 'ISK' });
  });

  it('scales MGA down to whole ariary and refuses amounts Stripe cannot hold', () => {
    assert.equal(toStripeAmount({ amountMinor: 1500, currency: 'MGA' }), 15);
    assert.deepEqual(fromStripeAmount(15, 'mga'), { amountMinor: 1500, currency: 'MGA' });
    assert.throws(
      () => toStripeAmount({ amountMinor: 1550, currency: 'MGA' }),
      (error: unknown) =>
        error instanceof AdapterError &&
        error.kind === 'Rejected' &&
        error.details[0]?.path === 'unitPrice.amountMinor',
    );
  });
});
