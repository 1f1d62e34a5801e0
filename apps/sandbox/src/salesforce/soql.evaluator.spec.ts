import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { SalesforceError } from './salesforce.errors.js';
import { SalesforceStore } from './salesforce.store.js';
import { SObjectService } from './sobject.service.js';
import { runQuery } from './soql.evaluator.js';

const USER = '0058c00000C0ncdAAB';

describe('runQuery', () => {
  let store: SalesforceStore;
  let accountId: string;

  beforeEach(() => {
    store = new SalesforceStore();
    const service = new SObjectService(store, USER);
    const now = new Date('2026-03-01T12:00:00Z');
    accountId = service.create('Account', { Name: 'Northwind', Type: 'Customer', AnnualRevenue: 5000 }, now);
    service.create('Account', { Name: 'contoso', Type: 'Partner' }, now);
    service.create('Account', { Name: 'Fabrikam' }, now);
    service.create('Contact', { LastName: 'Davolio', FirstName: 'Nancy', AccountId: accountId }, now);
  });

  const names = (soql: string) => runQuery(soql, store, false, '59.0').rows.map((row) => row.Name);

  it('compares text case-insensitively and orders with nulls first by default', () => {
    assert.deepEqual(names("SELECT Name FROM Account WHERE Name = 'CONTOSO'"), ['contoso']);
    assert.deepEqual(names('SELECT Name FROM Account ORDER BY Type'), ['Fabrikam', 'Northwind', 'contoso']);
    assert.deepEqual(names('SELECT Name FROM Account ORDER BY Type DESC'), [
      'contoso',
      'Northwind',
      'Fabrikam',
    ]);
  });

  it('treats null as different from any value and supports = null', () => {
    assert.deepEqual(names("SELECT Name FROM Account WHERE Type != 'Customer' ORDER BY Name"), [
      'contoso',
      'Fabrikam',
    ]);
    assert.deepEqual(names('SELECT Name FROM Account WHERE Type = null'), ['Fabrikam']);
    assert.deepEqual(names('SELECT Name FROM Account WHERE AnnualRevenue > 1000'), ['Northwind']);
  });

  it('follows a parent relationship in SELECT and WHERE', () => {
    const result = runQuery(
      "SELECT Name, Account.Name FROM Contact WHERE Account.Type = 'Customer'",
      store,
      false,
      '59.0',
    );
    assert.equal(result.totalSize, 1);
    assert.deepEqual(result.rows[0]?.Account, {
      attributes: { type: 'Account', url: `/services/data/v59.0/sobjects/Account/${accountId}` },
      Name: 'Northwind',
    });
    assert.equal(result.rows[0]?.Name, 'Nancy Davolio');
  });

  it('matches IDs in either 15- or 18-character form', () => {
    assert.deepEqual(names(`SELECT Name FROM Account WHERE Id = '${accountId.slice(0, 15)}'`), ['Northwind']);
  });

  it('applies LIMIT and OFFSET and counts with COUNT()', () => {
    assert.deepEqual(names('SELECT Name FROM Account ORDER BY Name LIMIT 1 OFFSET 1'), ['Fabrikam']);
    assert.deepEqual(runQuery('SELECT COUNT() FROM Account', store, false, '59.0'), {
      totalSize: 3,
      rows: [],
    });
  });

  it('refuses unknown objects and fields, and literals of the wrong type', () => {
    const codeOf = (soql: string) => {
      try {
        runQuery(soql, store, false, '59.0');
      } catch (error) {
        return error instanceof SalesforceError ? error.errorCode : 'other';
      }
      return undefined;
    };
    assert.equal(codeOf('SELECT Id FROM Widget__c'), 'INVALID_TYPE');
    assert.equal(codeOf('SELECT Nope FROM Account'), 'INVALID_FIELD');
    assert.equal(codeOf('SELECT Id FROM Account WHERE Name = 5'), 'INVALID_FIELD');
    assert.equal(codeOf("SELECT Id FROM Account WHERE AnnualRevenue = '5'"), 'INVALID_FIELD');
  });
});
