import { Injectable } from '@nestjs/common';
import { type ProductRecordV1 } from '@concord/contracts';
import { BillingProducts } from './billing-products.port.js';
import { productNotFound } from './get-product.usecase.js';

@Injectable()
export class DeactivateProductUseCase {
  constructor(private readonly products: BillingProducts) {}

  async execute(sku: string): Promise<ProductRecordV1> {
    const record = await this.products.deactivate(sku);
    if (!record) throw productNotFound(sku, 'products.deactivate');
    return record;
  }
}
