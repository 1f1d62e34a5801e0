import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeCursor, encodeCursor, InvalidCursorError, isAfterCursor } from './change-cursor.js';

describe('change cursors', () => {
  it('round-trip, token included', () => {
    const cursor = { modstamp: '2026-11-23T10:00:00.000Z', id: '001A', token: 'delta-1' };
    assert.deepEqual(decodeCursor(encodeCursor(cursor)), cursor);
    assert.equal(decodeCursor(undefined), undefined);
    assert.equal(decodeCursor(''), undefined);
  });

  it('refuse anything this feed did not issue', () => {
    for (const bad of [
      'not-base64-json',
      encodeCursor({ modstamp: 'yesterday', id: 'x' }),
      Buffer.from('{"modstamp":"2026-01-01T00:00:00Z"}').toString('base64url'),
    ]) {
      assert.throws(() => decodeCursor(bad), InvalidCursorError);
    }
  });

  it('order changes by (modstamp, id) so ties at a page boundary are neither lost nor repeated', () => {
    const cursor = { modstamp: '2026-11-23T10:00:00.000Z', id: '001B' };
    assert.equal(isAfterCursor(cursor, '2026-11-23T10:00:00.000Z', '001A'), false);
    assert.equal(isAfterCursor(cursor, '2026-11-23T10:00:00.000Z', '001B'), false);
    assert.equal(isAfterCursor(cursor, '2026-11-23T10:00:00.000Z', '001C'), true);
    assert.equal(isAfterCursor(cursor, '2026-11-23T09:59:59.999Z', '001Z'), false);
    assert.equal(isAfterCursor(cursor, '2026-11-23T10:00:00.001Z', '0010'), true);
    assert.equal(isAfterCursor(undefined, '2000-01-01T00:00:00Z', 'a'), true);
  });
});
