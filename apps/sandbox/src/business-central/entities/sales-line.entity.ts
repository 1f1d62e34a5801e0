import { BcError, fieldValidation } from '../business-central.errors.js';
import {
  choice,
  field,
  idField,
  readOnly,
  text,
  type BcRecord,
  type EntityDef,
  type WriteContext,
} from '../bc-entity.types.js';
import { EMPTY_GUID } from './customer.entity.js';

const round2 = (value: number): number => Math.round(value * 100) / 100;

/** An item line takes the item's description, price and unit unless the write sets them. */
function applyItem(record: BcRecord, ctx: WriteContext, previous: BcRecord | undefined): void {
  const numberChanged =
    record.lineObjectNumber !== '' && record.lineObjectNumber !== previous?.lineObjectNumber;
  const idChanged = record.itemId !== (previous?.itemId ?? EMPTY_GUID);
  const item =
    numberChanged && !idChanged
      ? ctx.all('items').find((row) => row.number === record.lineObjectNumber)
      : ctx.find('items', String(record.itemId));
  if (!item) {
    if (record.itemId === EMPTY_GUID && record.lineObjectNumber === '') {
      throw fieldValidation('No. must have a value in Sales Line. It cannot be zero or empty.');
    }
    throw new BcError(
      400,
      'Internal_RecordNotFound',
      `The Item does not exist. Identification fields and values: No.='${String(record.lineObjectNumber || record.itemId)}'`,
    );
  }
  if (item.blocked === true) {
    throw new BcError(
      400,
      'Application_DialogException',
      `Blocked must be equal to 'No' in Item: No.=${String(item.number)}. Current value is 'Yes'.`,
    );
  }
  const itemChanged = previous?.itemId !== item.id;
  record.itemId = item.id ?? EMPTY_GUID;
  record.lineObjectNumber = item.number ?? '';
  if (itemChanged && (record.description === '' || record.description === previous?.description))
    record.description = item.displayName ?? '';
  if (itemChanged && (record.unitPrice === 0 || record.unitPrice === previous?.unitPrice))
    record.unitPrice = item.unitPrice ?? 0;
  if (record.unitOfMeasureCode === '') record.unitOfMeasureCode = item.baseUnitOfMeasureCode ?? '';
}

function salesLine(kind: 'order' | 'invoice'): EntityDef {
  const parentSet = kind === 'order' ? 'salesOrders' : 'salesInvoices';
  const lineSet = kind === 'order' ? 'salesOrderLines' : 'salesInvoiceLines';
  return {
    set: lineSet,
    type: kind === 'order' ? 'salesOrderLine' : 'salesInvoiceLine',
    caption: 'Sales Line',
    parent: { set: parentSet, key: 'documentId' },
    fields: [
      idField(),
      field('documentId', 'guid', { defaultValue: EMPTY_GUID }),
      field('sequence', 'integer', { ...readOnly, defaultValue: 0 }),
      field('itemId', 'guid', { defaultValue: EMPTY_GUID }),
      field('accountId', 'guid', { defaultValue: EMPTY_GUID }),
      choice('lineType', ['Item', 'Comment', 'Account', 'Resource', 'Fixed Asset', 'Charge']),
      text('lineObjectNumber', 20),
      text('description', 100),
      text('description2', 50),
      text('unitOfMeasureCode', 10),
      field('quantity', 'decimal', { defaultValue: 0 }),
      field('unitPrice', 'decimal', { defaultValue: 0 }),
      field('discountAmount', 'decimal', { defaultValue: 0 }),
      field('discountPercent', 'decimal', { defaultValue: 0 }),
      field('amountExcludingTax', 'decimal', { ...readOnly, defaultValue: 0 }),
      text('taxCode', 20),
      field('taxPercent', 'decimal', { defaultValue: 0 }),
      field('totalTaxAmount', 'decimal', { ...readOnly, defaultValue: 0 }),
      field('amountIncludingTax', 'decimal', { ...readOnly, defaultValue: 0 }),
      field('netAmount', 'decimal', { ...readOnly, defaultValue: 0 }),
      field('shipmentDate', 'date'),
      ...(kind === 'order'
        ? [
            field('shippedQuantity', 'decimal', { ...readOnly, defaultValue: 0 }),
            field('invoicedQuantity', 'decimal', { ...readOnly, defaultValue: 0 }),
          ]
        : []),
    ],
    prepare: (record, ctx, previous) => {
      const parent = ctx.find(parentSet, String(record.documentId));
      if (!parent)
        throw new BcError(
          400,
          'Internal_RecordNotFound',
          `The ${parentSet === 'salesOrders' ? 'Sales Header' : 'Sales Invoice Header'} does not exist. Identification fields and values: Id='${String(record.documentId)}'`,
        );
      if (parent.status !== 'Draft') {
        throw new BcError(
          400,
          'Application_DialogException',
          `Status must be equal to 'Draft' in Sales Header: No.=${String(parent.number)}. Current value is '${String(parent.status)}'.`,
        );
      }
      if (!previous) {
        const siblings = ctx.all(lineSet).filter((line) => line.documentId === record.documentId);
        record.sequence = Math.max(0, ...siblings.map((line) => Number(line.sequence))) + 10000;
      }
      if (record.lineType === 'Item') applyItem(record, ctx, previous);
      const gross = Number(record.quantity) * Number(record.unitPrice);
      if (Number(record.discountPercent) > 0)
        record.discountAmount = round2((gross * Number(record.discountPercent)) / 100);
      const excluding = round2(gross - Number(record.discountAmount));
      const tax = round2((excluding * Number(record.taxPercent)) / 100);
      Object.assign(record, {
        amountExcludingTax: excluding,
        netAmount: excluding,
        totalTaxAmount: tax,
        amountIncludingTax: round2(excluding + tax),
      });
    },
    beforeDelete: (record, ctx) => {
      const parent = ctx.find(parentSet, String(record.documentId));
      if (parent && parent.status !== 'Draft') {
        throw new BcError(
          400,
          'Application_DialogException',
          `Status must be equal to 'Draft' in Sales Header: No.=${String(parent.number)}. Current value is '${String(parent.status)}'.`,
        );
      }
    },
  };
}

export const salesOrderLineEntity = salesLine('order');
export const salesInvoiceLineEntity = salesLine('invoice');
