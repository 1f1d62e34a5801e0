import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { retryDelayMs } from './webhook-backoff.util.js';

describe('retryDelayMs', () => {
  it('doubles per retry between half and all of the ceiling', () => {
    assert.equal(
      retryDelayMs(1, 1000, () => 1),
      1000,
    );
    assert.equal(
      retryDelayMs(1, 1000, () => 0),
      500,
    );
    assert.equal(
      retryDelayMs(4, 1000, () => 1),
      8000,
    );
    assert.equal(
      retryDelayMs(4, 1000, () => 0),
      4000,
    );
  });

  it('never waits more than a day', () => {
    assert.equal(
      retryDelayMs(40, 60_000, () => 1),
      24 * 3600 * 1000,
    );
  });
});
