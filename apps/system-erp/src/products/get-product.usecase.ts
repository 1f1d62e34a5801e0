import { Injectable } from '@nestjs/common';
import { ErrorCode, type ProductRecordV1 } from '@concord/contracts';
import { ConcordException } from '@concord/governance';
import { ErpProducts } from './erp-products.port.js';

export const unknownProduct = (sku: string): ConcordException =>
  new ConcordException(ErrorCode.NOT_FOUND, `No ERP item ${sku}`, [
    { path: 'sku', message: 'unknown in the ERP' },
  ]);

@Injectable()
export class GetProductUseCase {
  constructor(private readonly products: ErpProducts) {}

  async execute(sku: string): Promise<ProductRecordV1> {
    const record = await this.products.find(sku);
    if (!record) throw unknownProduct(sku);
    return record;
  }
}
