import { Injectable } from '@nestjs/common';
import { AdapterError } from '@concord/contracts';
import { BillingInvoices } from './billing-invoices.port.js';
import { type InvoiceRecordDto } from './invoice.dto.js';

export function invoiceNotFound(invoiceId: string, operation: string): AdapterError {
  return new AdapterError({
    kind: 'NotFound',
    system: 'billing',
    operation,
    message: `no billing invoice ${invoiceId}`,
  });
}

/** Finalizes a draft invoice; an invoice finalized before is answered as it is. */
@Injectable()
export class FinalizeInvoiceUseCase {
  constructor(private readonly invoices: BillingInvoices) {}

  async execute(invoiceId: string): Promise<InvoiceRecordDto> {
    const invoice = await this.invoices.finalize(invoiceId);
    if (!invoice) throw invoiceNotFound(invoiceId, 'invoices.finalize');
    return invoice;
  }
}
