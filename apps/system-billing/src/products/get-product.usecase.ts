import { Injectable } from '@nestjs/common';
import { AdapterError, type ProductRecordV1 } from '@concord/contracts';
import { BillingProducts } from './billing-products.port.js';

export function productNotFound(sku: string, operation: string): AdapterError {
  return new AdapterError({
    kind: 'NotFound',
    system: 'billing',
    operation,
    message: `no billing product holds SKU ${sku}`,
  });
}

@Injectable()
export class GetProductUseCase {
  constructor(private readonly products: BillingProducts) {}

  async execute(sku: string): Promise<ProductRecordV1> {
    const record = await this.products.find(sku);
    if (!record) throw productNotFound(sku, 'products.get');
    return record;
  }
}
