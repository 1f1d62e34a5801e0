import { field, idField, modifiedField, text, type EntityDef } from '../bc-entity.types.js';

const readOnlySet = (set: string, type: string, caption: string, fields: EntityDef['fields']): EntityDef => ({
  set,
  type,
  caption,
  readOnly: true,
  fields: [idField(), ...fields, modifiedField()],
});

export const currencyEntity = readOnlySet('currencies', 'currency', 'Currency', [
  text('code', 10),
  text('displayName', 30),
  text('symbol', 10),
  field('amountDecimalPlaces', 'string', { defaultValue: '2:2' }),
  field('amountRoundingPrecision', 'decimal', { defaultValue: 0.01 }),
]);

export const countryEntity = readOnlySet('countriesRegions', 'countryRegion', 'Country/Region', [
  text('code', 10),
  text('displayName', 50),
  text('addressFormat', 50),
]);

export const paymentTermsEntity = readOnlySet('paymentTerms', 'paymentTerm', 'Payment Terms', [
  text('code', 10),
  text('displayName', 100),
  text('dueDateCalculation', 32),
  text('discountDateCalculation', 32),
  field('discountPercent', 'decimal', { defaultValue: 0 }),
  field('calculateDiscountOnCreditMemos', 'boolean', { defaultValue: false }),
]);

export const dimensionEntity: EntityDef = {
  ...readOnlySet('dimensions', 'dimension', 'Dimension', [text('code', 20), text('displayName', 30)]),
  children: { dimensionValues: 'dimensionValues' },
};

export const dimensionValueEntity: EntityDef = {
  ...readOnlySet('dimensionValues', 'dimensionValue', 'Dimension Value', [
    text('code', 20),
    field('dimensionId', 'guid'),
    text('displayName', 50),
    text('consolidationCode', 20),
  ]),
  parent: { set: 'dimensions', key: 'dimensionId' },
};
