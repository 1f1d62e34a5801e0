import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeTaxId, TAX_ID_CHECKED_COUNTRIES, validateTaxId } from './tax-id.util.js';

const valid: ReadonlyArray<[string, string]> = [
  ['US', '12-3456789'],
  ['US', '123456789'],
  ['US', '98-7654321'],
  ['DE', 'DE136695976'],
  ['DE', '136695976'],
  ['DE', 'de 136 695 976'],
  ['GB', 'GB980780684'],
  ['GB', 'GB 980 7806 84'],
  ['GB', 'GB980780684001'],
  ['GB', 'GBGD001'],
  ['GB', 'GBHA599'],
  ['FR', 'FR40303265045'],
  ['FR', 'FR 40 303 265 045'],
  ['NL', 'NL004495445B01'],
  ['NL', 'nl004495445b01'],
  ['ES', 'ESA28015865'],
  ['ES', 'A-28015865'],
  ['IT', 'IT00743110157'],
  ['IT', 'IT 007.431.101.57'],
  ['JP', '1234567890123'],
  ['CH', 'CHE-123.456.789 MWST'],
  ['BR', '12.345.678.0001-95'],
];

const invalid: ReadonlyArray<[string, string, RegExp]> = [
  ['US', '07-1234567', /prefix 07 is not assigned/],
  ['US', '00-1234567', /prefix 00 is not assigned/],
  ['US', '96-1234567', /prefix 96 is not assigned/],
  ['US', '12-345678', /NN-NNNNNNN/],
  ['US', '12/3456789', /NN-NNNNNNN/],
  ['DE', 'DE136695977', /DE VAT number check digits/],
  ['DE', 'DE12345', /DE VAT number format/],
  ['GB', 'GB980780685', /GB VAT number check digits/],
  ['GB', 'GBGD599', /GB VAT number check digits/],
  ['GB', 'GB98078068', /GB VAT number format/],
  ['FR', 'FR40303265046', /FR VAT number check digits/],
  ['NL', 'NL004495446B01', /NL VAT number check digits/],
  ['NL', 'NL004495445X01', /NL VAT number format/],
  ['ES', 'ESA28015864', /ES VAT number check digits/],
  ['IT', 'IT00743110158', /IT VAT number check digits/],
  ['FR', 'DE136695976', /is a VAT number of DE, not of FR/],
  ['ES', 'IT00743110157', /is a VAT number of IT, not of ES/],
  ['JP', 'ab', /4-20 characters/],
  ['JP', 'ABC#1234', /4-20 characters/],
  ['JP', '----', /4-20 characters/],
  ['JP', '123456789012345678901', /4-20 characters/],
];

void describe('validateTaxId', () => {
  for (const [country, taxId] of valid) {
    void it(`accepts ${country} ${taxId}`, () => {
      assert.deepEqual(validateTaxId(country, taxId), { valid: true });
    });
  }

  for (const [country, taxId, reason] of invalid) {
    void it(`rejects ${country} ${taxId}`, () => {
      const result = validateTaxId(country, taxId);
      assert.equal(result.valid, false);
      assert.match(result.reason ?? '', reason);
    });
  }

  void it('refuses to judge a tax ID without a valid country', () => {
    for (const country of [undefined, '', 'de', 'XX', 'DEU']) {
      const result = validateTaxId(country, 'DE136695976');
      assert.equal(result.valid, false);
      assert.match(result.reason ?? '', /ISO 3166-1 alpha-2 country/);
    }
  });

  void it('rejects empty and non-string tax IDs', () => {
    for (const taxId of ['', '   ', 136695976, null, undefined, {}]) {
      assert.equal(validateTaxId('DE', taxId).valid, false);
    }
  });

  void it('checks the US and the listed VAT countries with their own rules', () => {
    assert.deepEqual([...TAX_ID_CHECKED_COUNTRIES].sort(), ['DE', 'ES', 'FR', 'GB', 'IT', 'NL', 'US']);
  });
});

void describe('normalizeTaxId', () => {
  void it('writes VAT numbers compact, upper case and with their country prefix', () => {
    assert.equal(normalizeTaxId('DE', ' de 136.695-976 '), 'DE136695976');
    assert.equal(normalizeTaxId('DE', '136695976'), 'DE136695976');
    assert.equal(normalizeTaxId('ES', 'a28015865'), 'ESA28015865');
    assert.equal(normalizeTaxId('GB', 'GD001'), 'GBGD001');
    assert.equal(normalizeTaxId('nl', 'NL004495445B01'), 'NL004495445B01');
  });

  void it('writes US EINs as NN-NNNNNNN', () => {
    assert.equal(normalizeTaxId('US', '123456789'), '12-3456789');
    assert.equal(normalizeTaxId('US', ' 12-3456789 '), '12-3456789');
    assert.equal(normalizeTaxId('US', '12 3456789'), '12-3456789');
  });

  void it('only trims and upper-cases tax IDs of other countries', () => {
    assert.equal(normalizeTaxId('CH', ' che-123.456.789 mwst '), 'CHE-123.456.789 MWST');
  });

  void it('gives the same spelling for every way of writing one number', () => {
    const spellings = ['DE136695976', 'de136695976', '136 695 976', 'DE-136.695.976'];
    assert.equal(new Set(spellings.map((taxId) => normalizeTaxId('DE', taxId))).size, 1);
  });
});
