import { Injectable } from '@nestjs/common';
import { BillingInvoices } from './billing-invoices.port.js';
import { invoiceNotFound } from './finalize-invoice.usecase.js';
import { type InvoiceRecordDto } from './invoice.dto.js';

/** Pays an invoice; a paid invoice is answered as it is. */
@Injectable()
export class PayInvoiceUseCase {
  constructor(private readonly invoices: BillingInvoices) {}

  async execute(invoiceId: string): Promise<InvoiceRecordDto> {
    const invoice = await this.invoices.pay(invoiceId);
    if (!invoice) throw invoiceNotFound(invoiceId, 'invoices.pay');
    return invoice;
  }
}
