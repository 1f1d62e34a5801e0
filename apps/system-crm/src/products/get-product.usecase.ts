import { Injectable } from '@nestjs/common';
import { ErrorCode, type ProductRecordV1 } from '@concord/contracts';
import { ConcordException } from '@concord/governance';
import { CrmProducts } from './crm-products.port.js';

export function productNotFound(sku: string): ConcordException {
  return new ConcordException(ErrorCode.NOT_FOUND, `No CRM product has sku ${sku}`, [
    { path: 'sku', message: 'not found' },
  ]);
}

@Injectable()
export class GetProductUseCase {
  constructor(private readonly crm: CrmProducts) {}

  async execute(sku: string): Promise<ProductRecordV1> {
    const record = await this.crm.find(sku);
    if (!record) throw productNotFound(sku);
    return record;
  }
}
