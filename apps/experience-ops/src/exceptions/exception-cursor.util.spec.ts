import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { encodeCursor } from '@concord/contracts';
import { ConcordException } from '@concord/governance';
import { decodeExceptionCursor, encodeExceptionCursor } from './exception-cursor.util.js';

const position = { createdAt: '2026-11-23T10:00:00.123456Z', id: '5b0c7c1e-8a57-4f0b-9a54-0d9f3d1b2c11' };

describe('exception list cursor', () => {
  it('round-trips a position with microseconds', () => {
    assert.deepEqual(decodeExceptionCursor(encodeExceptionCursor(position)), position);
    assert.equal(decodeExceptionCursor(undefined), undefined);
  });

  it('answers 400 on cursor for anything it did not issue', () => {
    const forged = [
      'not-a-cursor',
      encodeCursor({ modstamp: '2026-11-23T10:00:00.123Z', id: position.id }),
      encodeCursor({ modstamp: position.createdAt, id: "x' OR 1=1" }),
    ];
    for (const cursor of forged) {
      assert.throws(
        () => decodeExceptionCursor(cursor),
        (error: unknown) =>
          error instanceof ConcordException && error.status === 400 && error.details[0]?.path === 'cursor',
      );
    }
  });
});
