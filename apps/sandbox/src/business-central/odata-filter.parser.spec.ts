import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type BcError } from './business-central.errors.js';
import { parseFilter } from './odata-filter.parser.js';

describe('parseFilter', () => {
  it('gives and precedence over or, and honours parentheses', () => {
    const expr = parseFilter('a eq 1 or b eq 2 and c eq 3');
    assert.equal(expr.kind, 'or');
    const grouped = parseFilter('(a eq 1 or b eq 2) and c eq 3');
    assert.equal(grouped.kind, 'and');
  });

  it('reads OData v4 literals: quoted strings with doubled quotes, guids, dates, date-times, numbers', () => {
    const compare = (source: string) => {
      const expr = parseFilter(source);
      return expr.kind === 'compare' ? expr.value : undefined;
    };
    assert.deepEqual(compare("displayName eq 'O''Brien'"), { kind: 'string', value: "O'Brien" });
    assert.deepEqual(compare('id eq 7D8E2F4A-5B1C-4E3D-9A6F-1C2B3D4E5F60'), {
      kind: 'guid',
      value: '7d8e2f4a-5b1c-4e3d-9a6f-1c2b3d4e5f60',
    });
    assert.deepEqual(compare('invoiceDate ge 2026-01-31'), { kind: 'date', value: '2026-01-31' });
    assert.deepEqual(compare('lastModifiedDateTime gt 2026-01-31T10:00:00Z'), {
      kind: 'datetime',
      value: Date.parse('2026-01-31T10:00:00Z'),
    });
    assert.deepEqual(compare('unitPrice le -12.5'), { kind: 'number', value: -12.5 });
    assert.deepEqual(compare('blocked eq false'), { kind: 'boolean', value: false });
    assert.deepEqual(compare('email eq null'), { kind: 'null' });
  });

  it('parses not and the string functions', () => {
    assert.deepEqual(parseFilter("not contains(displayName,'Inc')"), {
      kind: 'not',
      operand: { kind: 'function', name: 'contains', field: 'displayName', value: 'Inc' },
    });
  });

  it('reports syntax errors as BadRequest', () => {
    for (const source of ['displayName eq', "displayName equals 'x'", '(a eq 1', "a eq 'unterminated"]) {
      assert.throws(
        () => parseFilter(source),
        (error: BcError) => error.code === 'BadRequest' && error.status === 400,
      );
    }
  });
});
