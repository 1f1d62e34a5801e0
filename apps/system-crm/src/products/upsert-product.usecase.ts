import { Injectable } from '@nestjs/common';
import { ErrorCode, type ProductV1, type UpsertOutcomeDto } from '@concord/contracts';
import { ConcordException } from '@concord/governance';
import { type IdempotentResult, IdempotentWrite } from '@concord/platform';
import { CrmProducts } from './crm-products.port.js';

export const PRODUCTS_SCOPE = 'system-crm:products';

@Injectable()
export class UpsertProductUseCase {
  constructor(
    private readonly crm: CrmProducts,
    private readonly idempotent: IdempotentWrite,
  ) {}

  /** 201 when the CRM product was created, 200 when updated; a repeated key replays the first answer. */
  execute(
    sku: string,
    key: string | undefined,
    product: ProductV1,
  ): Promise<IdempotentResult<UpsertOutcomeDto>> {
    if (product.sku !== sku) {
      throw new ConcordException(ErrorCode.VALIDATION_FAILED, 'the body is for another product', [
        { path: 'sku', message: `must equal the path's sku ${sku}` },
      ]);
    }
    return this.idempotent.run(PRODUCTS_SCOPE, key, { sku, body: product }, async () => {
      const outcome = await this.crm.upsert(product);
      return { status: outcome.created ? 201 : 200, body: outcome };
    });
  }
}
