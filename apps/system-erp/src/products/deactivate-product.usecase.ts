import { Injectable } from '@nestjs/common';
import { type ProductRecordV1 } from '@concord/contracts';
import { ErpProducts } from './erp-products.port.js';
import { unknownProduct } from './get-product.usecase.js';

@Injectable()
export class DeactivateProductUseCase {
  constructor(private readonly products: ErpProducts) {}

  /** Idempotent: a product already inactive is answered as it is. */
  async execute(sku: string): Promise<ProductRecordV1> {
    const record = await this.products.deactivate(sku);
    if (!record) throw unknownProduct(sku);
    return record;
  }
}
