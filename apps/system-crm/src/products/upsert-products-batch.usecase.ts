import { Injectable } from '@nestjs/common';
import { CrmProducts } from './crm-products.port.js';
import { type ProductBatchRequestDto, type ProductBatchResponseDto } from '@concord/contracts';

@Injectable()
export class UpsertProductsBatchUseCase {
  constructor(private readonly crm: CrmProducts) {}

  /** One vendor batch; an item's failure is reported in its slot and never fails the others. */
  async execute(request: ProductBatchRequestDto): Promise<ProductBatchResponseDto> {
    const results = await this.crm.upsertMany(request.items);
    return {
      results: results.map((result) =>
        result.ok
          ? result
          : {
              sku: result.sku,
              ok: false,
              error: {
                kind: result.error.kind,
                message: result.error.message,
                details: result.error.details,
              },
            },
      ),
    };
  }
}
