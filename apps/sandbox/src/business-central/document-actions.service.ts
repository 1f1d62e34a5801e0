import { type BcRecord } from './bc-entity.types.js';
import { BcError, notFoundSegment } from './business-central.errors.js';
import { type BusinessCentralSandbox, type Row } from './business-central.state.js';
import { type EntityService } from './entity.service.js';
import { salesInvoiceEntity, salesOrderEntity } from './entities/sales-header.entity.js';
import { salesInvoiceLineEntity, salesOrderLineEntity } from './entities/sales-line.entity.js';

const nothingToPost = (): BcError =>
  new BcError(400, 'Application_DialogException', 'There is nothing to post.');

function postedNumber(state: BusinessCentralSandbox, company: string): string {
  return `PS-INV${String(state.nextNumber(company, 'postedSalesInvoices', 103001, 1)).padStart(6, '0')}`;
}

/** Bound actions (`…/Microsoft.NAV.<action>`): posting a draft invoice, shipping and invoicing an order. */
export class DocumentActions {
  constructor(
    private readonly state: BusinessCentralSandbox,
    private readonly service: EntityService,
  ) {}

  run(company: string, set: string, row: Row, action: string): void {
    if (set === 'salesInvoices' && action === 'Microsoft.NAV.post') return this.postInvoice(company, row);
    if (set === 'salesOrders' && action === 'Microsoft.NAV.shipAndInvoice')
      return this.shipAndInvoice(company, row);
    throw notFoundSegment(action);
  }

  private postInvoice(company: string, row: Row): void {
    if (row.data.status !== 'Draft') {
      throw new BcError(
        400,
        'Application_DialogException',
        `Sales Invoice ${String(row.data.number)} has already been posted.`,
      );
    }
    if (this.service.rows(company, salesInvoiceLineEntity, String(row.data.id)).length === 0)
      throw nothingToPost();
    this.service.replace(company, salesInvoiceEntity, {
      ...row.data,
      number: postedNumber(this.state, company),
      status: 'Open',
      postingDate: row.data.postingDate ?? new Date().toISOString().slice(0, 10),
    });
  }

  private shipAndInvoice(company: string, order: Row): void {
    const lines = this.service.rows(company, salesOrderLineEntity, String(order.data.id));
    if (lines.length === 0) throw nothingToPost();
    const ctx = this.service.context(company);
    const invoice: BcRecord = {};
    for (const field of salesInvoiceEntity.fields)
      invoice[field.name] = order.data[field.name] ?? field.defaultValue ?? null;
    Object.assign(invoice, {
      id: this.state.newId(),
      status: 'Draft',
      invoiceDate: ctx.now.slice(0, 10),
      postingDate: null,
      dueDate: null,
    });
    salesInvoiceEntity.prepare?.(invoice, ctx, undefined);
    Object.assign(invoice, {
      number: postedNumber(this.state, company),
      status: 'Open',
      orderId: order.data.id,
      orderNumber: order.data.number,
      discountAmount: order.data.discountAmount,
      totalAmountExcludingTax: order.data.totalAmountExcludingTax,
      totalTaxAmount: order.data.totalTaxAmount,
      totalAmountIncludingTax: order.data.totalAmountIncludingTax,
      lastModifiedDateTime: ctx.now,
    });
    this.state
      .table(company, salesInvoiceEntity.set)
      .set(String(invoice.id), { data: invoice, version: 1, seq: this.state.nextSeq() });
    for (const line of lines) {
      const copy: BcRecord = {};
      for (const field of salesInvoiceLineEntity.fields)
        copy[field.name] = line.data[field.name] ?? field.defaultValue ?? null;
      Object.assign(copy, { id: this.state.newId(), documentId: invoice.id });
      this.state
        .table(company, salesInvoiceLineEntity.set)
        .set(String(copy.id), { data: copy, version: 1, seq: this.state.nextSeq() });
    }
    // A fully shipped and invoiced order is deleted, as Business Central does.
    this.service.remove(company, salesOrderEntity, order, undefined);
  }
}
