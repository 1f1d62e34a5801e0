import { Injectable } from '@nestjs/common';
import {
  type ChangeCursor,
  type ProductChangeDto,
  type ProductRecordV1,
  type ProductV1,
  type UpsertOutcomeDto,
} from '@concord/contracts';
import {
  type ErpProductChangePage,
  ErpProducts,
  type ProductWriteResult,
} from '../../products/erp-products.port.js';
import { BusinessCentralCompanies } from './business-central-companies.service.js';
import { BusinessCentralDeltaFeed } from './business-central-delta-feed.service.js';
import { BusinessCentralItems } from './business-central-items.service.js';
import { BusinessCentralItemsBatch } from './business-central-items-batch.service.js';
import { fromBcItem } from './business-central-items.mappers.js';
import { externalIdOf } from './business-central.mappers.js';
import { type BcItem } from './business-central.types.js';

/** The ERP product port on Microsoft Dynamics 365 Business Central items. */
@Injectable()
export class BusinessCentralErpProducts extends ErpProducts {
  constructor(
    private readonly items: BusinessCentralItems,
    private readonly companies: BusinessCentralCompanies,
    private readonly feed: BusinessCentralDeltaFeed,
    private readonly batch: BusinessCentralItemsBatch,
  ) {
    super();
  }

  async find(sku: string): Promise<ProductRecordV1 | undefined> {
    const found = await this.items.find(sku);
    return found ? fromBcItem(found.item, found.company) : undefined;
  }

  upsert(product: ProductV1): Promise<UpsertOutcomeDto> {
    return this.items.upsert(product);
  }

  /** Through `$batch`, 100 items a request. */
  upsertMany(products: ProductV1[]): Promise<ProductWriteResult[]> {
    return this.batch.upsertMany(products);
  }

  async deactivate(sku: string): Promise<ProductRecordV1 | undefined> {
    const found = await this.items.deactivate(sku);
    return found ? fromBcItem(found.item, found.company) : undefined;
  }

  /**
   * Item changes in the product company. Business Central reports a deleted item by its ID alone, so a
   * deletion carries an empty `sku`: consumers match it by `externalId`.
   */
  async changesSince(cursor: ChangeCursor | undefined, limit: number): Promise<ErpProductChangePage> {
    return this.feed.page<BcItem, ProductChangeDto>(
      {
        set: 'items',
        companies: [await this.companies.forProducts()],
        changed: (company, item) => {
          const record = fromBcItem(item, company);
          return {
            kind: 'upsert',
            sku: record.sku,
            externalId: record.externalId,
            sourceVersion: record.sourceVersion,
            record,
          };
        },
        deleted: (company, id, observedAt) => ({
          kind: 'delete',
          sku: '',
          externalId: externalIdOf(company.id, id),
          sourceVersion: observedAt,
        }),
      },
      cursor,
      limit,
    );
  }
}
