import { Injectable } from '@nestjs/common';
import { type ProductChangePageDto } from '@concord/contracts';
import { readChangePage } from '../change-feed/change-page.util.js';
import { CrmProducts } from './crm-products.port.js';

@Injectable()
export class ListProductChangesUseCase {
  constructor(private readonly crm: CrmProducts) {}

  execute(encodedCursor: string | undefined, limit: number): Promise<ProductChangePageDto> {
    return readChangePage((position, size) => this.crm.readChanges(position, size), encodedCursor, limit);
  }
}
