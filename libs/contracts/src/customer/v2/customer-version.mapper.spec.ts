import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { flattenValidationErrors } from '../../errors/validation-errors.util.js';
import { type CustomerV1 } from '../v1/customer.dto.js';
import { CustomerV2 } from './customer.dto.js';
import { customerV1ToV2, customerV2ToV1 } from './customer-version.mapper.js';

const contoso: CustomerV2 = {
  legalName: 'Contoso Deutschland GmbH',
  displayName: 'Contoso',
  country: 'DE',
  taxId: 'DE136695976',
  currency: 'EUR',
  address: { line1: 'Hauptstr. 1', city: 'Berlin', postalCode: '10115' },
};

const name = fc.string({ minLength: 1, maxLength: 40 });
const optionalFields = fc.record(
  { segment: fc.string({ maxLength: 10 }), paymentTermsDays: fc.integer({ min: 0, max: 365 }) },
  { requiredKeys: [] },
);
const v2 = fc
  .tuple(name, name, optionalFields)
  .map(([legalName, displayName, rest]): CustomerV2 => ({ ...contoso, ...rest, legalName, displayName }));
const v1 = fc
  .tuple(name, fc.option(name, { nil: undefined }), optionalFields)
  .map(([customerName, legalName, rest]): CustomerV1 => {
    const { legalName: _legal, displayName: _display, ...base } = contoso;
    return { ...base, ...rest, name: customerName, ...(legalName === undefined ? {} : { legalName }) };
  });

void describe('customer version mappers', () => {
  void it('maps the display name to v1 name and keeps a distinct legal name', () => {
    const stored = customerV2ToV1(contoso);
    assert.equal(stored.name, 'Contoso');
    assert.equal(stored.legalName, 'Contoso Deutschland GmbH');
    assert.ok(!('displayName' in stored));
    assert.deepEqual(customerV2ToV1({ ...contoso, legalName: 'Contoso' }).legalName, undefined);
  });

  void it('reads a v1 customer without a legal name as v2 with its name as both', () => {
    const { legalName: _legal, displayName: _display, ...base } = contoso;
    const read = customerV1ToV2({ ...base, name: 'Fabrikam' });
    assert.equal(read.legalName, 'Fabrikam');
    assert.equal(read.displayName, 'Fabrikam');
    assert.ok(!('name' in read));
  });

  void it('round-trips v2 -> v1 -> v2 unchanged', () => {
    fc.assert(
      fc.property(v2, (customer) => assert.deepEqual(customerV1ToV2(customerV2ToV1(customer)), customer)),
    );
  });

  void it('round-trips v1 -> v2 -> v1 unchanged unless the legal name only repeated the name', () => {
    fc.assert(
      fc.property(v1, (customer) => {
        const back = customerV2ToV1(customerV1ToV2(customer));
        if (customer.legalName === customer.name) {
          const { legalName: _repeated, ...rest } = customer;
          assert.deepEqual(back, rest);
        } else assert.deepEqual(back, customer);
      }),
    );
  });

  void it('validates the documented example and refuses v1 `name` or a blank legal name', async () => {
    const check = async (body: object) =>
      flattenValidationErrors(
        await validate(plainToInstance(CustomerV2, body), { whitelist: true, forbidNonWhitelisted: true }),
      ).map((detail) => `${detail.path}:${String(detail['constraint'])}`);
    assert.deepEqual(await check(contoso), []);
    assert.deepEqual(await check({ ...contoso, name: 'Contoso' }), ['name:whitelistValidation']);
    assert.deepEqual(await check({ ...contoso, legalName: ' ' }), ['legalName:matches']);
    assert.deepEqual((await check({ ...contoso, displayName: undefined })).sort(), [
      'displayName:isLength',
      'displayName:isString',
      'displayName:matches',
    ]);
    assert.deepEqual(await check({ ...contoso, taxId: 'DE136695977' }), ['taxId:isTaxIdForCountry']);
    assert.deepEqual(await check({ ...contoso, address: { ...contoso.address, floor: 1 } }), [
      'address.floor:whitelistValidation',
    ]);
  });
});
