import { BcError, fieldValidation } from '../business-central.errors.js';
import {
  choice,
  field,
  idField,
  modifiedField,
  readOnly,
  text,
  type BcField,
  type BcRecord,
  type EntityDef,
  type WriteContext,
} from '../bc-entity.types.js';
import { EMPTY_GUID, syncCurrency } from './customer.entity.js';

const round2 = (value: number): number => Math.round(value * 100) / 100;

const addressFields = (prefix: string): BcField[] => [
  text(`${prefix}AddressLine1`, 100),
  text(`${prefix}AddressLine2`, 50),
  text(`${prefix}City`, 30),
  text(`${prefix}Country`, 10),
  text(`${prefix}State`, 30),
  text(`${prefix}PostCode`, 20),
];

const totalsFields = (): BcField[] => [
  field('discountAmount', 'decimal', { defaultValue: 0 }),
  field('discountAppliedBeforeTax', 'boolean', { ...readOnly, defaultValue: false }),
  field('totalAmountExcludingTax', 'decimal', { ...readOnly, defaultValue: 0 }),
  field('totalTaxAmount', 'decimal', { ...readOnly, defaultValue: 0 }),
  field('totalAmountIncludingTax', 'decimal', { ...readOnly, defaultValue: 0 }),
];

function resolveCustomer(
  record: BcRecord,
  ctx: WriteContext,
  previous: BcRecord | undefined,
  blockedFor: string[],
): BcRecord {
  const byId = record.customerId !== EMPTY_GUID && record.customerId !== previous?.customerId;
  const byNumber = record.customerNumber !== '' && record.customerNumber !== previous?.customerNumber;
  const customer =
    byNumber && !byId
      ? ctx.all('customers').find((row) => row.number === record.customerNumber)
      : ctx.find('customers', String(record.customerId));
  if (!customer) {
    if (record.customerId === EMPTY_GUID && record.customerNumber === '') {
      throw fieldValidation(
        'Sell-to Customer No. must have a value in Sales Header. It cannot be zero or empty.',
      );
    }
    throw new BcError(
      400,
      'Internal_RecordNotFound',
      `The Customer does not exist. Identification fields and values: No.='${String(record.customerNumber || record.customerId)}'`,
    );
  }
  if (blockedFor.includes(String(customer.blocked))) {
    throw new BcError(
      400,
      'Application_DialogException',
      `You cannot create this type of document when Customer ${String(customer.number)} is blocked with type ${String(customer.blocked)}`,
    );
  }
  return customer;
}

function applyCustomer(record: BcRecord, customer: BcRecord, previous: BcRecord | undefined): void {
  const changed = previous?.customerId !== customer.id;
  Object.assign(record, {
    customerId: customer.id,
    customerNumber: customer.number,
    customerName: customer.displayName,
    billToCustomerId: customer.id,
    billToCustomerNumber: customer.number,
    billToName: customer.displayName,
  });
  if (!changed) return;
  const copy: [string, string][] = [
    ['sellToAddressLine1', 'addressLine1'],
    ['sellToAddressLine2', 'addressLine2'],
    ['sellToCity', 'city'],
    ['sellToCountry', 'country'],
    ['sellToState', 'state'],
    ['sellToPostCode', 'postalCode'],
    ['phoneNumber', 'phoneNumber'],
    ['email', 'email'],
  ];
  for (const [target, source] of copy) if (record[target] === '') record[target] = customer[source] ?? '';
  if (record.currencyCode === '' && record.currencyId === EMPTY_GUID) {
    record.currencyCode = customer.currencyCode ?? '';
    record.currencyId = customer.currencyId ?? EMPTY_GUID;
  }
  if (record.paymentTermsId === EMPTY_GUID) record.paymentTermsId = customer.paymentTermsId ?? EMPTY_GUID;
}

function applyTotals(record: BcRecord, lines: BcRecord[]): void {
  const excluding = round2(
    lines.reduce((sum, line) => sum + Number(line.amountExcludingTax ?? 0), 0) -
      Number(record.discountAmount ?? 0),
  );
  const tax = round2(lines.reduce((sum, line) => sum + Number(line.totalTaxAmount ?? 0), 0));
  Object.assign(record, {
    totalAmountExcludingTax: excluding,
    totalTaxAmount: tax,
    totalAmountIncludingTax: round2(excluding + tax),
  });
}

