import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { IsCurrencyCode, isCurrencyCode } from './currency-code.util.js';

class Price {
  @IsCurrencyCode()
  currency!: unknown;
}

void describe('isCurrencyCode', () => {
  void it('accepts ISO 4217 alpha-3 codes in upper case', () => {
    for (const code of ['EUR', 'USD', 'GBP', 'JPY', 'CHF', 'SEK']) assert.equal(isCurrencyCode(code), true);
  });

  void it('rejects lower case, numeric, unknown and non-string values', () => {
    for (const value of ['eur', 'Eur', 'EURO', '978', 'ABC', 'XYZ', '', 978, null, undefined]) {
      assert.equal(isCurrencyCode(value), false, JSON.stringify(value));
    }
  });
});

void describe('IsCurrencyCode', () => {
  void it('passes a valid code and reports an invalid one', async () => {
    assert.deepEqual(await validate(plainToInstance(Price, { currency: 'USD' })), []);
    const [error] = await validate(plainToInstance(Price, { currency: 'usd' }));
    assert.deepEqual(error?.constraints, {
      isCurrencyCode: 'currency must be an ISO 4217 currency code in upper case',
    });
  });
});
