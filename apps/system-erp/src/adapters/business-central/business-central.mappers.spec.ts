import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  customerNumber,
  EMPTY_GUID,
  fromBcCustomer,
  parseExternalId,
  toBcCustomer,
} from './business-central.mappers.js';
import { type BcCustomer, type BcPaymentTerms, type CompanyContext } from './business-central.types.js';

const company: CompanyContext = {
  id: 'b2f7c9d1-6e4a-4b8c-9d2e-3f4a5b6c7d82',
  name: 'CRONUS AG',
  localCurrency: 'EUR',
};
const terms: BcPaymentTerms[] = [
  { id: 'a0000000-0000-0000-0000-000000000001', code: '30 DAYS', dueDateCalculation: '30D' },
  { id: 'a0000000-0000-0000-0000-000000000002', code: '1M(8D)', dueDateCalculation: '1M' },
];
const concordId = '5b0c7c1e-8a57-4f0b-9a54-0d9f3d1b2c11';

describe('business central customer mappers', () => {
  it('derives a stable 20-character customer number from the canonical ID', () => {
    assert.equal(customerNumber(concordId), 'CC5B0C7C1E8A574F0B9A');
    assert.equal(customerNumber(concordId).length, 20);
  });

  it('maps canonical → Business Central, blanking the local currency and matching payment terms', () => {
    const bc = toBcCustomer(
      concordId,
      {
        name: 'Contoso GmbH',
        country: 'DE',
        currency: 'EUR',
        taxId: 'DE136695976',
        address: { line1: 'Hauptstr. 1', city: 'Berlin', postalCode: '10115', region: 'BE' },
        phone: '+49 30 1234567',
        paymentTermsDays: 30,
      },
      company,
      terms,
    );
    assert.equal(bc.displayName, 'Contoso GmbH');
    assert.equal(bc.currencyCode, '');
    assert.equal(bc.taxRegistrationNumber, 'DE136695976');
    assert.equal(bc.state, 'BE');
    assert.equal(bc.paymentTermsId, terms[0]?.id);
    assert.equal(bc.email, '');
    assert.equal(bc.blocked, ' ');
    const foreign = toBcCustomer(
      concordId,
      { name: 'X', country: 'DE', currency: 'USD', paymentTermsDays: 45 },
      company,
      terms,
    );
    assert.equal(foreign.currencyCode, 'USD');
    assert.equal(foreign.paymentTermsId, EMPTY_GUID);
  });

  it('maps Business Central → canonical with the company in externalId', () => {
    const bc: BcCustomer = {
      id: 'c1000000-0000-0000-0000-000000000001',
      number: 'CC5B0C7C1E8A574F0B9A',
      displayName: 'Contoso GmbH',
      addressLine1: 'Hauptstr. 1',
      addressLine2: '',
      city: 'Berlin',
      state: '',
      country: 'DE',
      postalCode: '10115',
      phoneNumber: '',
      email: 'billing@contoso.example.com',
      website: '',
      taxRegistrationNumber: '',
      currencyCode: '',
      paymentTermsId: terms[0]?.id ?? '',
      blocked: ' ',
      lastModifiedDateTime: '2026-11-23T10:00:00.000Z',
    };
    assert.deepEqual(fromBcCustomer(bc, company, terms), {
      externalId: `${company.id}:${bc.id}`,
      sourceVersion: '2026-11-23T10:00:00.000Z',
      name: 'Contoso GmbH',
      country: 'DE',
      currency: 'EUR',
      address: { line1: 'Hauptstr. 1', city: 'Berlin', postalCode: '10115' },
      email: 'billing@contoso.example.com',
      paymentTermsDays: 30,
    });
    assert.deepEqual(parseExternalId(`${company.id}:${bc.id}`), { companyId: company.id, customerId: bc.id });
    assert.equal(parseExternalId('C00010'), undefined);
  });

  it('sends the legal name as the ERP name and a blocked customer as blocked for all documents', () => {
    const base = { name: 'Contoso', country: 'DE', currency: 'USD', paymentTermsDays: 30 };
    const bc = toBcCustomer(
      concordId,
      { ...base, legalName: 'Contoso Deutschland GmbH', blocked: true },
      company,
      terms,
    );
    assert.equal(bc.displayName, 'Contoso Deutschland GmbH');
    assert.equal(bc.blocked, 'All');
    assert.equal(bc.currencyCode, 'USD');
    assert.equal(bc.paymentTermsId, terms[0]!.id);
    assert.equal(toBcCustomer(concordId, base, company, terms).blocked, ' ');
    assert.equal(toBcCustomer(concordId, base, company, terms).displayName, 'Contoso');
  });
});
