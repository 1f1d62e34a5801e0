import { Injectable } from '@nestjs/common';
import { AdapterError, type CustomerV1, type UpsertOutcomeDto } from '@concord/contracts';
import { BusinessCentralClient } from './business-central.client.js';
import { BusinessCentralCompanies } from './business-central-companies.service.js';
import { outcomeUnknown } from './business-central.errors.js';
import { customerNumber, externalIdOf, parseExternalId, toBcCustomer } from './business-central.mappers.js';
import { anyOf, collectionUrl, companyPath, ifMatch } from './business-central.odata.js';
import {
  type BcCustomer,
  type BcCustomerWrite,
  type CompanyContext,
  type ODataCollection,
} from './business-central.types.js';

export interface FoundCustomer {
  company: CompanyContext;
  customer: BcCustomer;
}

const isSameKeyConflict = (error: AdapterError): boolean =>
  error.vendor?.code === 'Internal_EntityWithSameKeyExists';
const isEtagConflict = (error: AdapterError): boolean => error.vendor?.code === 'Request_EntityChanged';

/** Idempotent single-customer writes and reads by Concord's deterministic customer number. */
@Injectable()
export class BusinessCentralCustomers {
  constructor(
    private readonly client: BusinessCentralClient,
    private readonly companies: BusinessCentralCompanies,
  ) {}

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

  async lookup(company: CompanyContext, number: string): Promise<BcCustomer | undefined> {
    const url = collectionUrl(companyPath(company.id, 'customers'), { $filter: anyOf('number', [number]) });
    const answer = await this.client.call<ODataCollection<BcCustomer>>({
      method: 'GET',
      url,
      operation: 'customers.lookup',
    });
    return answer.data.value[0];
  }

  async upsert(concordId: string, customer: CustomerV1): Promise<UpsertOutcomeDto> {
    const company = await this.companies.forCountry(customer.country);
    const terms = await this.companies.paymentTerms(company.id);
    const body = toBcCustomer(concordId, customer, company, terms);
    const existing = await this.lookup(company, body.number);
    if (existing) return this.outcome(company, await this.patch(company, existing, body), false);
    try {
      return this.outcome(company, await this.post(company, body), true);
    } catch (error) {
      if (!(error instanceof AdapterError)) throw error;
      if (isSameKeyConflict(error)) {
        // An earlier or concurrent create won: update that record instead.
        const winner = await this.lookup(company, body.number);
        if (!winner) throw error;
        return this.outcome(company, await this.patch(company, winner, body), false);
      }
      if (!outcomeUnknown(error)) throw error;
      // The answer was lost: the create may have happened, so look before creating again.
      const created = await this.lookup(company, body.number);
      if (created) return this.outcome(company, created, true);
      return this.outcome(company, await this.post(company, body), true);
    }
  }

  /** PATCH with the entity's ETag; a stale ETag is re-read and retried once. */
  async patch(company: CompanyContext, current: BcCustomer, body: BcCustomerWrite): Promise<BcCustomer> {
    try {
      return await this.patchOnce(company, current, body);
    } catch (error) {
      if (!(error instanceof AdapterError) || !isEtagConflict(error)) throw error;
      const fresh = await this.lookup(company, body.number);
      if (!fresh) throw error;
      return this.patchOnce(company, fresh, body);
    }
  }

  private async patchOnce(company: CompanyContext, current: BcCustomer, body: BcCustomerWrite) {
    const answer = await this.client.call<BcCustomer>({
      method: 'PATCH',
      url: companyPath(company.id, 'customers', current.id),
      headers: ifMatch(current),
      body,
      operation: 'customers.update',
      sent: body,
    });
    return answer.data;
  }

  private async post(company: CompanyContext, body: BcCustomerWrite): Promise<BcCustomer> {
    const answer = await this.client.call<BcCustomer>({
      method: 'POST',
      url: companyPath(company.id, 'customers'),
      body,
      operation: 'customers.create',
      sent: body,
    });
    return answer.data;
  }

  outcome(company: CompanyContext, customer: BcCustomer, created: boolean): UpsertOutcomeDto {
    return {
      externalId: externalIdOf(company.id, customer.id),
      created,
      sourceVersion: customer.lastModifiedDateTime,
    };
  }
}
