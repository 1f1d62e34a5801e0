import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { IsTaxIdForCountry } from './tax-id-for-country.util.js';

class Company {
  country!: string;

  @IsTaxIdForCountry()
  taxId!: string;
}

class Supplier {
  registeredIn!: string;

  @IsTaxIdForCountry('registeredIn')
  vatNumber!: string;
}

async function messages<T extends object>(type: new () => T, body: object): Promise<string[]> {
  const errors = await validate(plainToInstance(type, body));
  return errors.flatMap((error) => Object.values(error.constraints ?? {}));
}

void describe('IsTaxIdForCountry', () => {
  void it('checks the tax ID against the country property of the same object', async () => {
    assert.deepEqual(await messages(Company, { country: 'DE', taxId: 'DE136695976' }), []);
    assert.deepEqual(await messages(Company, { country: 'US', taxId: '12-3456789' }), []);
  });

  void it('explains why a tax ID is refused, naming the property', async () => {
    assert.deepEqual(await messages(Company, { country: 'DE', taxId: 'DE136695977' }), [
      'taxId fails the DE VAT number check digits',
    ]);
    assert.deepEqual(await messages(Company, { country: 'US', taxId: '07-1234567' }), [
      'US EIN prefix 07 is not assigned by the IRS',
    ]);
  });

  void it('refuses a number that is valid for another country', async () => {
    const found = await messages(Company, { country: 'FR', taxId: 'DE136695976' });
    assert.deepEqual(found, ['taxId is a VAT number of DE, not of FR']);
  });

  void it('reads the country from the named property', async () => {
    assert.deepEqual(await messages(Supplier, { registeredIn: 'IT', vatNumber: 'IT00743110157' }), []);
    assert.deepEqual(await messages(Supplier, { registeredIn: 'IT', vatNumber: 'IT00743110158' }), [
      'vatNumber fails the IT VAT number check digits',
    ]);
  });

  void it('refuses a tax ID when the country is missing', async () => {
    const found = await messages(Company, { taxId: 'DE136695976' });
    assert.equal(found.length, 1);
    assert.match(found[0] ?? '', /without a valid ISO 3166-1 alpha-2 country/);
  });
});
