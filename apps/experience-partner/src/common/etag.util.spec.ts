import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { etagOf, matchesIfNoneMatch } from './etag.util.js';

describe('etagOf', () => {
  it('is a quoted tag that changes with the body and only with it', () => {
    const tag = etagOf('{"customerId":"a","state":"synced"}');
    assert.match(tag, /^"[A-Za-z0-9_-]{43}"$/);
    assert.equal(etagOf('{"customerId":"a","state":"synced"}'), tag);
    assert.notEqual(etagOf('{"customerId":"a","state":"erp"}'), tag);
  });
});

describe('matchesIfNoneMatch', () => {
  const tag = etagOf('{"id":1}');

  it('matches the same tag, weak or strong, alone or in a list, and *', () => {
    assert.ok(matchesIfNoneMatch(tag, tag));
    assert.ok(matchesIfNoneMatch(`W/${tag}`, tag));
    assert.ok(matchesIfNoneMatch(`"other", ${tag}`, tag));
    assert.ok(matchesIfNoneMatch(['"other"', tag], tag));
    assert.ok(matchesIfNoneMatch('*', tag));
  });

  it('does not match an absent header, another tag or an empty list', () => {
    assert.ok(!matchesIfNoneMatch(undefined, tag));
    assert.ok(!matchesIfNoneMatch('"other"', tag));
    assert.ok(!matchesIfNoneMatch(' , ', tag));
  });
});
