import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { batchItemKey, customerWriteKey } from './write-key.util.js';

const ID = '5b0c7c1e-8a57-4f0b-9a54-0d9f3d1b2c11';

describe('customerWriteKey', () => {
  it('is the same for the same canonical ID and request key, and differs otherwise', () => {
    assert.equal(customerWriteKey(ID, 'key-00001'), `concord:customer:${ID}:key-00001`);
    assert.notEqual(customerWriteKey(ID, 'key-00001'), customerWriteKey(ID, 'key-00002'));
  });

  it('stays within Stripe 255 characters for the longest request keys', () => {
    const key = customerWriteKey(ID, 'k'.repeat(255));
    assert.ok(key.length <= 255);
    assert.equal(key, customerWriteKey(ID, 'k'.repeat(255)));
  });

  it('keys batch items by their body', () => {
    assert.equal(batchItemKey({ name: 'A' }), batchItemKey({ name: 'A' }));
    assert.notEqual(batchItemKey({ name: 'A' }), batchItemKey({ name: 'B' }));
  });
});
