import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { IsCountryCode, isCountryCode } from './country-code.util.js';

class Place {
  @IsCountryCode()
  country!: unknown;
}

class Region {
  @IsCountryCode({ each: true })
  countries!: unknown[];
}

void describe('isCountryCode', () => {
  void it('accepts assigned ISO 3166-1 alpha-2 codes in upper case', () => {
    for (const code of ['DE', 'US', 'GB', 'FR', 'NL', 'ES', 'IT', 'JP', 'CH'])
      assert.equal(isCountryCode(code), true);
  });

  void it('rejects lower case, alpha-3, numeric, unassigned and non-string values', () => {
    for (const value of ['de', 'De', 'DEU', '276', 'XX', 'ZZ', 'UK', '', ' DE', 276, null, undefined, {}]) {
      assert.equal(isCountryCode(value), false, JSON.stringify(value));
    }
  });
});

void describe('IsCountryCode', () => {
  void it('passes a valid code and reports an invalid one', async () => {
    assert.deepEqual(await validate(plainToInstance(Place, { country: 'DE' })), []);
    const [error] = await validate(plainToInstance(Place, { country: 'Germany' }));
    assert.equal(error?.property, 'country');
    assert.deepEqual(error?.constraints, {
      isCountryCode: 'country must be an ISO 3166-1 alpha-2 country code in upper case',
    });
  });

  void it('validates each element of an array with { each: true }', async () => {
    assert.deepEqual(await validate(plainToInstance(Region, { countries: ['DE', 'AT', 'CH'] })), []);
    const [error] = await validate(plainToInstance(Region, { countries: ['DE', 'XX'] }));
    assert.match(error?.constraints?.['isCountryCode'] ?? '', /^each value in countries must be/);
  });
});
