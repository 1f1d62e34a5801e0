import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SalesforceError } from './salesforce.errors.js';
import { parseSoql } from './soql.parser.js';

function errorCode(soql: string): string | undefined {
  try {
    parseSoql(soql);
  } catch (error) {
    return error instanceof SalesforceError ? error.errorCode : 'NOT_A_SALESFORCE_ERROR';
  }
  return undefined;
}

describe('parseSoql', () => {
  it('parses fields, filters, ordering, limit and offset', () => {
    const query = parseSoql(
      "SELECT Id, Name, Account.Name FROM Contact WHERE (Email LIKE '%@x.com' OR Phone != null) AND CreatedDate >= 2026-01-01T00:00:00.000+0000 ORDER BY Name DESC NULLS FIRST, Id LIMIT 10 OFFSET 5",
    );
    assert.deepEqual(
      query.fields.map((f) => f.path),
      ['Id', 'Name', 'Account.Name'],
    );
    assert.equal(query.object.path, 'Contact');
    assert.equal(query.where?.kind, 'and');
    assert.deepEqual(
      query.orderBy.map((o) => [o.field.path, o.descending, o.nullsLast]),
      [
        ['Name', true, false],
        ['Id', false, false],
      ],
    );
    assert.deepEqual([query.limit, query.offset], [10, 5]);
  });

  it('reads IN / NOT IN lists, booleans, numbers and relative dates', () => {
    const query = parseSoql(
      "select id from account where type not in ('A', 'B') and IsDeleted = false and AnnualRevenue > -1.5 and CreatedDate = LAST_N_DAYS:7",
    );
    assert.equal(query.where?.kind, 'and');
    const terms = query.where?.kind === 'and' ? query.where.terms : [];
    assert.deepEqual(terms[0], {
      kind: 'in',
      field: { path: 'type', column: 30 },
      negated: true,
      values: [
        { kind: 'string', value: 'A' },
        { kind: 'string', value: 'B' },
      ],
    });
    assert.deepEqual(terms[3]?.kind === 'compare' ? terms[3].value : undefined, {
      kind: 'relative',
      name: 'LAST_N_DAYS',
      n: 7,
    });
  });

  it('recognizes SELECT COUNT()', () => {
    assert.equal(parseSoql('SELECT COUNT() FROM Account').count, true);
  });

  it('refuses malformed queries and AND mixed with OR without parentheses', () => {
    assert.equal(errorCode('SELECT Id FORM Account'), 'MALFORMED_QUERY');
    assert.equal(errorCode('SELECT FROM Account'), 'MALFORMED_QUERY');
    assert.equal(errorCode("SELECT Id FROM Account WHERE Name = 'a"), 'MALFORMED_QUERY');
    assert.equal(errorCode('SELECT Id FROM Account WHERE A = 1 AND B = 2 OR C = 3'), 'MALFORMED_QUERY');
    assert.equal(errorCode('SELECT Id FROM Account LIMIT -1'), 'MALFORMED_QUERY');
  });

  it('points at the offending column the way Salesforce does', () => {
    try {
      parseSoql('SELECT Id FORM Account');
      assert.fail('expected an error');
    } catch (error) {
      assert.ok(error instanceof SalesforceError);
      assert.match(error.message, /ERROR at Row:1:Column:11\nunexpected token: 'FORM'/);
    }
  });
});
