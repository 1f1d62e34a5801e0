import { Injectable } from '@nestjs/common';
import { AdapterError } from '@concord/contracts';
import { type CustomerWrite, type CustomerWriteResult } from '../../customers/erp-customers.port.js';
import { BusinessCentralClient } from './business-central.client.js';
import { BusinessCentralCompanies } from './business-central-companies.service.js';
import { BusinessCentralCustomers } from './business-central-customers.service.js';
import { classifyBcAnswer } from './business-central.errors.js';
import { toBcCustomer } from './business-central.mappers.js';
import { anyOf, collectionUrl, companyPath, ifMatch } from './business-central.odata.js';
import {
  type BcBatchRequest,
  type BcBatchResponse,
  type BcCustomer,
  type BcCustomerWrite,
  type CompanyContext,
  type ODataCollection,
} from './business-central.types.js';

/** Business Central accepts at most 100 operations in one `$batch`. */
const BATCH_SIZE = 100;
/** Items retried one by one after a lost batch answer, this many at a time. */
const SINGLE_CONCURRENCY = 5;

interface Prepared {
  write: CustomerWrite;
  company: CompanyContext;
  body: BcCustomerWrite;
}

function failure(concordId: string, error: AdapterError): CustomerWriteResult {
  return {
    concordId,
    ok: false,
    error: { kind: error.kind, message: error.message, details: error.details },
  };
}

/** Bulk upserts: one lookup `$batch` and one write `$batch` per 100 customers. */
@Injectable()
export class BusinessCentralBatch {
  constructor(
    private readonly client: BusinessCentralClient,
    private readonly companies: BusinessCentralCompanies,
    private readonly customers: BusinessCentralCustomers,
  ) {}

  async upsertMany(writes: CustomerWrite[]): Promise<CustomerWriteResult[]> {
    const results: CustomerWriteResult[] = [];
    for (let start = 0; start < writes.length; start += BATCH_SIZE) {
      results.push(...(await this.chunk(writes.slice(start, start + BATCH_SIZE))));
    }
    return results;
  }

  private async chunk(writes: CustomerWrite[]): Promise<CustomerWriteResult[]> {
    const prepared = await Promise.all(
      writes.map(async (write): Promise<Prepared> => {
        const company = await this.companies.forCountry(write.customer.country);
        const terms = await this.companies.paymentTerms(company.id);
        return { write, company, body: toBcCustomer(write.concordId, write.customer, company, terms) };
      }),
    );
    try {
      const existing = await this.lookup(prepared);
      const responses = await this.batch(
        prepared.map((item, index) => this.writeRequest(String(index), item, existing)),
        'customers.batchUpsert',
      );
      return await Promise.all(
        prepared.map((item, index) => this.resultOf(item, responses.get(String(index)), existing)),
      );
    } catch (error) {
      if (!(error instanceof AdapterError)) throw error;
      if (error.kind !== 'Temporary') return prepared.map((item) => failure(item.write.concordId, error));
      // The batch answer was lost: some writes may have happened, so each item looks itself up first.
      return this.oneByOne(prepared);
    }
  }

  /** Existing customers by number, one filtered GET per company, all in one `$batch`. */
  private async lookup(prepared: Prepared[]): Promise<Map<string, BcCustomer>> {
    const byCompany = new Map<string, string[]>();
    for (const item of prepared) {
      byCompany.set(item.company.id, [...(byCompany.get(item.company.id) ?? []), item.body.number]);
    }
    const requests: BcBatchRequest[] = [...byCompany].map(([companyId, numbers]) => ({
      id: companyId,
      method: 'GET',
      url: collectionUrl(companyPath(companyId, 'customers'), { $filter: anyOf('number', numbers) }),
    }));
    const responses = await this.batch(requests, 'customers.batchLookup');
    const found = new Map<string, BcCustomer>();
    for (const companyId of byCompany.keys()) {
      const response = responses.get(companyId);
      if (!response || response.status >= 300) {
        throw classifyBcAnswer(
          { status: response?.status ?? 502, body: response?.body },
          { operation: 'customers.batchLookup' },
        );
      }
      for (const customer of (response.body as ODataCollection<BcCustomer>).value)
        found.set(`${companyId}/${customer.number}`, customer);
    }
    return found;
  }

  private writeRequest(id: string, item: Prepared, existing: Map<string, BcCustomer>): BcBatchRequest {
    const current = existing.get(`${item.company.id}/${item.body.number}`);
    return current
      ? {
          id,
          method: 'PATCH',
          url: companyPath(item.company.id, 'customers', current.id),
          headers: { 'Content-Type': 'application/json', ...ifMatch(current) },
          body: item.body,
        }
      : {
          id,
          method: 'POST',
          url: companyPath(item.company.id, 'customers'),
          headers: { 'Content-Type': 'application/json' },
          body: item.body,
        };
  }

  private async resultOf(
    item: Prepared,
    response: BcBatchResponse | undefined,
    existing: Map<string, BcCustomer>,
  ): Promise<CustomerWriteResult> {
    const { concordId } = item.write;
    if (response && response.status < 300) {
      const created = !existing.has(`${item.company.id}/${item.body.number}`);
      return {
        concordId,
        ok: true,
        outcome: this.customers.outcome(item.company, response.body as BcCustomer, created),
      };
    }
    const error = classifyBcAnswer(
      { status: response?.status ?? 502, body: response?.body },
      { operation: 'customers.batchUpsert', sent: item.body },
    );
    // A concurrent create or a stale ETag: the single path re-reads and writes again.
    if (error.kind === 'Conflict' || error.kind === 'Temporary') return this.single(item);
    return failure(concordId, error);
  }

  private async single(item: Prepared): Promise<CustomerWriteResult> {
    try {
      const outcome = await this.customers.upsert(item.write.concordId, item.write.customer);
      return { concordId: item.write.concordId, ok: true, outcome };
    } catch (error) {
      if (error instanceof AdapterError) return failure(item.write.concordId, error);
      throw error;
    }
  }

  private async oneByOne(prepared: Prepared[]): Promise<CustomerWriteResult[]> {
    const results: CustomerWriteResult[] = [];
    for (let start = 0; start < prepared.length; start += SINGLE_CONCURRENCY) {
      const slice = prepared.slice(start, start + SINGLE_CONCURRENCY);
      results.push(...(await Promise.all(slice.map((item) => this.single(item)))));
    }
    return results;
  }

  private async batch(requests: BcBatchRequest[], operation: string): Promise<Map<string, BcBatchResponse>> {
    const answer = await this.client.call<{ responses: BcBatchResponse[] }>({
      method: 'POST',
      url: '$batch',
      headers: { 'Content-Type': 'application/json' },
      body: { requests },
      operation,
    });
    return new Map(answer.data.responses.map((response) => [response.id, response]));
  }
}
