import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  type SalesInvoiceChangePageDto,
  type SalesInvoiceListDto,
  type SalesInvoicePostOutcomeDto,
  type SalesInvoiceRecordV1,
} from '@concord/contracts';
import { ConcordException } from '@concord/governance';
import { readFeedPage } from '../change-feed/feed-page.util.js';
import { ErpSalesInvoices } from './erp-sales-invoices.port.js';

const unknownInvoice = (externalId: string): ConcordException =>
  new ConcordException(ErrorCode.NOT_FOUND, `No ERP sales invoice ${externalId}`, [
    { path: 'externalId', message: 'unknown in the ERP' },
  ]);

/** Reads and posting of ERP sales invoices. */
@Injectable()
export class SalesInvoicesUseCase {
  constructor(private readonly invoices: ErpSalesInvoices) {}

  async get(externalId: string): Promise<SalesInvoiceRecordV1> {
    const invoice = await this.invoices.find(externalId);
    if (!invoice) throw unknownInvoice(externalId);
    return invoice;
  }

  async list(reference: string): Promise<SalesInvoiceListDto> {
    return { invoices: await this.invoices.listByReference(reference) };
  }

  /** Idempotent: posting an invoice already posted answers it with `posted: false`. */
  async post(externalId: string): Promise<SalesInvoicePostOutcomeDto> {
    const outcome = await this.invoices.post(externalId);
    if (!outcome) throw unknownInvoice(externalId);
    return outcome;
  }

  changes(cursor: string | undefined, limit: number): Promise<SalesInvoiceChangePageDto> {
    return readFeedPage((decoded) => this.invoices.changesSince(decoded, limit), cursor);
  }
}
