import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type BcRecord } from './bc-entity.types.js';
import { customerEntity } from './entities/customer.entity.js';
import { ENTITY_DEFS } from './entity.registry.js';
import { parseFilter } from './odata-filter.parser.js';
import { filterProbes } from './odata-filter.probes.js';

const probesOf = (filter: string) =>
  filterProbes(customerEntity, parseFilter(filter))?.map((probe) => `${probe.index}=${String(probe.key)}`);

describe('filterProbes', () => {
  it('looks up eq clauses, either side of and, and every side of or', () => {
    assert.deepEqual(probesOf("number eq 'C00010'"), ['number=c00010']);
    assert.deepEqual(probesOf("taxRegistrationNumber eq 'GB-123' and city eq 'Oslo'"), [
      'taxRegistrationNumber=gb-123',
    ]);
    assert.deepEqual(probesOf("contains(displayName, 'x') and (city eq 'A' or city eq 'B')"), [
      'city=a',
      'city=b',
    ]);
    assert.deepEqual(probesOf("(city eq 'A' or city eq 'B') and number eq 'C1'"), ['number=c1']);
    assert.deepEqual(probesOf('taxLiable eq true or creditLimit eq 5 or email eq null'), [
      'taxLiable=true',
      'creditLimit=5',
      'email=null',
    ]);
  });

  it("covers the ERP adapter's anyOf lookups of up to 100 numbers", () => {
    const numbers = Array.from({ length: 100 }, (_, i) => `C${String(i).padStart(5, '0')}`);
    const filter = numbers.map((number) => `number eq '${number}'`).join(' or ');
    assert.equal(probesOf(filter)?.length, 100);
  });

  it('leaves to a scan what an index of stored values cannot answer', () => {
    for (const filter of [
      "number ne 'C1'",
      "not (number eq 'C1')",
      "number eq 'C1' or contains(displayName, 'x')",
      "startswith(displayName, 'A')",
      'creditLimit gt 5',
      'balanceDue eq 0',
    ]) {
      assert.equal(probesOf(filter), undefined, filter);
    }
    assert.deepEqual(probesOf("balanceDue eq 0 and number eq 'C1'"), ['number=c1']);
  });

  it('knows every field compute sets, so none of them is looked up by a stale stored value', () => {
    for (const def of ENTITY_DEFS.filter((candidate) => candidate.compute))
      assert.ok(def.computedFields, `${def.set} declares computedFields`);
    const stored: BcRecord = { id: 'c-1', number: 'C1', balanceDue: 0, city: 'Oslo' };
    const record = { ...stored };
    customerEntity.compute?.(record, {
      companyId: 'x',
      now: '2026-01-01T00:00:00.000Z',
      find: () => undefined,
      all: () => [{ customerId: 'c-1', status: 'Open', totalAmountIncludingTax: 12.5 }],
    });
    const changed = Object.keys(record).filter((name) => record[name] !== stored[name]);
    assert.deepEqual(changed, ['balanceDue']);
    assert.ok(changed.every((name) => customerEntity.computedFields?.includes(name)));
  });
});
