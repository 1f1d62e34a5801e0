import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type ProductBatchResponseDto, type ProductBatchResultDto, type ProductV1 } from '@concord/contracts';
import { eachItem, itemFailure } from '../common/batch-items.util.js';
import { BILLING_CONFIG, type BillingConfig } from '../system-billing.config.js';
import { BillingProducts } from './billing-products.port.js';
import { productWriteKey } from './product-write-key.util.js';

/** A batch of products, each item reporting its own outcome, so one bad item never fails the others. */
@Injectable()
export class UpsertProductBatchUseCase {
  constructor(
    private readonly products: BillingProducts,
    @Inject(BILLING_CONFIG) private readonly config: BillingConfig,
  ) {}

  async execute(items: ProductV1[]): Promise<ProductBatchResponseDto> {
    return { results: await eachItem(items, this.config.batchConcurrency, (item) => this.one(item)) };
  }

  private async one(product: ProductV1): Promise<ProductBatchResultDto> {
    const { sku } = product;
    try {
      // Batch items carry no Idempotency-Key: the body itself keys the vendor write.
      const bodyKey = `batch-${createHash('sha256').update(JSON.stringify(product)).digest('hex').slice(0, 32)}`;
      return { sku, ok: true, outcome: await this.products.upsert(product, productWriteKey(sku, bodyKey)) };
    } catch (error) {
      return { sku, ok: false, error: itemFailure(error, 'products.batch') };
    }
  }
}
