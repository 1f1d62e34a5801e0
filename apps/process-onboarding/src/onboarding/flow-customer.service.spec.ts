import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalFields } from './flow-customer.service.js';

describe('canonicalFields', () => {
  it('keeps the CustomerV1 fields of a stored record and drops anything else', () => {
    assert.deepEqual(
      canonicalFields({
        name: 'Contoso',
        country: 'DE',
        currency: 'EUR',
        blocked: false,
        crmOwner: 'x',
        _v: 2,
      }),
      { name: 'Contoso', country: 'DE', currency: 'EUR', blocked: false },
    );
  });
});
