import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type BcError } from './business-central.errors.js';
import { checkIfMatch, etagFor } from './etag.util.js';

const ID = '7d8e2f4a-5b1c-4e3d-9a6f-1c2b3d4e5f60';

describe('ETags', () => {
  it('look like Business Central weak ETags and change with the version', () => {
    assert.match(etagFor(ID, 1), /^W\/"JzE2O[A-Za-z0-9+/=]+"$/);
    assert.notEqual(etagFor(ID, 1), etagFor(ID, 2));
    assert.equal(etagFor(ID, 3), etagFor(ID, 3));
  });

  it('accept the current ETag or *, refuse stale ones with 409 and a missing one with 400', () => {
    assert.doesNotThrow(() => checkIfMatch(etagFor(ID, 2), ID, 2, true));
    assert.doesNotThrow(() => checkIfMatch('*', ID, 2, true));
    assert.throws(
      () => checkIfMatch(etagFor(ID, 1), ID, 2, true),
      (e: BcError) => e.status === 409 && e.code === 'Request_EntityChanged',
    );
    assert.throws(
      () => checkIfMatch(undefined, ID, 2, true),
      (e: BcError) => e.status === 400 && e.code === 'BadRequest_InvalidToken',
    );
    assert.doesNotThrow(() => checkIfMatch(undefined, ID, 2, false));
  });
});
