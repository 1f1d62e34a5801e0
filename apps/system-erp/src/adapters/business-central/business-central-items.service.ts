import { Injectable } from '@nestjs/common';
import { AdapterError, type ProductV1, type UpsertOutcomeDto } from '@concord/contracts';
import { BusinessCentralClient } from './business-central.client.js';
import { BusinessCentralCompanies } from './business-central-companies.service.js';
import { ITEM_PATHS, outcomeUnknown } from './business-central.errors.js';
import { toBcItem } from './business-central-items.mappers.js';
import { externalIdOf } from './business-central.mappers.js';
import { anyOf, collectionUrl, companyPath, ifMatch } from './business-central.odata.js';
import { type BcItem, type CompanyContext, type ODataCollection } from './business-central.types.js';

export interface FoundItem {
  company: CompanyContext;
  item: BcItem;
}

const isSameKeyConflict = (error: AdapterError): boolean =>
  error.vendor?.code === 'Internal_EntityWithSameKeyExists';
const isEtagConflict = (error: AdapterError): boolean => error.vendor?.code === 'Request_EntityChanged';

/** Idempotent item writes and reads by number (= SKU) in the product company. */
@Injectable()
export class BusinessCentralItems {
  constructor(
    private readonly client: BusinessCentralClient,
    private readonly companies: BusinessCentralCompanies,
  ) {}

  async find(sku: string): Promise<FoundItem | undefined> {
    const company = await this.companies.forProducts();
    const item = await this.lookup(company, sku);
    return item ? { company, item } : undefined;
  }

  async lookup(company: CompanyContext, sku: string): Promise<BcItem | undefined> {
    const url = collectionUrl(companyPath(company.id, 'items'), { $filter: anyOf('number', [sku]) });
    const answer = await this.client.call<ODataCollection<BcItem>>({
      method: 'GET',
      url,
      operation: 'items.lookup',
    });
    return answer.data.value[0];
  }

  async upsert(product: ProductV1): Promise<UpsertOutcomeDto> {
    const company = await this.companies.forProducts();
    const body = toBcItem(product, company);
    const existing = await this.lookup(company, body.number);
    if (existing) return this.outcome(company, await this.patch(company, existing, body), false);
    try {
      return this.outcome(company, await this.post(company, body), true);
    } catch (error) {
      if (!(error instanceof AdapterError)) throw error;
      if (isSameKeyConflict(error)) {
        // An earlier or concurrent create won: update that item instead.
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

  /** Blocks the item; an item already blocked is left as it is. */
  async deactivate(sku: string): Promise<FoundItem | undefined> {
    const found = await this.find(sku);
    if (!found || found.item.blocked) return found;
    const item = await this.patch(found.company, found.item, { blocked: true });
    return { company: found.company, item };
  }

  /** PATCH with the entity's ETag; a stale ETag is re-read and retried once. */
  async patch(company: CompanyContext, current: BcItem, body: Partial<BcItem>): Promise<BcItem> {
    try {
      return await this.patchOnce(company, current, body);
    } catch (error) {
      if (!(error instanceof AdapterError) || !isEtagConflict(error)) throw error;
      const fresh = await this.lookup(company, current.number);
      if (!fresh) throw error;
      return this.patchOnce(company, fresh, body);
    }
  }

  private async patchOnce(company: CompanyContext, current: BcItem, body: Partial<BcItem>) {
    const answer = await this.client.call<BcItem>({
      method: 'PATCH',
      url: companyPath(company.id, 'items', current.id),
      headers: ifMatch(current),
      body,
      operation: 'items.update',
      sent: body,
      paths: ITEM_PATHS,
    });
    return answer.data;
  }

  private async post(company: CompanyContext, body: Partial<BcItem>): Promise<BcItem> {
    const answer = await this.client.call<BcItem>({
      method: 'POST',
      url: companyPath(company.id, 'items'),
      body,
      operation: 'items.create',
      sent: body,
      paths: ITEM_PATHS,
    });
    return answer.data;
  }

  outcome(company: CompanyContext, item: BcItem, created: boolean): UpsertOutcomeDto {
    return {
      externalId: externalIdOf(company.id, item.id),
      created,
      sourceVersion: item.lastModifiedDateTime,
    };
  }
}
