import { Injectable } from '@nestjs/common';
import { type ProductRecordV1 } from '@concord/contracts';
import { CrmProducts } from './crm-products.port.js';
import { productNotFound } from './get-product.usecase.js';

@Injectable()
export class DeactivateProductUseCase {
  constructor(private readonly crm: CrmProducts) {}

  /** Idempotent by nature: a product already inactive is answered as it is. */
  async execute(sku: string): Promise<ProductRecordV1> {
    const record = await this.crm.deactivate(sku);
    if (!record) throw productNotFound(sku);
    return record;
  }
}
