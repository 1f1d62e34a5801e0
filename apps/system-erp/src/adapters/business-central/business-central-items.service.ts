import { Injectable } from '@nestjs/common';
import { type ProductV1, type UpsertOutcomeDto } from '@concord/contracts';
import { BusinessCentralClient } from './business-central.client.js';
import { BusinessCentralCompanies } from './business-central-companies.service.js';
import { ITEM_PATHS } from './business-central.errors.js';
import { toBcItem } from './business-central-items.mappers.js';
import { type BcItem, type BcItemWrite, type CompanyContext } from './business-central.types.js';
import { NumberedEntityStore } from './numbered-entity.store.js';

export interface FoundItem {
  company: CompanyContext;
  item: BcItem;
}

/** Idempotent item writes and reads by number (= SKU) in the product company. */
@Injectable()
export class BusinessCentralItems {
  private readonly store: NumberedEntityStore<BcItem, BcItemWrite>;

  constructor(
    client: BusinessCentralClient,
    private readonly companies: BusinessCentralCompanies,
  ) {
    this.store = new NumberedEntityStore(client, { set: 'items', paths: ITEM_PATHS });
  }

  async find(sku: string): Promise<FoundItem | undefined> {
    const company = await this.companies.forProducts();
    const item = await this.lookup(company, sku);
    return item ? { company, item } : undefined;
  }

  lookup(company: CompanyContext, sku: string): Promise<BcItem | undefined> {
    return this.store.lookup(company, sku);
  }

  async upsert(product: ProductV1): Promise<UpsertOutcomeDto> {
    const company = await this.companies.forProducts();
    return this.store.upsert(company, toBcItem(product, company));
  }

  /** Blocks the item; an item already blocked is left as it is. */
  async deactivate(sku: string): Promise<FoundItem | undefined> {
    const found = await this.find(sku);
    if (!found || found.item.blocked) return found;
    const item = await this.store.patch(found.company, found.item, { blocked: true });
    return { company: found.company, item };
  }

  outcome(company: CompanyContext, item: BcItem, created: boolean): UpsertOutcomeDto {
    return this.store.outcome(company, item, created);
  }
}
