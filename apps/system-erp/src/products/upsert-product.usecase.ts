import { Injectable } from '@nestjs/common';
import { ErrorCode, type ProductV1, type UpsertOutcomeDto } from '@concord/contracts';
import { ConcordException } from '@concord/governance';
import { IdempotentWrite } from '@concord/platform';
import { ErpProducts } from './erp-products.port.js';

export const PRODUCTS_SCOPE = 'system-erp:products';

@Injectable()
export class UpsertProductUseCase {
  constructor(
    private readonly products: ErpProducts,
    private readonly idempotent: IdempotentWrite,
  ) {}

  /** 201 when the ERP item was created, 200 when it was replaced; a repeated key gets the first answer. */
  async execute(
    sku: string,
    idempotencyKey: string | undefined,
    product: ProductV1,
  ): Promise<{ status: number; body: UpsertOutcomeDto }> {
    if (product.sku !== sku) {
      throw new ConcordException(ErrorCode.VALIDATION_FAILED, 'The body names another SKU than the path', [
        { path: 'sku', message: `body sku "${product.sku}" differs from path sku "${sku}"` },
      ]);
    }
    const result = await this.idempotent.run(
      PRODUCTS_SCOPE,
      idempotencyKey,
      { sku, body: product },
      async () => {
        const outcome = await this.products.upsert(product);
        return { status: outcome.created ? 201 : 200, body: outcome };
      },
    );
    return { status: result.status, body: result.body };
  }
}
