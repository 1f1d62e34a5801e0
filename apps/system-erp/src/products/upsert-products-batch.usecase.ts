import { Injectable } from '@nestjs/common';
import { type ProductBatchRequestDto, type ProductBatchResponseDto } from '@concord/contracts';
import { ErpProducts } from './erp-products.port.js';

@Injectable()
export class UpsertProductsBatchUseCase {
  constructor(private readonly products: ErpProducts) {}

  async execute(request: ProductBatchRequestDto): Promise<ProductBatchResponseDto> {
    return { results: await this.products.upsertMany(request.items) };
  }
}
