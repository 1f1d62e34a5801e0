import { Injectable } from '@nestjs/common';
import { type ProductChangePageDto } from '@concord/contracts';
import { readFeedPage } from '../change-feed/feed-page.util.js';
import { ErpProducts } from './erp-products.port.js';

export const DEFAULT_PRODUCT_CHANGES_LIMIT = 500;

@Injectable()
export class ReadProductChangesUseCase {
  constructor(private readonly products: ErpProducts) {}

  execute(cursor: string | undefined, limit = DEFAULT_PRODUCT_CHANGES_LIMIT): Promise<ProductChangePageDto> {
    return readFeedPage((decoded) => this.products.changesSince(decoded, limit), cursor);
  }
}
