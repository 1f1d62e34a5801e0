import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { encodeCursor } from '@concord/contracts';
import { ConcordException } from '@concord/governance';
import { decodeFlowCursor, encodeFlowCursor } from './partner-flow-cursor.util.js';

describe('partner flow cursor', () => {
  it('round-trips a position with microseconds', () => {
    const position = { createdAt: '2025-03-04T10:15:00.123456Z', id: '7c9e6679-7425-40de-944b-e07fc1f90ae7' };
    assert.deepEqual(decodeFlowCursor(encodeFlowCursor(position)), position);
    assert.equal(decodeFlowCursor(undefined), undefined);
  });

  it('answers 400 on `cursor` for anything this API did not issue', () => {
    for (const bad of [
      'not-a-cursor',
      encodeCursor({ modstamp: '2025-03-04T10:15:00.123Z', id: '7c9e6679-7425-40de-944b-e07fc1f90ae7' }),
      encodeCursor({ modstamp: '2025-03-04T10:15:00.123456Z', id: 'x' }),
    ]) {
      assert.throws(
        () => decodeFlowCursor(bad),
        (error: unknown) =>
          error instanceof ConcordException && error.details.some((detail) => detail.path === 'cursor'),
      );
    }
  });
});
