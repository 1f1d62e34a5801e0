import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
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
});
