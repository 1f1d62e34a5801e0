import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { writebackOf } from './writeback-message.util.js';

const erp = {
  externalId: 'b2f7c9d1-6e4a-4b8c-9d2e-3f4a5b6c7d82:0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b',
  number: 'CC5B0C7C1E8A574F0B9A',
};

describe('writebackOf', () => {
  it('writes the ERP customer number and the billing ID of a new customer', () => {
    assert.deepEqual(writebackOf(erp, 'cus_123'), {
      message: 'Onboarded: ERP customer CC5B0C7C1E8A574F0B9A, billing customer cus_123',
      billingCustomerId: 'cus_123',
      erpCustomerNumber: 'CC5B0C7C1E8A574F0B9A',
    });
  });

  it('names the customer a duplicate was linked to, within the 255 characters of the CRM field', () => {
    const linked = writebackOf(erp, 'cus_123', {
      customerId: '5b0c7c1e-8a57-4f0b-9a54-0d9f3d1b2c11',
      name: 'Contoso GmbH',
    });
    assert.match(
      linked.message ?? '',
      /^Linked to existing customer "Contoso GmbH" \(Concord ID 5b0c7c1e-8a57-4f0b-9a54-0d9f3d1b2c11\): ERP customer CC5B0C7C1E8A574F0B9A, billing customer cus_123/,
    );
    const long = writebackOf(erp, 'cus_123', { customerId: 'x', name: 'N'.repeat(300) });
    assert.equal(long.message?.length, 255);
  });

  it('keeps an ERP identity too long for the number field in the message only', () => {
    const update = writebackOf({ externalId: erp.externalId }, 'cus_1');
    assert.equal(update.erpCustomerNumber, undefined);
    assert.match(update.message ?? '', new RegExp(erp.externalId));
    assert.equal(writebackOf({ externalId: 'C00010' }, 'cus_1').erpCustomerNumber, 'C00010');
  });
});
