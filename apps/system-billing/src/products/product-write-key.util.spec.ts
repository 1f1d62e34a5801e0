import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { productWriteKey } from './product-write-key.util.js';

describe('productWriteKey', () => {
  it('is the same for the same SKU and request key, and differs otherwise', () => {
    assert.equal(productWriteKey('CNC-SUP-GOLD', 'key-1'), 'concord:product:CNC-SUP-GOLD:key-1');
    assert.notEqual(productWriteKey('CNC-SUP-GOLD', 'key-1'), productWriteKey('CNC-SUP-GOLD', 'key-2'));
    assert.notEqual(productWriteKey('A', 'key-1'), productWriteKey('B', 'key-1'));
  });

  it('stays within Stripe 255 characters for the longest SKUs and request keys', () => {
    const key = productWriteKey('S'.repeat(40), 'k'.repeat(255));
    assert.ok(key.length <= 255);
    assert.equal(key, productWriteKey('S'.repeat(40), 'k'.repeat(255)));
  });
});
