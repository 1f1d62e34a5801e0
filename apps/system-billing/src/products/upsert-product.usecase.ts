import { Injectable } from '@nestjs/common';
import { ErrorCode, type ProductV1, type UpsertOutcomeDto } from '@concord/contracts';
import { ConcordException } from '@concord/governance';
import { IdempotentWrite, type IdempotentResult } from '@concord/platform';
import { BillingProducts } from './billing-products.port.js';
import { productWriteKey } from './product-write-key.util.js';

@Injectable()
export class UpsertProductUseCase {
  constructor(
    private readonly products: BillingProducts,
    private readonly idempotent: IdempotentWrite,
  ) {}

  execute(
    sku: string,
    product: ProductV1,
    idempotencyKey: string | undefined,
  ): Promise<IdempotentResult<UpsertOutcomeDto>> {
    if (product.sku !== sku) {
      throw new ConcordException(ErrorCode.VALIDATION_FAILED, 'The body SKU differs from the path SKU', [
        { path: 'sku', message: `body sku "${product.sku}" must equal the path sku "${sku}"` },
      ]);
    }
    return this.idempotent.run(
      'system-billing:products',
      idempotencyKey,
      { sku, body: product },
      async () => {
        const outcome = await this.products.upsert(product, productWriteKey(sku, idempotencyKey ?? ''));
        return { status: outcome.created ? 201 : 200, body: outcome };
      },
    );
  }
}
