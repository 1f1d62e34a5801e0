import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { IsExternalRefs, isExternalRefs } from './external-refs.util.js';

class Linked {
  @IsExternalRefs()
  externalRefs!: unknown;
}

void describe('isExternalRefs', () => {
  void it('accepts a map of known systems to record IDs', () => {
    assert.equal(isExternalRefs({}), true);
    assert.equal(isExternalRefs({ crm: '001Dn00000A1b2cIAB', erp: 'C00010', billing: 'cus_Q1w2e3' }), true);
  });

  void it('rejects unknown systems, empty or overlong IDs and non-objects', () => {
    for (const value of [
      { sap: 'X1' },
      { concord: 'x' },
      { crm: '' },
      { crm: '  ' },
      { crm: 42 },
      { crm: 'x'.repeat(256) },
      ['crm'],
      'crm',
      null,
    ]) {
      assert.equal(isExternalRefs(value), false, JSON.stringify(value));
    }
  });
});

void describe('IsExternalRefs', () => {
  void it('reports the property with the systems it accepts', async () => {
    assert.deepEqual(await validate(plainToInstance(Linked, { externalRefs: { erp: 'C1' } })), []);
    const [error] = await validate(plainToInstance(Linked, { externalRefs: { netsuite: 'C1' } }));
    assert.match(error?.constraints?.['isExternalRefs'] ?? '', /^externalRefs must map crm, erp, billing/);
  });
});
