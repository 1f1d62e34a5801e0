import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type CustomerV1, SyncStatus } from '@concord/contracts';
import {
  canonicalPathOf,
  fromAccount,
  toAccountWrite,
  toCustomerChange,
  toIsoInstant,
  toSoqlString,
  toSyncWrite,
} from './salesforce.mappers.js';
import { type SalesforceAccount } from './salesforce.types.js';

const customer: CustomerV1 = {
  name: 'Contoso GmbH',
  country: 'DE',
  taxId: 'DE136695976',
  currency: 'EUR',
  address: { line1: 'Hauptstr. 1', line2: '3. OG', city: 'Berlin', region: 'BE', postalCode: '10115' },
  website: 'contoso.example.com',
  phone: '+49 30 1234567',
};

const account = (overrides: Partial<SalesforceAccount> = {}): SalesforceAccount => ({
  attributes: { type: 'Account' },
  Id: '001000000000001AAA',
  IsDeleted: false,
  Name: 'Contoso GmbH',
  Type: 'Customer',
  Concord_Id__c: '5b0c7c1e-8a57-4f0b-9a54-0d9f3d1b2c11',
  Tax_Id__c: 'DE136695976',
  BillingStreet: 'Hauptstr. 1\n3. OG',
  BillingCity: 'Berlin',
  BillingState: 'BE',
  BillingPostalCode: '10115',
  BillingCountry: 'DE',
  Website: 'contoso.example.com',
  Phone: '+49 30 1234567',
  CurrencyIsoCode: 'EUR',
  ERP_Customer_Number__c: 'C00042',
  Billing_Customer_Id__c: 'cus_42',
  Concord_Sync_Status__c: 'Synced',
  Concord_Sync_Message__c: 'Onboarded',
  CreatedDate: '2026-11-23T09:00:00.000+0000',
  SystemModstamp: '2026-11-23T10:00:00.000+0000',
  ...overrides,
});

describe('Salesforce Account mappers', () => {
  it('writes a canonical customer as Account fields', () => {
    assert.deepEqual(toAccountWrite(customer), {
      Name: 'Contoso GmbH',
      Tax_Id__c: 'DE136695976',
      BillingStreet: 'Hauptstr. 1\n3. OG',
      BillingCity: 'Berlin',
      BillingState: 'BE',
      BillingPostalCode: '10115',
      BillingCountry: 'DE',
      Website: 'contoso.example.com',
      Phone: '+49 30 1234567',
      CurrencyIsoCode: 'EUR',
    });
  });

  it('clears the Account fields a customer leaves out', () => {
    const write = toAccountWrite({ name: 'Bare', country: 'US', currency: 'USD' });
    assert.equal(write.Tax_Id__c, null);
    assert.equal(write.BillingStreet, null);
    assert.equal(write.Website, null);
  });

  it('reads an Account back into the same canonical customer, with identity and status', () => {
    const record = fromAccount(account());
    assert.deepEqual(
      { ...record, externalRefs: undefined, concordId: undefined, externalId: undefined },
      {
        ...customer,
        externalRefs: undefined,
        concordId: undefined,
        externalId: undefined,
        sourceVersion: '2026-11-23T10:00:00.000Z',
        syncStatus: SyncStatus.Synced,
        syncMessage: 'Onboarded',
        accountType: 'Customer',
      },
    );
    assert.deepEqual(record.externalRefs, { crm: '001000000000001AAA', erp: 'C00042', billing: 'cus_42' });
    assert.equal(record.concordId, '5b0c7c1e-8a57-4f0b-9a54-0d9f3d1b2c11');
  });

  it('round-trips a customer through the Account write and read', () => {
    const written = toAccountWrite(customer);
    const { name, country, currency, taxId, address, website, phone } = fromAccount(account(written));
    assert.deepEqual({ name, country, currency, taxId, address, website, phone }, customer);
  });

  it('turns deleted rows into delete changes without a record', () => {
    assert.deepEqual(toCustomerChange(account({ IsDeleted: true })), {
      kind: 'delete',
      externalId: '001000000000001AAA',
      concordId: '5b0c7c1e-8a57-4f0b-9a54-0d9f3d1b2c11',
      sourceVersion: '2026-11-23T10:00:00.000Z',
    });
    assert.equal(toCustomerChange(account()).kind, 'upsert');
  });

  it('writes the sync verdict into the picklist and truncates the message to 255', () => {
    assert.deepEqual(
      toSyncWrite({ status: SyncStatus.Rejected, message: 'x'.repeat(300), erpCustomerNumber: 'C1' }),
      {
        Concord_Sync_Status__c: 'Rejected',
        Concord_Sync_Message__c: 'x'.repeat(255),
        ERP_Customer_Number__c: 'C1',
      },
    );
  });

  it('maps Salesforce field names to canonical paths and quotes SOQL strings', () => {
    assert.equal(canonicalPathOf('BillingPostalCode'), 'address.postalCode');
    assert.equal(canonicalPathOf('tax_id__c'), 'taxId');
    assert.equal(canonicalPathOf('AnnualRevenue'), 'AnnualRevenue');
    assert.equal(toSoqlString("O'Brien\\"), "'O\\'Brien\\\\'");
    assert.equal(toIsoInstant('2026-11-23T11:00:00.000+0100'), '2026-11-23T10:00:00.000Z');
  });
});
