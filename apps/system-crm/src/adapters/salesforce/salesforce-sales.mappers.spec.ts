import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ContractStatus } from '@concord/contracts';
import { toChangeScanWhere } from './salesforce.mappers.js';
import { fromContract, toContractChange, toOpportunityChange } from './salesforce-sales.mappers.js';
import { type SalesforceOpportunity } from './salesforce-sales.types.js';

const refs = {
  concordIdByAccount: new Map([['001A', '5b0c7c1e-8a57-4f0b-9a54-0d9f3d1b2c11']]),
  skuByProduct: new Map([['01tA', 'CNC-SUP-GOLD']]),
};
const opportunity: SalesforceOpportunity = {
  Id: '006A',
  AccountId: '001A',
  Name: 'Rollout',
  StageName: 'Closed Won',
  CloseDate: '2026-12-01',
  Amount: 1234.5,
  IsClosed: true,
  IsWon: true,
  CurrencyIsoCode: 'JPY',
  SystemModstamp: '2026-12-01T10:00:00.000+0000',
};

describe('Salesforce sales mappers', () => {
  it('maps lines to product references by SKU, amounts in the minor unit of the currency', () => {
    const change = toOpportunityChange(
      opportunity,
      [
        {
          Id: '00kA',
          OpportunityId: '006A',
          Product2Id: '01tA',
          Quantity: 2,
          UnitPrice: 600,
          TotalPrice: 1200,
          ServiceDate: null,
        },
        {
          Id: '00kB',
          OpportunityId: '006A',
          Product2Id: '01tB',
          Quantity: 1,
          UnitPrice: 34.5,
          TotalPrice: 34.5,
          ServiceDate: '2027-01-01',
        },
      ],
      refs,
    );
    assert.equal(change.kind, 'upsert');
    assert.equal(change.sourceVersion, '2026-12-01T10:00:00.000Z');
    assert.equal(change.record?.customerConcordId, '5b0c7c1e-8a57-4f0b-9a54-0d9f3d1b2c11');
    assert.deepEqual(change.record?.amount, { amountMinor: 1235, currency: 'JPY' });
    assert.deepEqual(
      change.record?.lines.map((line) => [line.product, line.serviceDate]),
      [
        [{ crmProductId: '01tA', sku: 'CNC-SUP-GOLD' }, undefined],
        [{ crmProductId: '01tB' }, '2027-01-01'],
      ],
    );
  });

  it('reports a deleted record by ID alone and maps contract states', () => {
    assert.deepEqual(toOpportunityChange({ ...opportunity, IsDeleted: true }, [], refs), {
      kind: 'delete',
      externalId: '006A',
      sourceVersion: '2026-12-01T10:00:00.000Z',
    });
    const contract = {
      Id: '800A',
      AccountId: '001B',
      ContractNumber: '00000100',
      Status: 'In Approval Process',
      StartDate: '2027-01-01',
      EndDate: '2027-12-31',
      ContractTerm: 12,
      ActivatedDate: null,
      CurrencyIsoCode: null,
      SystemModstamp: '2026-12-01T10:00:00.000Z',
    };
    const record = fromContract(contract, refs);
    assert.equal(record.status, ContractStatus.InApproval);
    assert.equal(record.customerConcordId, undefined);
    assert.equal(record.currency, 'USD');
    assert.equal(toContractChange({ ...contract, IsDeleted: true }, refs).record, undefined);
  });

  it('narrows a change scan by a filter', () => {
    assert.equal(toChangeScanWhere({ kind: 'start' }, 'IsWon = true'), ' WHERE IsWon = true');
    assert.equal(
      toChangeScanWhere({ kind: 'after', modstamp: '2026-12-01T10:00:00.000Z', id: '006A' }, 'IsWon = true'),
      " WHERE IsWon = true AND (SystemModstamp > 2026-12-01T10:00:00.000Z OR (SystemModstamp = 2026-12-01T10:00:00.000Z AND Id > '006A'))",
    );
    assert.equal(
      toChangeScanWhere({ kind: 'from', modstamp: '2026-12-01T10:00:00.000Z' }),
      ' WHERE SystemModstamp >= 2026-12-01T10:00:00.000Z',
    );
  });
});
