import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { subscriptionUuidOf, subscriptionWriteKey } from './subscription-key.util.js';

describe('subscriptionUuidOf', () => {
  it('derives a stable version-5 UUID per key, different keys apart', () => {
    const uuid = subscriptionUuidOf('crm:contract:8004x00000AbCdE');
    assert.match(uuid, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(subscriptionUuidOf('crm:contract:8004x00000AbCdE'), uuid);
    assert.notEqual(subscriptionUuidOf('crm:contract:8004x00000AbCdF'), uuid);
  });
});

describe('subscriptionWriteKey', () => {
  it('combines both keys and stays within 255 characters', () => {
    assert.equal(subscriptionWriteKey('opp-1', 'key-12345678'), 'concord:subscription:opp-1:key-12345678');
    const long = subscriptionWriteKey('k'.repeat(100), 'r'.repeat(255));
    assert.ok(long.length <= 255);
    assert.notEqual(long, subscriptionWriteKey('k'.repeat(100), `${'r'.repeat(254)}s`));
  });
});
