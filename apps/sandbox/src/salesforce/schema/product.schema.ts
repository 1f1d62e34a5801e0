import { SalesforceError } from '../salesforce.errors.js';
import {
  createOnly,
  CURRENCIES,
  picklist,
  readOnly,
  reference,
  type SfRecord,
  type SObjectContext,
  type SObjectDef,
  systemFields,
  text,
  typed,
} from '../sobject.types.js';

export const product2Def: SObjectDef = {
  name: 'Product2',
  label: 'Product',
  labelPlural: 'Products',
  keyPrefix: '01t',
  fields: [
    ...systemFields(false),
    text('Name', 'Product Name', 255, { required: true }),
    text('ProductCode', 'Product Code', 255),
    typed('Description', 'Product Description', 'textarea', { length: 4000 }),
    typed('IsActive', 'Active', 'boolean', { defaultValue: false }),
    picklist('Family', 'Product Family', ['Software', 'Services', 'Hardware', 'Subscription']),
    text('StockKeepingUnit', 'Product SKU', 180),
    picklist('QuantityUnitOfMeasure', 'Quantity Unit Of Measure', [
      'Each',
      'Hour',
      'Month',
      'Year',
      'License',
    ]),
    picklist('CurrencyIsoCode', 'Product Currency', CURRENCIES, { defaultValue: 'USD' }),
    text('Concord_Id__c', 'Concord ID', 36, { externalId: true, unique: true }),
    text('ERP_Item_Number__c', 'ERP Item Number', 20, { externalId: true, unique: true }),
  ],
};

export const pricebook2Def: SObjectDef = {
  name: 'Pricebook2',
  label: 'Price Book',
  labelPlural: 'Price Books',
  keyPrefix: '01s',
  fields: [
    ...systemFields(false),
    text('Name', 'Price Book Name', 255, { required: true }),
    typed('IsActive', 'Active', 'boolean', { defaultValue: false }),
    typed('IsStandard', 'Is Standard Price Book', 'boolean', { ...readOnly, defaultValue: false }),
    text('Description', 'Description', 255),
  ],
};

export function standardPricebook(ctx: SObjectContext): SfRecord | undefined {
  return ctx.all('Pricebook2').find((book) => book.IsStandard === true);
}

function sameEntry(a: SfRecord, b: SfRecord): boolean {
  return a.Product2Id === b.Product2Id && a.CurrencyIsoCode === b.CurrencyIsoCode;
}

export const pricebookEntryDef: SObjectDef = {
  name: 'PricebookEntry',
  label: 'Price Book Entry',
  labelPlural: 'Price Book Entries',
  keyPrefix: '01u',
  fields: [
    ...systemFields(false),
    reference('Pricebook2Id', 'Price Book ID', 'Pricebook2', {
      ...createOnly,
      required: true,
      cascadeDelete: true,
    }),
    reference('Product2Id', 'Product ID', 'Product2', { ...createOnly, required: true, cascadeDelete: true }),
    typed('UnitPrice', 'List Price', 'currency', { required: true }),
    typed('IsActive', 'Active', 'boolean', { defaultValue: false }),
    typed('UseStandardPrice', 'Use Standard Price', 'boolean', { defaultValue: false }),
    picklist('CurrencyIsoCode', 'Price Book Entry Currency', CURRENCIES, {
      ...createOnly,
      defaultValue: 'USD',
    }),
    text('Name', 'Product Name', 255, { ...readOnly, calculated: true }),
    text('ProductCode', 'Product Code', 255, { ...readOnly, calculated: true }),
  ],
  validate: (record, ctx, previous) => {
    if (previous) return;
    const standard = standardPricebook(ctx);
    const peers = ctx
      .all('PricebookEntry')
      .filter((entry) => entry.Id !== record.Id && sameEntry(entry, record));
    if (peers.some((entry) => entry.Pricebook2Id === record.Pricebook2Id)) {
      throw new SalesforceError(
        400,
        'DUPLICATE_VALUE',
        'This price definition already exists in this price book',
      );
    }
    if (record.Pricebook2Id !== standard?.Id && !peers.some((entry) => entry.Pricebook2Id === standard?.Id)) {
      throw new SalesforceError(
        400,
        'STANDARD_PRICE_NOT_DEFINED',
        'Before creating a custom price, create a standard price.',
      );
    }
  },
  derive: (record, ctx) => {
    const product = ctx.find('Product2', String(record.Product2Id));
    record.Name = product?.Name ?? null;
    record.ProductCode = product?.ProductCode ?? null;
    if (record.UseStandardPrice === true) {
      const standardId = standardPricebook(ctx)?.Id;
      const standardEntry = ctx
        .all('PricebookEntry')
        .find((entry) => entry.Pricebook2Id === standardId && sameEntry(entry, record));
      if (standardEntry) record.UnitPrice = standardEntry.UnitPrice ?? null;
    }
  },
};
