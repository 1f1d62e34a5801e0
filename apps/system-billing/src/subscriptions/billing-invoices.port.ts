import { type InvoiceRecordDto } from './invoice.dto.js';

/** The billing system's invoices; one implementation per billing vendor. */
export abstract class BillingInvoices {
  /** The invoices of a billing subscription, newest first. */
  abstract listForSubscription(subscriptionExternalId: string): Promise<InvoiceRecordDto[]>;

  /** Finalizes a draft invoice; one already finalized is answered as it is. Undefined when unknown. */
  abstract finalize(invoiceId: string): Promise<InvoiceRecordDto | undefined>;

  /** Pays an invoice (finalizing a draft first); a paid one is answered as it is. Undefined when unknown. */
  abstract pay(invoiceId: string): Promise<InvoiceRecordDto | undefined>;
}
