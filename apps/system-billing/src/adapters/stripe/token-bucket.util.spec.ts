import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { burstFor, TokenBucket } from './token-bucket.util.js';

describe('TokenBucket', () => {
  it('lets a burst through, then spaces calls at the rate', () => {
    let now = 0;
    const bucket = new TokenBucket(20, 5, () => now);
    const waits = Array.from({ length: 7 }, () => bucket.reserve());
    assert.deepEqual(waits, [0, 0, 0, 0, 0, 50, 100]);
    now = 1000;
    assert.equal(bucket.reserve(), 0, 'a second later the bucket has refilled');
  });

  it('never holds more than the burst after an idle spell', () => {
    let now = 0;
    const bucket = new TokenBucket(10, 3, () => now);
    now = 60_000;
    assert.equal(bucket.available(), 3);
    const waits = Array.from({ length: 4 }, () => bucket.reserve());
    assert.deepEqual(waits, [0, 0, 0, 100]);
  });

  it('keeps Stripe sliding window under its limit at the default rate', () => {
    const rate = 20;
    assert.ok(burstFor(rate) + rate <= 25);
    assert.equal(burstFor(1), 1);
  });
});
