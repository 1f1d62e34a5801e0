import { Injectable } from '@nestjs/common';
import { AdapterError, type ProductV1 } from '@concord/contracts';
import { type ProductWriteResult } from '../../products/erp-products.port.js';
import { BusinessCentralClient } from './business-central.client.js';
import { BusinessCentralCompanies } from './business-central-companies.service.js';
import { BusinessCentralItems } from './business-central-items.service.js';
import { classifyBcAnswer, ITEM_PATHS } from './business-central.errors.js';
import { toBcItem } from './business-central-items.mappers.js';
import { anyOf, collectionUrl, companyPath, ifMatch } from './business-central.odata.js';
import {
  type BcBatchRequest,
  type BcBatchResponse,
  type BcItem,
  type BcItemWrite,
  type CompanyContext,
  type ODataCollection,
} from './business-central.types.js';

/** Business Central accepts at most 100 operations in one `$batch`. */
const BATCH_SIZE = 100;
/** Items retried one by one after a lost batch answer, this many at a time. */
const SINGLE_CONCURRENCY = 5;

const failure = (sku: string, error: AdapterError): ProductWriteResult => ({
  sku,
  ok: false,
  error: { kind: error.kind, message: error.message, details: error.details },
});

/** Bulk item upserts: per 100 products one filtered lookup and one write `$batch`. */
@Injectable()
export class BusinessCentralItemsBatch {
  constructor(
    private readonly client: BusinessCentralClient,
    private readonly companies: BusinessCentralCompanies,
    private readonly items: BusinessCentralItems,
  ) {}

  async upsertMany(products: ProductV1[]): Promise<ProductWriteResult[]> {
    const company = await this.companies.forProducts();
    const results: ProductWriteResult[] = [];
    for (let start = 0; start < products.length; start += BATCH_SIZE) {
      results.push(...(await this.chunk(company, products.slice(start, start + BATCH_SIZE))));
    }
    return results;
  }

  private async chunk(company: CompanyContext, products: ProductV1[]): Promise<ProductWriteResult[]> {
    const bodies: Array<BcItemWrite | AdapterError> = products.map((product) => {
      try {
        return toBcItem(product, company);
      } catch (error) {
        if (error instanceof AdapterError) return error;
        throw error;
      }
    });
    const writable = bodies.filter((body): body is BcItemWrite => !(body instanceof AdapterError));
    try {
      const existing = await this.lookup(
        company,
        writable.map((body) => body.number),
      );
      const requests = bodies.flatMap((body, index) =>
        body instanceof AdapterError ? [] : [this.writeRequest(String(index), company, body, existing)],
      );
      const responses = requests.length > 0 ? await this.batch(requests) : new Map<string, BcBatchResponse>();
      return await Promise.all(
        products.map(async (product, index) => {
          const body = bodies[index];
          if (body instanceof AdapterError) return failure(product.sku, body);
          if (!body) throw new Error('every product has a prepared body');
          return this.resultOf(product, company, body, responses.get(String(index)), existing);
        }),
      );
    } catch (error) {
      if (!(error instanceof AdapterError)) throw error;
      if (error.kind !== 'Temporary') return products.map((product) => failure(product.sku, error));
      // The batch answer was lost: some writes may have happened; the single path looks each item up first.
      return this.oneByOne(products);
    }
  }

  private async lookup(company: CompanyContext, numbers: string[]): Promise<Map<string, BcItem>> {
    if (numbers.length === 0) return new Map();
    const url = collectionUrl(companyPath(company.id, 'items'), { $filter: anyOf('number', numbers) });
    const answer = await this.client.call<ODataCollection<BcItem>>({
      method: 'GET',
      url,
      operation: 'items.batchLookup',
    });
    return new Map(answer.data.value.map((item) => [item.number, item]));
  }

  private writeRequest(
    id: string,
    company: CompanyContext,
    body: BcItemWrite,
    existing: Map<string, BcItem>,
  ): BcBatchRequest {
    const current = existing.get(body.number);
    const headers = { 'Content-Type': 'application/json', ...(current ? ifMatch(current) : {}) };
    return current
      ? { id, method: 'PATCH', url: companyPath(company.id, 'items', current.id), headers, body }
      : { id, method: 'POST', url: companyPath(company.id, 'items'), headers, body };
  }

  private async resultOf(
    product: ProductV1,
    company: CompanyContext,
    body: BcItemWrite,
    response: BcBatchResponse | undefined,
    existing: Map<string, BcItem>,
  ): Promise<ProductWriteResult> {
    if (response && response.status < 300) {
      const outcome = this.items.outcome(company, response.body as BcItem, !existing.has(body.number));
      return { sku: product.sku, ok: true, outcome };
    }
    const error = classifyBcAnswer(
      { status: response?.status ?? 502, body: response?.body },
      { operation: 'items.batchUpsert', sent: body, paths: ITEM_PATHS },
    );
    // A concurrent create or a stale ETag: the single path re-reads and writes again.
    if (error.kind === 'Conflict' || error.kind === 'Temporary') return this.single(product);
    return failure(product.sku, error);
  }

  private async single(product: ProductV1): Promise<ProductWriteResult> {
    try {
      return { sku: product.sku, ok: true, outcome: await this.items.upsert(product) };
    } catch (error) {
      if (error instanceof AdapterError) return failure(product.sku, error);
      throw error;
    }
  }

  private async oneByOne(products: ProductV1[]): Promise<ProductWriteResult[]> {
    const results: ProductWriteResult[] = [];
    for (let start = 0; start < products.length; start += SINGLE_CONCURRENCY) {
      const slice = products.slice(start, start + SINGLE_CONCURRENCY);
      results.push(...(await Promise.all(slice.map((product) => this.single(product)))));
    }
    return results;
  }

  private async batch(requests: BcBatchRequest[]): Promise<Map<string, BcBatchResponse>> {
    const answer = await this.client.call<{ responses: BcBatchResponse[] }>({
      method: 'POST',
      url: '$batch',
      headers: { 'Content-Type': 'application/json' },
      body: { requests },
      operation: 'items.batchUpsert',
    });
    return new Map(answer.data.responses.map((response) => [response.id, response]));
  }
}
