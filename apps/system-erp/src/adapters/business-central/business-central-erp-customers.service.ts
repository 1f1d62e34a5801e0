import { Injectable } from '@nestjs/common';
import {
  AdapterError,
  type ChangeCursor,
  type CustomerRecordV1,
  type CustomerV1,
  type UpsertOutcomeDto,
} from '@concord/contracts';
import {
  type CustomerWrite,
  type CustomerWriteResult,
  type ErpChangePage,
  ErpCustomers,
} from '../../customers/erp-customers.port.js';
import {
  type FinanceDimension,
  FinanceDimensionsRepository,
} from '../../customers/finance-dimensions.repository.js';
import { BusinessCentralBatch } from './business-central-batch.service.js';
import { BusinessCentralChanges } from './business-central-changes.service.js';
import { BusinessCentralCompanies } from './business-central-companies.service.js';
import { BusinessCentralCustomers } from './business-central-customers.service.js';
import { BusinessCentralDimensions } from './business-central-dimensions.service.js';
import { fromBcCustomer, parseExternalId } from './business-central.mappers.js';

/** Customers whose default dimensions are written at the same time, after a bulk upsert. */
const DIMENSION_CONCURRENCY = 5;

/** The ERP customer port on Microsoft Dynamics 365 Business Central. */
@Injectable()
export class BusinessCentralErpCustomers extends ErpCustomers {
  constructor(
    private readonly customers: BusinessCentralCustomers,
    private readonly companies: BusinessCentralCompanies,
    private readonly batch: BusinessCentralBatch,
    private readonly changes: BusinessCentralChanges,
    private readonly dimensions: BusinessCentralDimensions,
    private readonly dimensionRules: FinanceDimensionsRepository,
  ) {
    super();
  }

  async find(concordId: string, knownExternalId?: string): Promise<CustomerRecordV1 | undefined> {
    const known = knownExternalId ? await this.customers.byExternalId(knownExternalId) : undefined;
    const found = known ?? (await this.customers.find(concordId));
    if (!found) return undefined;
    const terms = await this.companies.paymentTerms(found.company.id);
    return { concordId, ...fromBcCustomer(found.customer, found.company, terms) };
  }

  /** The customer, then its default finance dimensions from the territory and segment rules. */
  async upsert(concordId: string, customer: CustomerV1): Promise<UpsertOutcomeDto> {
    const outcome = await this.customers.upsert(concordId, customer);
    const [wanted = []] = await this.dimensionRules.forCustomers([customer]);
    await this.applyDimensions(outcome, wanted);
    return outcome;
  }

  /** The bulk path, then the dimensions of the customers that have any, a few at a time. */
  async upsertMany(writes: CustomerWrite[]): Promise<CustomerWriteResult[]> {
    const results = await this.batch.upsertMany(writes);
    const wanted = await this.dimensionRules.forCustomers(writes.map((write) => write.customer));
    const settled: CustomerWriteResult[] = [];
    for (let start = 0; start < results.length; start += DIMENSION_CONCURRENCY) {
      const slice = results.slice(start, start + DIMENSION_CONCURRENCY);
      settled.push(
        ...(await Promise.all(
          slice.map((result, offset) => this.withDimensions(result, wanted[start + offset] ?? [])),
        )),
      );
    }
    return settled;
  }

  private async withDimensions(
    result: CustomerWriteResult,
    wanted: FinanceDimension[],
  ): Promise<CustomerWriteResult> {
    if (!result.ok || wanted.length === 0) return result;
    try {
      await this.applyDimensions(result.outcome, wanted);
      return result;
    } catch (error) {
      if (!(error instanceof AdapterError)) throw error;
      const { kind, message, details } = error;
      return { concordId: result.concordId, ok: false, error: { kind, message, details } };
    }
  }

  private async applyDimensions(outcome: UpsertOutcomeDto, wanted: FinanceDimension[]): Promise<void> {
    if (wanted.length === 0) return;
    const parsed = parseExternalId(outcome.externalId);
    const company = parsed ? await this.companies.byId(parsed.companyId) : undefined;
    if (parsed && company) await this.dimensions.apply(company, parsed.customerId, wanted);
  }

  changesSince(cursor: ChangeCursor | undefined, limit: number): Promise<ErpChangePage> {
    return this.changes.changesSince(cursor, limit);
  }
}
