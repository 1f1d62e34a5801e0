import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { flattenValidationErrors } from '../../errors/validation-errors.util.js';
import { type ErrorDetail } from '../../errors/error-envelope.dto.js';
import { CustomerV1, CustomerV1Response } from './customer.dto.js';

const example = {
  name: 'Contoso GmbH',
  country: 'DE',
  taxId: 'DE136695976',
  currency: 'EUR',
  address: { line1: 'Hauptstr. 1', city: 'Berlin', postalCode: '10115' },
  website: 'contoso.example.com',
};

async function check(body: object, type: new () => object = CustomerV1): Promise<ErrorDetail[]> {
  const errors = await validate(plainToInstance(type, body), { whitelist: true, forbidNonWhitelisted: true });
  return flattenValidationErrors(errors);
}

function paths(details: ErrorDetail[]): string[] {
  return details.map((detail) => `${detail.path}:${String(detail['constraint'])}`);
}

void describe('CustomerV1', () => {
  void it('accepts the documented example body', async () => {
    assert.deepEqual(await validate(plainToInstance(CustomerV1, example)), []);
    assert.deepEqual(await check(example), []);
  });

  void it('accepts every optional field when well formed', async () => {
    const full = {
      ...example,
      legalName: 'Contoso Deutschland GmbH',
      address: { ...example.address, line2: '3. OG', region: 'BE' },
      website: 'https://contoso.example.com/about',
      email: 'billing@contoso.example.com',
      phone: '+49 (30) 123-4567',
      paymentTermsDays: 30,
      segment: 'Enterprise',
      territory: 'DACH',
      externalRefs: { crm: '001Dn00000A1b2cIAB', erp: 'C00010', billing: 'cus_Q1w2e3r4t5' },
    };
    assert.deepEqual(await check(full), []);
  });

  void it('requires name, country and currency', async () => {
    const found = paths(await check({}));
    assert.ok(found.includes('name:isString'));
    assert.ok(found.includes('country:isCountryCode'));
    assert.ok(found.includes('currency:isCurrencyCode'));
  });

  void it('reports nested address errors with their dotted path', async () => {
    const body = {
      ...example,
      address: { line1: 'Hauptstr. 1', city: 'Berlin', postalCode: '1'.repeat(21) },
    };
    assert.deepEqual(paths(await check(body)), ['address.postalCode:isLength']);
  });

  void it('rejects a tax ID that does not fit the country', async () => {
    assert.deepEqual(paths(await check({ ...example, taxId: 'DE136695977' })), ['taxId:isTaxIdForCountry']);
    assert.deepEqual(paths(await check({ ...example, country: 'FR' })), ['taxId:isTaxIdForCountry']);
    assert.deepEqual(await check({ ...example, country: 'US', currency: 'USD', taxId: '12-3456789' }), []);
  });

  void it('rejects unknown fields at the top level and inside the address', async () => {
    const body = { ...example, vip: true, address: { ...example.address, floor: 3 } };
    const details = await check(body);
    assert.deepEqual(paths(details).sort(), ['address.floor:whitelistValidation', 'vip:whitelistValidation']);
  });

  void it('rejects malformed optional fields', async () => {
    const cases: Array<[object, string]> = [
      [{ name: ' ' }, 'name:matches'],
      [{ name: 'x'.repeat(161) }, 'name:isLength'],
      [{ legalName: 'x'.repeat(161) }, 'legalName:maxLength'],
      [{ website: 'not a host' }, 'website:isUrl'],
      [{ website: 'ftp://contoso.example.com' }, 'website:isUrl'],
      [{ email: 'billing-at-contoso' }, 'email:isEmail'],
      [{ phone: '+49 30 CALL-ME' }, 'phone:matches'],
      [{ phone: '1'.repeat(41) }, 'phone:maxLength'],
      [{ paymentTermsDays: 366 }, 'paymentTermsDays:max'],
      [{ paymentTermsDays: -1 }, 'paymentTermsDays:min'],
      [{ paymentTermsDays: 30.5 }, 'paymentTermsDays:isInt'],
      [{ segment: 'x'.repeat(61) }, 'segment:maxLength'],
      [{ territory: 'x'.repeat(61) }, 'territory:maxLength'],
      [{ externalRefs: { sap: '1' } }, 'externalRefs:isExternalRefs'],
      [{ currency: 'eur' }, 'currency:isCurrencyCode'],
      [{ country: 'DEU', taxId: undefined }, 'country:isCountryCode'],
    ];
    for (const [override, expected] of cases) {
      assert.deepEqual(paths(await check({ ...example, ...override })), [expected], JSON.stringify(override));
    }
  });
});

void describe('CustomerV1Response', () => {
  void it('adds id, version and updatedAt to the customer', async () => {
    const stored = {
      ...example,
      id: '3f0c8a52-9a57-4f63-9a3e-2f7d5b1c9e41',
      version: 3,
      updatedAt: '2025-01-31T09:30:00.000Z',
    };
    assert.deepEqual(await check(stored, CustomerV1Response), []);
    const found = paths(
      await check({ ...stored, id: 'C00010', version: 0, updatedAt: 'yesterday' }, CustomerV1Response),
    );
    assert.deepEqual(found.sort(), ['id:isUuid', 'updatedAt:isIso8601', 'version:min']);
  });
});
