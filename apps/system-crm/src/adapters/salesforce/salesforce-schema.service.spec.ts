import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { schemaDriftOf } from './salesforce-schema.service.js';

const statusField = (values: string[]) => ({
  name: 'Concord_Sync_Status__c',
  picklistValues: values.map((value) => ({ value, active: true })),
});
const fields = [
  'Id',
  'Name',
  'Concord_Id__c',
  'Tax_Id__c',
  'ERP_Customer_Number__c',
  'Billing_Customer_Id__c',
  'Concord_Sync_Message__c',
];

describe('Salesforce schema drift', () => {
  it('finds nothing when every Concord field and status value is there', () => {
    const describe = {
      fields: [...fields.map((name) => ({ name })), statusField(['Pending', 'Synced', 'Review', 'Rejected'])],
    };
    assert.deepEqual(schemaDriftOf(describe), []);
  });

  it('names missing fields and missing or inactive status values', () => {
    const describe = {
      fields: [
        ...fields.filter((name) => name !== 'Tax_Id__c').map((name) => ({ name })),
        {
          ...statusField(['Pending', 'Synced', 'Rejected']),
          picklistValues: [
            { value: 'Pending', active: true },
            { value: 'Synced', active: true },
            { value: 'Rejected', active: false },
          ],
        },
      ],
    };
    assert.deepEqual(schemaDriftOf(describe), [
      'Account.Tax_Id__c is missing',
      'Account.Concord_Sync_Status__c lacks the value Review',
      'Account.Concord_Sync_Status__c lacks the value Rejected',
    ]);
  });
});
