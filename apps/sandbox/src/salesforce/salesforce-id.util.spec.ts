import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checksumSuffix, normalizeId, SalesforceIdFactory } from './salesforce-id.util.js';

describe('Salesforce IDs', () => {
  it('computes the case-safety suffix', () => {
    assert.equal(checksumSuffix('0015000000Gv7qJ'), 'AAR');
  });

  it('turns a 15-character ID into its 18-character form', () => {
    assert.equal(normalizeId('0015000000Gv7qJ'), '0015000000Gv7qJAAR');
  });

  it('restores the letter case of an 18-character ID from its suffix', () => {
    assert.equal(normalizeId('0015000000gv7qjaar'), '0015000000Gv7qJAAR');
  });

  it('rejects malformed IDs', () => {
    assert.equal(normalizeId('001-bad'), undefined);
    assert.equal(normalizeId('0015000000Gv7qJAA'), undefined);
  });

  it('issues unique 18-character IDs with the key prefix', () => {
    const factory = new SalesforceIdFactory();
    const ids = [factory.next('001'), factory.next('001'), factory.next('01t')];
    assert.equal(new Set(ids).size, 3);
    for (const id of ids) {
      assert.equal(id.length, 18);
      assert.equal(normalizeId(id), id);
    }
    assert.ok(ids[2]?.startsWith('01t'));
  });
});
