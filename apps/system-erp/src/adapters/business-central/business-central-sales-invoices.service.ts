import { Injectable } from '@nestjs/common';
import {
  AdapterError,
  type ChangeCursor,
  type SalesInvoiceChangeDto,
  type SalesInvoicePostOutcomeDto,
  type SalesInvoiceRecordV1,
} from '@concord/contracts';
import { ErpSalesInvoices } from '../../sales-invoices/erp-sales-invoices.port.js';
import { type ErpChangePage } from '../../sales-orders/erp-sales-orders.port.js';
import { BusinessCentralClient } from './business-central.client.js';
import { BusinessCentralCompanies } from './business-central-companies.service.js';
import { BusinessCentralDeltaFeed } from './business-central-delta-feed.service.js';
import { outcomeUnknown } from './business-central.errors.js';
import { parseExternalId } from './business-central.mappers.js';
import { anyOf, collectionUrl, companyPath, readAll } from './business-central.odata.js';
import { salesFeedSpec } from './business-central-sales-feed.util.js';
import { fromBcSalesInvoice } from './business-central-sales.mappers.js';
import { type BcSalesInvoice, type CompanyContext } from './business-central.types.js';

const LINES = 'salesInvoiceLines';
const DRAFT = 'Draft';

/** Sales invoices on Business Central: reads, the change feed, and posting (`Microsoft.NAV.post`). */
@Injectable()
export class BusinessCentralSalesInvoices extends ErpSalesInvoices {
  constructor(
    private readonly client: BusinessCentralClient,
    private readonly companies: BusinessCentralCompanies,
    private readonly feed: BusinessCentralDeltaFeed,
  ) {
    super();
  }

  async find(externalId: string): Promise<SalesInvoiceRecordV1 | undefined> {
    const found = await this.read(externalId);
    return found && fromBcSalesInvoice(found.invoice, found.company);
  }

  async listByReference(reference: string): Promise<SalesInvoiceRecordV1[]> {
    const records: SalesInvoiceRecordV1[] = [];
    for (const company of await this.companies.all()) {
      const url = collectionUrl(companyPath(company.id, 'salesInvoices'), {
        $filter: anyOf('externalDocumentNumber', [reference]),
        $expand: LINES,
      });
      const { items } = await readAll<BcSalesInvoice>(this.client, url, 'salesInvoices.list');
      records.push(...items.map((invoice) => fromBcSalesInvoice(invoice, company)));
    }
    return records;
  }

  /**
   * Posting is not repeatable in Business Central (a posted invoice answers 400), so a draft is
   * posted once, and after a lost answer the invoice is read back to learn whether it was posted.
   */
  async post(externalId: string): Promise<SalesInvoicePostOutcomeDto | undefined> {
    const found = await this.read(externalId);
    if (!found) return undefined;
    const { company, invoice } = found;
    if (invoice.status !== DRAFT) return { posted: false, invoice: fromBcSalesInvoice(invoice, company) };
    const url = `${companyPath(company.id, 'salesInvoices', invoice.id)}/Microsoft.NAV.post`;
    try {
      await this.client.call({ method: 'POST', url, operation: 'salesInvoices.post' });
    } catch (error) {
      if (!(error instanceof AdapterError) || !outcomeUnknown(error)) throw error;
      const after = await this.read(externalId);
      if (!after || after.invoice.status === DRAFT) throw error;
    }
    const posted = await this.read(externalId);
    if (!posted) return undefined;
    return { posted: true, invoice: fromBcSalesInvoice(posted.invoice, posted.company) };
  }

  async changesSince(
    cursor: ChangeCursor | undefined,
    limit: number,
  ): Promise<ErpChangePage<SalesInvoiceChangeDto>> {
    const spec = salesFeedSpec('salesInvoices', LINES, await this.companies.all(), fromBcSalesInvoice);
    return this.feed.page<BcSalesInvoice, SalesInvoiceChangeDto>(spec, cursor, limit);
  }

  private async read(
    externalId: string,
  ): Promise<{ company: CompanyContext; invoice: BcSalesInvoice } | undefined> {
    const parsed = parseExternalId(externalId);
    const company = parsed && (await this.companies.byId(parsed.companyId));
    if (!parsed || !company) return undefined;
    const url = collectionUrl(companyPath(company.id, 'salesInvoices', parsed.customerId), {
      $expand: LINES,
    });
    try {
      const answer = await this.client.call<BcSalesInvoice>({
        method: 'GET',
        url,
        operation: 'salesInvoices.get',
      });
      return { company, invoice: answer.data };
    } catch (error) {
      if (error instanceof AdapterError && error.kind === 'NotFound') return undefined;
      throw error;
    }
  }
}
