import { Injectable } from '@nestjs/common';
import {
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
import { FinanceDimensionsRepository } from '../../customers/finance-dimensions.repository.js';
import { BusinessCentralBatch } from './business-central-batch.service.js';
import { BusinessCentralChanges } from './business-central-changes.service.js';
import { BusinessCentralCompanies } from './business-central-companies.service.js';
import { BusinessCentralCustomers } from './business-central-customers.service.js';
import { BusinessCentralDimensions } from './business-central-dimensions.service.js';
import { fromBcCustomer, parseExternalId } from './business-central.mappers.js';

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
    const wanted = await this.dimensionRules.forCustomer(customer);
    const parsed = parseExternalId(outcome.externalId);
    const company = parsed ? await this.companies.byId(parsed.companyId) : undefined;
    if (wanted.length > 0 && parsed && company)
      await this.dimensions.apply(company, parsed.customerId, wanted);
    return outcome;
  }

  upsertMany(writes: CustomerWrite[]): Promise<CustomerWriteResult[]> {
    return this.batch.upsertMany(writes);
  }

  changesSince(cursor: ChangeCursor | undefined, limit: number): Promise<ErpChangePage> {
    return this.changes.changesSince(cursor, limit);
  }
}
