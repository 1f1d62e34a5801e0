import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AdapterError, SalesInvoiceStatus, SalesOrderStatus } from '@concord/contracts';
import {
  fromBcSalesInvoice,
  fromBcSalesOrder,
  toBcSalesLine,
  toBcSalesOrder,
} from './business-central-sales.mappers.js';
import { type BcSalesLine } from './business-central.types.js';

const company = { id: 'c0', name: 'CRONUS International Ltd.', localCurrency: 'GBP' };
const line = (sequence: number, sku: string, unitPrice: number): BcSalesLine => ({
  id: `l${sequence}`,
  documentId: 'o1',
  sequence,
  lineType: 'Item',
  lineObjectNumber: sku,
  description: sku,
  quantity: 2,
  unitPrice,
  amountExcludingTax: unitPrice * 2,
});
const header = {
  id: 'o1',
  number: 'S-ORD101001',
  externalDocumentNumber: 'ACT-1',
  customerId: 'k1',
  customerNumber: 'CC1',
  currencyCode: '',
  totalAmountExcludingTax: 40.2,
  totalAmountIncludingTax: 48.24,
  lastModifiedDateTime: '2026-12-01T10:00:00.000Z',
};

describe('Business Central sales mappers', () => {
  it('writes the local currency as blank and a line price in decimals', () => {
    const order = { reference: 'ACT-1', customerExternalId: 'c0:k1', currency: 'GBP', lines: [] };
    assert.deepEqual(toBcSalesOrder(order, 'k1', company), {
      externalDocumentNumber: 'ACT-1',
      customerId: 'k1',
      currencyCode: '',
    });
    const sent = toBcSalesLine(
      { sku: 'A', quantity: 3, unitPrice: { amountMinor: 1005, currency: 'GBP' } },
      0,
      'GBP',
    );
    assert.deepEqual(sent, { lineType: 'Item', lineObjectNumber: 'A', quantity: 3, unitPrice: 10.05 });
  });

  it('refuses a line priced in another currency than the order, naming the line', () => {
    assert.throws(
      () =>
        toBcSalesLine({ sku: 'A', quantity: 1, unitPrice: { amountMinor: 1, currency: 'EUR' } }, 2, 'GBP'),
      (error: unknown) =>
        error instanceof AdapterError &&
        error.kind === 'Rejected' &&
        error.details[0]?.path === 'lines[2].unitPrice.currency',
    );
  });

  it('reads an order with lines in sequence order and amounts in minor units', () => {
    const record = fromBcSalesOrder(
      {
        ...header,
        status: 'Open',
        orderDate: '2026-12-01',
        salesOrderLines: [line(20000, 'B', 0.1), line(10000, 'A', 20)],
      },
      company,
    );
    assert.equal(record.status, SalesOrderStatus.Open);
    assert.equal(record.externalId, 'c0:o1');
    assert.equal(record.customerExternalId, 'c0:k1');
    assert.deepEqual(
      record.lines.map((entry) => [entry.sku, entry.unitPrice.amountMinor]),
      [
        ['A', 2000],
        ['B', 10],
      ],
    );
    assert.deepEqual(record.totalIncludingTax, { amountMinor: 4824, currency: 'GBP' });
  });

  it('reads a posted invoice with its order number and due date', () => {
    const record = fromBcSalesInvoice(
      {
        ...header,
        currencyCode: 'EUR',
        status: 'Paid',
        invoiceDate: '2026-12-01',
        dueDate: '2026-12-31',
        orderNumber: 'S-ORD101001',
      },
      company,
    );
    assert.equal(record.status, SalesInvoiceStatus.Paid);
    assert.equal(record.currency, 'EUR');
    assert.equal(record.dueDate, '2026-12-31');
    assert.equal(record.orderNumber, 'S-ORD101001');
    assert.deepEqual(record.lines, []);
  });
});
