import { BcError, fieldValidation } from '../business-central.errors.js';
import {
  choice,
  field,
  idField,
  modifiedField,
  readOnly,
  text,
  type BcRecord,
  type EntityDef,
  type WriteContext,
} from '../bc-entity.types.js';

export const EMPTY_GUID = '00000000-0000-0000-0000-000000000000';
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A code that must name a row of a related table; blank means "none" (or the local currency). */
export function checkCode(
  ctx: WriteContext,
  set: string,
  value: unknown,
  table: string,
  fieldCaption: string,
  owner: string,
): BcRecord | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const match = ctx.all(set).find((row) => String(row.code).toUpperCase() === value.toUpperCase());
  if (!match) {
    throw fieldValidation(
      `The field ${fieldCaption} of table ${owner} contains a value (${value}) that cannot be found in the related table (${table}).`,
    );
  }
  return match;
}

export function requireValue(record: BcRecord, name: string, caption: string, table: string): void {
  const value = record[name];
  if (value === null || value === '' || value === EMPTY_GUID) {
    throw fieldValidation(
      `${caption} must have a value in ${table}: No.=${String(record.number ?? '')}. It cannot be zero or empty.`,
    );
  }
}

/** currencyCode and currencyId name the same currency; whichever the write changed wins. */
export function syncCurrency(
  record: BcRecord,
  previous: BcRecord | undefined,
  ctx: WriteContext,
  owner: string,
): void {
  const codeChanged = previous ? previous.currencyCode !== record.currencyCode : record.currencyCode !== '';
  const idChanged = previous ? previous.currencyId !== record.currencyId : record.currencyId !== EMPTY_GUID;
  let currency: BcRecord | undefined;
  if (codeChanged || !idChanged) {
    currency = checkCode(ctx, 'currencies', record.currencyCode, 'Currency', 'Currency Code', owner);
  } else if (record.currencyId !== EMPTY_GUID) {
    currency = ctx.find('currencies', String(record.currencyId));
    if (!currency) throw fieldValidation(`The currency with id ${String(record.currencyId)} does not exist.`);
  }
  record.currencyCode = currency ? String(currency.code) : '';
  record.currencyId = currency ? String(currency.id) : EMPTY_GUID;
}

export const customerEntity: EntityDef = {
  set: 'customers',
  type: 'customer',
  caption: 'Customer',
  numberSeries: { prefix: 'C', digits: 5, start: 10, step: 10 },
  uniqueFields: ['number'],
  children: { defaultDimensions: 'defaultDimensions' },
  fields: [
    idField(),
    text('number', 20),
    text('displayName', 100, { required: true }),
    choice('type', ['Company', 'Person']),
    text('addressLine1', 100),
    text('addressLine2', 50),
    text('city', 30),
    text('state', 30),
    text('country', 10),
    text('postalCode', 20),
    text('phoneNumber', 30),
    text('email', 80),
    text('website', 80),
    text('salespersonCode', 20),
    field('balanceDue', 'decimal', { ...readOnly, defaultValue: 0 }),
    field('creditLimit', 'decimal', { defaultValue: 0 }),
    field('taxLiable', 'boolean', { defaultValue: false }),
    field('taxAreaId', 'guid', { defaultValue: EMPTY_GUID }),
    text('taxAreaDisplayName', 100, readOnly),
    text('taxRegistrationNumber', 20),
    field('currencyId', 'guid', { defaultValue: EMPTY_GUID }),
    text('currencyCode', 10),
    field('paymentTermsId', 'guid', { defaultValue: EMPTY_GUID }),
    field('shipmentMethodId', 'guid', { defaultValue: EMPTY_GUID }),
    field('paymentMethodId', 'guid', { defaultValue: EMPTY_GUID }),
    choice('blocked', [' ', 'Ship', 'Invoice', 'All']),
    modifiedField(),
  ],
  prepare: (record, ctx, previous) => {
    requireValue(record, 'displayName', 'Name', 'Customer');
    if (typeof record.email === 'string' && record.email !== '' && !EMAIL.test(record.email)) {
      throw fieldValidation(`The email address "${record.email}" is not valid.`);
    }
    const country = checkCode(
      ctx,
      'countriesRegions',
      record.country,
      'Country/Region',
      'Country/Region Code',
      'Customer',
    );
    if (country) record.country = country.code ?? '';
    syncCurrency(record, previous, ctx, 'Customer');
    if (record.paymentTermsId !== EMPTY_GUID && !ctx.find('paymentTerms', String(record.paymentTermsId))) {
      throw fieldValidation(`The payment terms with id ${String(record.paymentTermsId)} do not exist.`);
    }
  },
  computedFields: ['balanceDue'],
  compute: (record, ctx) => {
    const open = ctx
      .all('salesInvoices')
      .filter((invoice) => invoice.customerId === record.id && invoice.status === 'Open');
    record.balanceDue =
      Math.round(open.reduce((sum, invoice) => sum + Number(invoice.totalAmountIncludingTax), 0) * 100) / 100;
  },
  beforeDelete: (record, ctx) => {
    const open = ctx.all('salesOrders').some((order) => order.customerId === record.id);
    if (open) {
      throw new BcError(
        400,
        'Application_DialogException',
        `You cannot delete Customer ${String(record.number)} because there is at least one outstanding Sales Order for this customer.`,
      );
    }
  },
};

export const itemEntity: EntityDef = {
  set: 'items',
  type: 'item',
  caption: 'Item',
  numberSeries: { prefix: 'I', digits: 5, start: 10, step: 10 },
  uniqueFields: ['number'],
  fields: [
    idField(),
    text('number', 20),
    text('displayName', 100, { required: true }),
    text('displayName2', 50),
    choice('type', ['Inventory', 'Service', 'Non-Inventory']),
    field('itemCategoryId', 'guid', { defaultValue: EMPTY_GUID }),
    text('itemCategoryCode', 20),
    field('blocked', 'boolean', { defaultValue: false }),
    text('gtin', 14),
    field('inventory', 'decimal', { ...readOnly, defaultValue: 0 }),
    field('unitPrice', 'decimal', { defaultValue: 0 }),
    field('priceIncludesTax', 'boolean', { defaultValue: false }),
    field('unitCost', 'decimal', { defaultValue: 0 }),
    field('taxGroupId', 'guid', { defaultValue: EMPTY_GUID }),
    text('taxGroupCode', 20),
    field('baseUnitOfMeasureId', 'guid', { defaultValue: EMPTY_GUID }),
    text('baseUnitOfMeasureCode', 10, { defaultValue: 'PCS' }),
    text('generalProductPostingGroupCode', 20),
    text('inventoryPostingGroupCode', 20),
    modifiedField(),
  ],
  prepare: (record) => {
    requireValue(record, 'displayName', 'Description', 'Item');
    if (Number(record.unitPrice) < 0) throw fieldValidation('Unit Price must not be negative.');
    if (record.type !== 'Inventory' && record.inventoryPostingGroupCode !== '') {
      throw fieldValidation(
        `Inventory Posting Group must be blank for items of type ${String(record.type)}.`,
      );
    }
  },
  beforeDelete: (record, ctx) => {
    const used = [...ctx.all('salesOrderLines'), ...ctx.all('salesInvoiceLines')].some(
      (line) => line.itemId === record.id,
    );
    if (used) {
      throw new BcError(
        400,
        'Application_DialogException',
        `You cannot delete Item ${String(record.number)} because it is used on one or more sales documents.`,
      );
    }
  },
};
