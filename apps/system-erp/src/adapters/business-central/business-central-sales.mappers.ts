import {
  AdapterError,
  type MoneyV1,
  type SalesDocumentRecordV1,
  type SalesInvoiceRecordV1,
  SalesInvoiceStatus,
  type SalesLineRecordV1,
  type SalesLineV1,
  type SalesOrderRecordV1,
  SalesOrderStatus,
  type SalesOrderV1,
} from '@concord/contracts';
import { BC_SYSTEM } from './business-central.errors.js';
import { fromMinorUnits, toMinorUnits } from './business-central-items.mappers.js';
import { externalIdOf } from './business-central.mappers.js';
import {
  type BcSalesInvoice,
  type BcSalesLine,
  type BcSalesLineWrite,
  type BcSalesOrder,
  type BcSalesOrderWrite,
  type CompanyContext,
} from './business-central.types.js';

const ORDER_STATUS: Record<string, SalesOrderStatus> = {
  Draft: SalesOrderStatus.Draft,
  'In Review': SalesOrderStatus.InReview,
  Open: SalesOrderStatus.Open,
};

const INVOICE_STATUS: Record<string, SalesInvoiceStatus> = {
  Draft: SalesInvoiceStatus.Draft,
  'In Review': SalesInvoiceStatus.InReview,
  Open: SalesInvoiceStatus.Open,
  Paid: SalesInvoiceStatus.Paid,
  Canceled: SalesInvoiceStatus.Canceled,
  Corrective: SalesInvoiceStatus.Corrective,
};

/** A blank currency code in Business Central is the company's local currency. */
export function documentCurrency(currencyCode: string, company: CompanyContext): string {
  return currencyCode === '' ? company.localCurrency : currencyCode;
}

function rejected(path: string, message: string): AdapterError {
  return new AdapterError({
    kind: 'Rejected',
    system: BC_SYSTEM,
    operation: 'salesOrders.map',
    message,
    details: [{ path, message, code: 'CURRENCY_MISMATCH' }],
  });
}

/** Canonical order → sales header; the customer ID comes from the customer's external ID. */
export function toBcSalesOrder(
  order: SalesOrderV1,
  customerId: string,
  company: CompanyContext,
): BcSalesOrderWrite {
  return {
    externalDocumentNumber: order.reference,
    customerId,
    ...(order.currency
      ? { currencyCode: order.currency === company.localCurrency ? '' : order.currency }
      : {}),
    ...(order.orderDate ? { orderDate: order.orderDate } : {}),
  };
}

/** Canonical line → item line; a price must be in the order's currency. */
export function toBcSalesLine(line: SalesLineV1, index: number, currency: string): BcSalesLineWrite {
  if (line.unitPrice && line.unitPrice.currency !== currency) {
    throw rejected(
      `lines[${index}].unitPrice.currency`,
      `line ${index} is priced in ${line.unitPrice.currency}, the order in ${currency}`,
    );
  }
  return {
    lineType: 'Item',
    lineObjectNumber: line.sku,
    quantity: line.quantity,
    ...(line.unitPrice ? { unitPrice: fromMinorUnits(line.unitPrice.amountMinor, currency) } : {}),
    ...(line.description ? { description: line.description } : {}),
  };
}

const money = (amount: number, currency: string): MoneyV1 => ({
  amountMinor: toMinorUnits(amount, currency),
  currency,
});

function fromBcLine(line: BcSalesLine, currency: string): SalesLineRecordV1 {
  return {
    sku: line.lineObjectNumber,
    description: line.description,
    quantity: line.quantity,
    unitPrice: money(line.unitPrice, currency),
    amountExcludingTax: money(line.amountExcludingTax, currency),
  };
}

/** Lines in document order (Business Central numbers them in steps of 10000). */
export function sortedLines(lines: BcSalesLine[] | undefined): BcSalesLine[] {
  return [...(lines ?? [])].sort((a, b) => a.sequence - b.sequence);
}

function document(
  header: BcSalesOrder | BcSalesInvoice,
  lines: BcSalesLine[] | undefined,
  company: CompanyContext,
): SalesDocumentRecordV1 {
  const currency = documentCurrency(header.currencyCode, company);
  return {
    externalId: externalIdOf(company.id, header.id),
    number: header.number,
    reference: header.externalDocumentNumber,
    customerExternalId: externalIdOf(company.id, header.customerId),
    customerNumber: header.customerNumber,
    currency,
    lines: sortedLines(lines).map((line) => fromBcLine(line, currency)),
    totalExcludingTax: money(header.totalAmountExcludingTax, currency),
    totalIncludingTax: money(header.totalAmountIncludingTax, currency),
    sourceVersion: header.lastModifiedDateTime,
  };
}

export function fromBcSalesOrder(order: BcSalesOrder, company: CompanyContext): SalesOrderRecordV1 {
  return {
    ...document(order, order.salesOrderLines, company),
    status: ORDER_STATUS[order.status] ?? SalesOrderStatus.Draft,
    orderDate: order.orderDate,
  };
}

export function fromBcSalesInvoice(invoice: BcSalesInvoice, company: CompanyContext): SalesInvoiceRecordV1 {
  return {
    ...document(invoice, invoice.salesInvoiceLines, company),
    status: INVOICE_STATUS[invoice.status] ?? SalesInvoiceStatus.Draft,
    invoiceDate: invoice.invoiceDate,
    ...(invoice.dueDate ? { dueDate: invoice.dueDate } : {}),
    ...(invoice.orderNumber ? { orderNumber: invoice.orderNumber } : {}),
  };
}
