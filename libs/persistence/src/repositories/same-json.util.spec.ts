import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sameJson } from './same-json.util.js';

describe('sameJson', () => {
  it('ignores key order and undefined members, not values', () => {
    assert.ok(sameJson({ a: 1, b: { c: [1, { d: 2 }] } }, { b: { c: [1, { d: 2 }] }, a: 1, e: undefined }));
    assert.ok(!sameJson({ a: [1, 2] }, { a: [2, 1] }));
    assert.ok(!sameJson({ a: 1 }, { a: '1' }));
    assert.ok(!sameJson(null, {}));
    assert.ok(!sameJson([], {}));
  });
});
