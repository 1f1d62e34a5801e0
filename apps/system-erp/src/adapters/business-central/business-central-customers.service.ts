import { Injectable } from '@nestjs/common';
import { AdapterError, type CustomerV1, type UpsertOutcomeDto } from '@concord/contracts';
import { BusinessCentralClient } from './business-central.client.js';
import { BusinessCentralCompanies } from './business-central-companies.service.js';
import { customerNumber, parseExternalId, toBcCustomer } from './business-central.mappers.js';
import { companyPath } from './business-central.odata.js';
import { NumberedEntityStore } from './numbered-entity.store.js';
import { type BcCustomer, type BcCustomerWrite, type CompanyContext } from './business-central.types.js';

export interface FoundCustomer {
  company: CompanyContext;
  customer: BcCustomer;
}

/** Idempotent single-customer writes and reads by Concord's deterministic customer number. */
@Injectable()
export class BusinessCentralCustomers {
  private readonly store: NumberedEntityStore<BcCustomer, BcCustomerWrite>;

  constructor(
    private readonly client: BusinessCentralClient,
    private readonly companies: BusinessCentralCompanies,
  ) {
    this.store = new NumberedEntityStore(client, { set: 'customers' });
  }

  /** The customer with Concord's number for this canonical ID, in whichever company holds it. */
  async find(concordId: string): Promise<FoundCustomer | undefined> {
    const companies = await this.companies.all();
    const found = await Promise.all(
      companies.map(async (company) => {
        const customer = await this.lookup(company, customerNumber(concordId));
        return customer ? { company, customer } : undefined;
      }),
    );
    return found.find((entry) => entry !== undefined);
  }

  /** The customer an external ID names; undefined when that record or its company is gone. */
  async byExternalId(externalId: string): Promise<FoundCustomer | undefined> {
    const parsed = parseExternalId(externalId);
    const company = parsed ? await this.companies.byId(parsed.companyId) : undefined;
    if (!parsed || !company) return undefined;
    try {
      const answer = await this.client.call<BcCustomer>({
        method: 'GET',
        url: companyPath(company.id, 'customers', parsed.customerId),
        operation: 'customers.read',
      });
      return { company, customer: answer.data };
    } catch (error) {
      if (error instanceof AdapterError && error.kind === 'NotFound') return undefined;
      throw error;
    }
  }

  lookup(company: CompanyContext, number: string): Promise<BcCustomer | undefined> {
    return this.store.lookup(company, number);
  }

  async upsert(concordId: string, customer: CustomerV1): Promise<UpsertOutcomeDto> {
    const company = await this.companies.forCountry(customer.country);
    const terms = await this.companies.paymentTerms(company.id);
    return this.store.upsert(company, toBcCustomer(concordId, customer, company, terms));
  }

  outcome(company: CompanyContext, customer: BcCustomer, created: boolean): UpsertOutcomeDto {
    return this.store.outcome(company, customer, created);
  }
}
