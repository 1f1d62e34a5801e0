import { Injectable } from '@nestjs/common';
import {
  AdapterError,
  type ChangeCursor,
  type SalesOrderChangeDto,
  type SalesOrderOutcomeDto,
  type SalesOrderRecordV1,
  type SalesOrderV1,
} from '@concord/contracts';
import { type ErpChangePage, ErpSalesOrders } from '../../sales-orders/erp-sales-orders.port.js';
import { BusinessCentralClient } from './business-central.client.js';
import { BusinessCentralCompanies } from './business-central-companies.service.js';
import { BusinessCentralDeltaFeed } from './business-central-delta-feed.service.js';
import { BC_SYSTEM, fieldPaths, outcomeUnknown, SALES_PATHS } from './business-central.errors.js';
import { parseExternalId } from './business-central.mappers.js';
import { anyOf, collectionUrl, companyPath, readAll } from './business-central.odata.js';
import { salesFeedSpec } from './business-central-sales-feed.util.js';
import {
  documentCurrency,
  fromBcSalesOrder,
  sortedLines,
  toBcSalesLine,
  toBcSalesOrder,
} from './business-central-sales.mappers.js';
import { type BcSalesLine, type BcSalesOrder, type CompanyContext } from './business-central.types.js';

const LINES = 'salesOrderLines';

function rejectedCustomer(message: string): AdapterError {
  return new AdapterError({
    kind: 'Rejected',
    system: BC_SYSTEM,
    operation: 'salesOrders.create',
    message,
    details: [{ path: 'customerExternalId', message }],
  });
}

/**
 * Sales orders on Business Central. The reference is the external document number, the key that
 * makes a create idempotent: the order is looked up by it before it is created, and again after a
 * create whose answer was lost. Lines have no key of their own, so they are matched by position:
 * the n-th line sent is the n-th line of the document.
 */
@Injectable()
export class BusinessCentralSalesOrders extends ErpSalesOrders {
  constructor(
    private readonly client: BusinessCentralClient,
    private readonly companies: BusinessCentralCompanies,
    private readonly feed: BusinessCentralDeltaFeed,
  ) {
    super();
  }

  async create(order: SalesOrderV1): Promise<SalesOrderOutcomeDto> {
    const { company, customerId } = await this.customerOf(order.customerExternalId);
    const header = toBcSalesOrder(order, customerId, company);
    let existing = await this.lookup(company, order.reference);
    if (existing && existing.customerId !== customerId) {
      throw new AdapterError({
        kind: 'Conflict',
        system: BC_SYSTEM,
        operation: 'salesOrders.create',
        message: `Sales order ${existing.number} already carries reference ${order.reference} for another customer`,
        details: [{ path: 'reference', message: 'used by an order of another customer' }],
      });
    }
    const created = !existing;
    existing ??= await this.post(company, order.reference, header);
    const currency = documentCurrency(existing.currencyCode, company);
    const writes = order.lines.map((line, index) => toBcSalesLine(line, index, currency));
    let lines = sortedLines(existing.salesOrderLines);
    for (let index = lines.length; index < writes.length; index = lines.length) {
      lines = await this.addLine(company, existing.id, writes[index], lines.length);
    }
    const stored = await this.read(company, existing.id);
    return { created, order: fromBcSalesOrder(stored, company) };
  }

  async find(reference: string): Promise<SalesOrderRecordV1 | undefined> {
    for (const company of await this.companies.all()) {
      const order = await this.lookup(company, reference);
      if (order) return fromBcSalesOrder(order, company);
    }
    return undefined;
  }

  async changesSince(
    cursor: ChangeCursor | undefined,
    limit: number,
  ): Promise<ErpChangePage<SalesOrderChangeDto>> {
    const spec = salesFeedSpec('salesOrders', LINES, await this.companies.all(), fromBcSalesOrder);
    return this.feed.page<BcSalesOrder, SalesOrderChangeDto>(spec, cursor, limit);
  }

  private async customerOf(externalId: string): Promise<{ company: CompanyContext; customerId: string }> {
    const parsed = parseExternalId(externalId);
    const company = parsed && (await this.companies.byId(parsed.companyId));
    if (!parsed || !company) throw rejectedCustomer(`${externalId} names no ERP customer Concord knows`);
    return { company, customerId: parsed.customerId.toLowerCase() };
  }

  private async lookup(company: CompanyContext, reference: string): Promise<BcSalesOrder | undefined> {
    const url = collectionUrl(companyPath(company.id, 'salesOrders'), {
      $filter: anyOf('externalDocumentNumber', [reference]),
      $expand: LINES,
    });
    return (await readAll<BcSalesOrder>(this.client, url, 'salesOrders.lookup')).items[0];
  }

  private async read(company: CompanyContext, id: string): Promise<BcSalesOrder> {
    const url = collectionUrl(companyPath(company.id, 'salesOrders', id), { $expand: LINES });
    return (await this.client.call<BcSalesOrder>({ method: 'GET', url, operation: 'salesOrders.get' })).data;
  }

  private async post(
    company: CompanyContext,
    reference: string,
    body: ReturnType<typeof toBcSalesOrder>,
  ): Promise<BcSalesOrder> {
    try {
      return await this.send<BcSalesOrder>(
        companyPath(company.id, 'salesOrders'),
        body,
        'salesOrders.create',
      );
    } catch (error) {
      if (!(error instanceof AdapterError) || !outcomeUnknown(error)) throw error;
      // The answer was lost: the order may exist now, and creating it again would make two.
      const found = await this.lookup(company, reference);
      return (
        found ?? this.send<BcSalesOrder>(companyPath(company.id, 'salesOrders'), body, 'salesOrders.create')
      );
    }
  }

  /** Adds the line at `position`; answers the document's lines afterwards. */
  private async addLine(
    company: CompanyContext,
    orderId: string,
    body: ReturnType<typeof toBcSalesLine> | undefined,
    position: number,
  ): Promise<BcSalesLine[]> {
    const path = `${companyPath(company.id, 'salesOrders', orderId)}/${LINES}`;
    try {
      await this.send<BcSalesLine>(path, body, 'salesOrderLines.create', position);
    } catch (error) {
      if (!(error instanceof AdapterError) || !outcomeUnknown(error)) throw error;
      const lines = await this.lines(path);
      if (lines.length > position) return lines;
      await this.send<BcSalesLine>(path, body, 'salesOrderLines.create', position);
    }
    return this.lines(path);
  }

  private async lines(path: string): Promise<BcSalesLine[]> {
    return sortedLines((await readAll<BcSalesLine>(this.client, path, 'salesOrderLines.list')).items);
  }

  private async send<T>(url: string, body: unknown, operation: string, line?: number): Promise<T> {
    const sent = body as Record<string, unknown>;
    const paths = SALES_PATHS(line);
    try {
      return (await this.client.call<T>({ method: 'POST', url, body, sent, operation, paths })).data;
    } catch (error) {
      if (!(error instanceof AdapterError) || error.kind !== 'NotFound') throw error;
      // A customer or item the document names does not exist: the request is wrong, not the URL.
      const details = fieldPaths(error.message, sent, paths).map((path) => ({
        path,
        message: error.message,
      }));
      throw new AdapterError({
        kind: 'Rejected',
        system: error.system,
        operation,
        message: error.message,
        details,
        vendor: error.vendor,
        cause: error,
      });
    }
  }
}
