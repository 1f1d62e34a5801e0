import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stripePacing } from './adapters/stripe/stripe.client.js';
import { loadBillingConfig, stripeModeLimit } from './system-billing.config.js';

describe('billing config', () => {
  it("paces Stripe at its published limit for the key's mode unless STRIPE_MAX_RPS says otherwise", () => {
    assert.equal(stripeModeLimit('sk_live_abc'), 100);
    assert.equal(stripeModeLimit('rk_live_abc'), 100);
    assert.equal(stripeModeLimit('sk_test_abc'), 25);
    assert.equal(stripeModeLimit(undefined), 25);
    assert.equal(loadBillingConfig({ STRIPE_SECRET_KEY: 'sk_live_x' }).stripeMaxRps, 100);
    assert.equal(
      loadBillingConfig({ STRIPE_SECRET_KEY: 'sk_live_x', STRIPE_MAX_RPS: '40' }).stripeMaxRps,
      40,
    );
    assert.throws(() => loadBillingConfig({ STRIPE_MAX_RPS: '0' }), /STRIPE_MAX_RPS must be an integer/);
  });

  it('paces at 95% of the limit with a burst that keeps every one-second window under it', () => {
    for (const limit of [1, 25, 100, 10_000]) {
      const { ratePerSecond, burst } = stripePacing(limit);
      assert.ok(ratePerSecond >= 1 && burst >= 1);
      if (limit > 2) assert.ok(ratePerSecond + burst < limit, `limit ${limit}`);
    }
    assert.deepEqual(stripePacing(100), { ratePerSecond: 95, burst: 4 });
    assert.deepEqual(stripePacing(25), { ratePerSecond: 23, burst: 1 });
  });
});
