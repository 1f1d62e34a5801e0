import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateApiKey, parseApiKey, secretMatches } from './api-key.util.js';

describe('API keys', () => {
  it('round-trips: the stored hash verifies the issued key and nothing else', () => {
    const { apiKey, prefix, secretHash } = generateApiKey('partner');
    const parsed = parseApiKey(apiKey);
    assert.equal(parsed?.kind, 'partner');
    assert.equal(parsed?.prefix, prefix);
    assert.ok(secretMatches(parsed.secret, secretHash));
    assert.ok(!secretMatches(`${parsed.secret.slice(0, -1)}x`, secretHash));
    assert.ok(!apiKey.includes(secretHash));
  });

  it('tells partner keys from operator keys and rejects anything malformed', () => {
    assert.equal(parseApiKey(generateApiKey('operator').apiKey)?.kind, 'operator');
    for (const bad of [
      '',
      'cpk_short_x',
      'eyJhbGciOi.x.y',
      'xyz_aaaaaaaaaaaa_bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb',
    ]) {
      assert.equal(parseApiKey(bad), undefined);
    }
  });
});
