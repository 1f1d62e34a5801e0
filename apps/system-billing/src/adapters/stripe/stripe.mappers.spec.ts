import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type CustomerV1 } from '@concord/contracts';
import { searchByConcordId, toCustomerRecord, toStripeCustomerParams } from './stripe.mappers.js';
import { type StripeCustomerWire } from './stripe.types.js';

const ID = '5b0c7c1e-8a57-4f0b-9a54-0d9f3d1b2c11';

const full: CustomerV1 = {
  name: 'Contoso GmbH',
  legalName: 'Contoso Deutschland GmbH',
  country: 'DE',
  taxId: 'DE136695976',
  currency: 'EUR',
  address: { line1: 'Hauptstr. 1', line2: '3. OG', city: 'Berlin', region: 'BE', postalCode: '10115' },
  website: 'contoso.example.com',
  email: 'billing@contoso.example.com',
  phone: '+49 30 1234567',
  paymentTermsDays: 30,
  segment: 'Enterprise',
  territory: 'DACH',
};

/** Stripe's published customer example, as the API returns it with fields Concord wrote. */
function stripeCustomer(overrides: Partial<StripeCustomerWire>): StripeCustomerWire {
  return {
    id: 'cus_QXg1o8vcGmoR32',
    object: 'customer',
    address: { city: null, country: null, line1: null, line2: null, postal_code: null, state: null },
    created: 1234567890,
    currency: 'usd',
    email: null,
    metadata: {},
    name: null,
    phone: null,
    ...overrides,
  };
}

describe('toStripeCustomerParams', () => {
  it('maps every canonical field onto a Stripe column or metadata key', () => {
    assert.deepEqual(toStripeCustomerParams(ID, full, 'create'), {
      name: 'Contoso GmbH',
      email: 'billing@contoso.example.com',
      phone: '+49 30 1234567',
      address: {
        line1: 'Hauptstr. 1',
        line2: '3. OG',
        city: 'Berlin',
        state: 'BE',
        postal_code: '10115',
        country: 'DE',
      },
      metadata: {
        concord_id: ID,
        currency: 'EUR',
        country: 'DE',
        tax_id: 'DE136695976',
        legal_name: 'Contoso Deutschland GmbH',
        website: 'contoso.example.com',
        payment_terms_days: '30',
        segment: 'Enterprise',
        territory: 'DACH',
      },
    });
  });

  it('leaves absent fields out on create and unsets them on update', () => {
    const minimal: CustomerV1 = { name: 'Tiny Ltd', country: 'GB', currency: 'GBP' };
    const created = toStripeCustomerParams(ID, minimal, 'create');
    assert.deepEqual(created, {
      name: 'Tiny Ltd',
      address: { country: 'GB' },
      metadata: { concord_id: ID, currency: 'GBP', country: 'GB' },
    });
    const updated = toStripeCustomerParams(ID, minimal, 'update');
    assert.equal(updated.email, '');
    assert.equal(updated.phone, '');
    assert.equal(updated.address.line1, '');
    assert.equal(updated.address.postal_code, '');
    assert.equal(updated.metadata.tax_id, '');
    assert.equal(updated.metadata.concord_id, ID);
  });
});

describe('toCustomerRecord', () => {
  it('reads back what toStripeCustomerParams wrote', () => {
    const params = toStripeCustomerParams(ID, full, 'create');
    const customer = stripeCustomer({
      name: params.name,
      email: params.email ?? null,
      phone: params.phone ?? null,
      address: {
        line1: params.address.line1 ?? null,
        line2: params.address.line2 ?? null,
        city: params.address.city ?? null,
        state: params.address.state ?? null,
        postal_code: params.address.postal_code ?? null,
        country: params.address.country ?? null,
      },
      metadata: params.metadata,
    });
    assert.deepEqual(toCustomerRecord(customer, ID), {
      ...full,
      concordId: ID,
      externalId: 'cus_QXg1o8vcGmoR32',
      sourceVersion: '2009-02-13T23:31:30.000Z',
    });
  });

  it('maps a customer created in Stripe directly, without Concord metadata', () => {
    const record = toCustomerRecord(stripeCustomer({ name: 'Walk-in' }), ID);
    assert.deepEqual(record, {
      concordId: ID,
      externalId: 'cus_QXg1o8vcGmoR32',
      sourceVersion: '2009-02-13T23:31:30.000Z',
      name: 'Walk-in',
      country: '',
      currency: 'USD',
    });
  });
});

describe('searchByConcordId', () => {
  it('builds the metadata search query and escapes quotes', () => {
    assert.equal(searchByConcordId(ID), `metadata['concord_id']:'${ID}'`);
    assert.equal(searchByConcordId("a'b"), "metadata['concord_id']:'a\\'b'");
  });
});
