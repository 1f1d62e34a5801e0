import assert from 'node:assert/strict';
import { it } from 'node:test';
import { parseRetryAfter } from './retry-after.util.js';

const now = Date.parse('2025-03-01T12:00:00Z');

void it('reads delay-seconds', () => {
  assert.equal(parseRetryAfter('0', now), 0);
  assert.equal(parseRetryAfter(' 120 ', now), 120_000);
});

void it('reads an HTTP date as the time left until it', () => {
  assert.equal(parseRetryAfter('Sat, 01 Mar 2025 12:00:30 GMT', now), 30_000);
  assert.equal(parseRetryAfter('Sat, 01 Mar 2025 11:59:00 GMT', now), 0);
});

void it('takes the first of repeated headers', () => {
  assert.equal(parseRetryAfter(['5', '9'], now), 5_000);
});

void it('ignores missing and unreadable values', () => {
  assert.equal(parseRetryAfter(undefined, now), undefined);
  assert.equal(parseRetryAfter('', now), undefined);
  assert.equal(parseRetryAfter('soon', now), undefined);
  assert.equal(parseRetryAfter('-3', now), undefined);
});

void it('reads the obsolete HTTP date forms', () => {
  assert.equal(parseRetryAfter('Saturday, 01-Mar-25 12:00:10 GMT', now), 10_000);
  assert.equal(parseRetryAfter('Sat Mar  1 12:00:20 2025', now), 20_000);
});
