import {
  type ChangeCursor,
  type SalesInvoiceChangeDto,
  type SalesInvoicePostOutcomeDto,
  type SalesInvoiceRecordV1,
} from '@concord/contracts';
import { type ErpChangePage } from '../sales-orders/erp-sales-orders.port.js';

/** The ERP's sales invoices, addressed by their external ID. */
export abstract class ErpSalesInvoices {
  /** Undefined when the ERP has no such invoice. */
  abstract find(externalId: string): Promise<SalesInvoiceRecordV1 | undefined>;
  /** Invoices carrying this reference (the order's external document number), across companies. */
  abstract listByReference(reference: string): Promise<SalesInvoiceRecordV1[]>;
  /** Posts a draft invoice; an invoice already posted is answered as it is. Undefined when unknown. */
  abstract post(externalId: string): Promise<SalesInvoicePostOutcomeDto | undefined>;
  abstract changesSince(
    cursor: ChangeCursor | undefined,
    limit: number,
  ): Promise<ErpChangePage<SalesInvoiceChangeDto>>;
}
