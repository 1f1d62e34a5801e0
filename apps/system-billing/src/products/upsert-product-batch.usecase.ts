import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AdapterError, type ProductV1 } from '@concord/contracts';
import { BILLING_CONFIG, type BillingConfig } from '../system-billing.config.js';
import { BillingProducts } from './billing-products.port.js';
import { type ProductBatchResponseDto, type ProductBatchResultDto } from '@concord/contracts';
import { productWriteKey } from './product-write-key.util.js';

/**
 * Stripe has no batch endpoint: items are written a few at a time (the client's rate limiter paces
 * the calls), and each item reports its own outcome, so one bad item never fails the others.
 */
@Injectable()
export class UpsertProductBatchUseCase {
  constructor(
    private readonly products: BillingProducts,
    @Inject(BILLING_CONFIG) private readonly config: BillingConfig,
  ) {}

  async execute(items: ProductV1[]): Promise<ProductBatchResponseDto> {
    const results = new Array<ProductBatchResultDto>(items.length);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < items.length) {
        const index = next++;
        results[index] = await this.one(items[index]!);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.config.batchConcurrency, items.length) }, worker));
    return { results };
  }

  private async one(product: ProductV1): Promise<ProductBatchResultDto> {
    const { sku } = product;
    try {
      // Batch items carry no Idempotency-Key: the body itself keys the vendor write.
      const bodyKey = `batch-${createHash('sha256').update(JSON.stringify(product)).digest('hex').slice(0, 32)}`;
      return { sku, ok: true, outcome: await this.products.upsert(product, productWriteKey(sku, bodyKey)) };
    } catch (error) {
      const adapterError =
        error instanceof AdapterError
          ? error
          : new AdapterError({
              kind: 'Unknown',
              system: 'billing',
              operation: 'products.batch',
              message: error instanceof Error ? error.message : String(error),
            });
      return {
        sku,
        ok: false,
        error: { kind: adapterError.kind, message: adapterError.message, details: adapterError.details },
      };
    }
  }
}