/** Days of a date formula such as `30D` or `1M`; enough for due dates in the sandbox. */
function dueDays(formula: unknown): number {
  const match = typeof formula === 'string' ? /^(\d+)([DWM])$/.exec(formula) : null;
  if (!match) return 0;
  const count = Number(match[1]);
  return match[2] === 'D' ? count : match[2] === 'W' ? count * 7 : count * 30;
}

function salesHeader(kind: 'order' | 'invoice'): EntityDef {
  const isOrder = kind === 'order';
  const lineSet = isOrder ? 'salesOrderLines' : 'salesInvoiceLines';
  return {
    set: isOrder ? 'salesOrders' : 'salesInvoices',
    type: isOrder ? 'salesOrder' : 'salesInvoice',
    caption: isOrder ? 'Sales Header' : 'Sales Invoice Header',
    numberSeries: isOrder
      ? { prefix: 'S-ORD', digits: 6, start: 101001, step: 1 }
      : { prefix: 'S-INV', digits: 6, start: 102001, step: 1 },
    uniqueFields: ['number'],
    children: { [lineSet]: lineSet },
    fields: [
      idField(),
      text('number', 20, readOnly),
      text('externalDocumentNumber', 35),
      field(isOrder ? 'orderDate' : 'invoiceDate', 'date'),
      field('postingDate', 'date'),
      ...(isOrder
        ? [field('requestedDeliveryDate', 'date')]
        : [field('dueDate', 'date'), text('customerPurchaseOrderReference', 35)]),
      field('customerId', 'guid', { defaultValue: EMPTY_GUID }),
      text('customerNumber', 20),
      text('customerName', 100, readOnly),
      field('billToCustomerId', 'guid', { ...readOnly, defaultValue: EMPTY_GUID }),
      text('billToCustomerNumber', 20, readOnly),
      text('billToName', 100, readOnly),
      text('shipToName', 100),
      text('shipToContact', 100),
      ...addressFields('sellTo'),
      field('currencyId', 'guid', { defaultValue: EMPTY_GUID }),
      text('currencyCode', 10),
      ...(isOrder
        ? []
        : [
            field('orderId', 'guid', { ...readOnly, defaultValue: EMPTY_GUID }),
            text('orderNumber', 20, readOnly),
          ]),
      field('pricesIncludeTax', 'boolean', { ...readOnly, defaultValue: false }),
      field('paymentTermsId', 'guid', { defaultValue: EMPTY_GUID }),
      field('shipmentMethodId', 'guid', { defaultValue: EMPTY_GUID }),
      text('salesperson', 20),
      ...(isOrder
        ? [
            field('partialShipping', 'boolean', { defaultValue: false }),
            field('fullyShipped', 'boolean', { ...readOnly, defaultValue: false }),
          ]
        : []),
      ...totalsFields(),
      choice(
        'status',
        isOrder
          ? ['Draft', 'In Review', 'Open']
          : ['Draft', 'In Review', 'Open', 'Paid', 'Canceled', 'Corrective'],
        readOnly,
      ),
      text('phoneNumber', 30),
      text('email', 80),
      modifiedField(),
    ],
    prepare: (record, ctx, previous) => {
      if (previous && !isOrder && previous.status !== 'Draft') {
        throw new BcError(
          400,
          'Application_DialogException',
          `You cannot change Sales Invoice ${String(previous.number)} because it has been posted.`,
        );
      }
      const dateField = isOrder ? 'orderDate' : 'invoiceDate';
      if (record[dateField] === null) record[dateField] = ctx.now.slice(0, 10);
      if (record.postingDate === null) record.postingDate = record[dateField] ?? null;
      applyCustomer(
        record,
        resolveCustomer(record, ctx, previous, isOrder ? ['All'] : ['All', 'Invoice']),
        previous,
      );
      syncCurrency(record, previous, ctx, 'Sales Header');
      if (!isOrder && record.dueDate === null) {
        const terms = ctx.find('paymentTerms', String(record.paymentTermsId));
        const base = new Date(`${String(record.invoiceDate)}T00:00:00Z`);
        base.setUTCDate(base.getUTCDate() + dueDays(terms?.dueDateCalculation));
        record.dueDate = base.toISOString().slice(0, 10);
      }
      applyTotals(
        record,
        ctx.all(lineSet).filter((line) => line.documentId === record.id),
      );
    },
    beforeDelete: (record) => {
      if (!isOrder && record.status !== 'Draft') {
        throw new BcError(
          400,
          'Application_DialogException',
          `You cannot delete Sales Invoice ${String(record.number)} because it has been posted.`,
        );
      }
    },
  };
}

export const salesOrderEntity = salesHeader('order');
export const salesInvoiceEntity = salesHeader('invoice');
